package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// signInForm shows the sign-in page, or sends a signed-in user on.
func (s *Server) signInForm(c *fiber.Ctx) error {
	if u := currentUser(c); u != nil {
		return c.Redirect(landing(u), fiber.StatusSeeOther)
	}
	return s.renderSignIn(c, http.StatusOK, "", "", nil)
}

func (s *Server) renderSignIn(c *fiber.Ctx, status int, email, errMsg string, fields map[string]string, errArgs ...any) error {
	next := localPath(c.FormValue("next", c.Query("next")))
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("signin.title")}, views.SignInPage(views.SignIn{
		Email: email, Error: errMsg, ErrorArgs: errArgs, Next: next, Errors: fields,
	}))
}

// signInSubmit checks the credentials and starts a fresh session. After
// failures of the account or from the address, a try waits
// (service.SignInLimits): the answer says how long.
func (s *Server) signInSubmit(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	u, err := s.svc.SignIn(c.UserContext(), service.SignInAttempt{
		Email: email, Password: c.FormValue("password"), Address: c.IP(),
	})
	if err != nil {
		var delayed *service.SignInDelayed
		if errors.As(err, &delayed) {
			return s.signInDelayed(c, email, delayed.Wait)
		}
		if e, ok := apperr.As(err); ok {
			return s.renderSignIn(c, e.Status, email, e.MessageID, e.Fields)
		}
		return err
	}
	return s.afterPassword(c, u, localPath(c.FormValue("next")))
}

// afterPassword goes on from a right password: to the second step when
// the account has two-factor, to setting it up when the account needs it
// and has none, and otherwise into Schakel.
func (s *Server) afterPassword(c *fiber.Ctx, u *model.User, next string) error {
	switch {
	case u.TwoFactor():
		if err := s.signInHalfway(c, u, false, next); err != nil {
			return err
		}
		return redirect(c, "/login/two-factor")
	case s.svc.TwoFactorRequired(u):
		if err := s.signInHalfway(c, u, true, next); err != nil {
			return err
		}
		return redirect(c, "/login/two-factor/setup")
	}
	return s.completeSignIn(c, u, next)
}

// completeSignIn starts the account's session and goes on to next, or to
// where the account starts (landing).
func (s *Server) completeSignIn(c *fiber.Ctx, u *model.User, next string) error {
	if err := s.signIn(c, u); err != nil {
		return err
	}
	s.log.Info("signed in", "user", u.ID)
	if next == "" {
		next = landing(u)
	}
	return redirect(c, next)
}

// signInDelayed answers a sign-in that must wait: 429 with Retry-After,
// and the sign-in page saying how long, in seconds or, from two minutes
// on, in minutes.
func (s *Server) signInDelayed(c *fiber.Ctx, email string, wait time.Duration) error {
	seconds := int((wait + time.Second - 1) / time.Second)
	s.log.Warn("sign-in delayed", "address", c.IP(), "wait_seconds", seconds)
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(seconds))
	if seconds >= 120 {
		return s.renderSignIn(c, http.StatusTooManyRequests, email, "signin.error.wait_minutes", nil, "Count", (seconds+59)/60)
	}
	return s.renderSignIn(c, http.StatusTooManyRequests, email, "signin.error.wait_seconds", nil, "Count", seconds)
}
