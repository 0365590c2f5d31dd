package web

import (
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// signInForm shows the sign-in page, or sends a signed-in user on.
func (s *Server) signInForm(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/workspaces", fiber.StatusSeeOther)
	}
	return s.renderSignIn(c, http.StatusOK, "", "", nil)
}

func (s *Server) renderSignIn(c *fiber.Ctx, status int, email, errMsg string, fields map[string]string) error {
	next := localPath(c.FormValue("next", c.Query("next")))
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("signin.title")}, views.SignInPage(views.SignIn{
		Email: email, Error: errMsg, Next: next, Errors: fields,
	}))
}

// signInSubmit checks the credentials and starts a fresh session.
func (s *Server) signInSubmit(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("email"))
	u, err := s.svc.SignIn(c.UserContext(), email, c.FormValue("password"))
	if err != nil {
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
// the workspaces.
func (s *Server) completeSignIn(c *fiber.Ctx, u *model.User, next string) error {
	if err := s.signIn(c, u); err != nil {
		return err
	}
	s.log.Info("signed in", "user", u.ID)
	if next == "" {
		next = "/workspaces"
	}
	return redirect(c, next)
}

// accountLimiter counts failed sign-ins per e-mail address.
func (s *Server) accountLimiter() fiber.Handler {
	return limiter.New(limiter.Config{
		Max:                    s.cfg.LoginAttempts,
		Expiration:             s.cfg.LoginWindow,
		SkipSuccessfulRequests: true,
		KeyGenerator: func(c *fiber.Ctx) string {
			return "account:" + service.NormaliseEmail(c.FormValue("email"))
		},
		LimitReached: s.signInLimited,
	})
}

// addressLimiter counts failed sign-ins per client address. It allows more
// than the per-account limit, since many people may share one office address.
func (s *Server) addressLimiter() fiber.Handler {
	return limiter.New(limiter.Config{
		Max:                    s.cfg.LoginAttempts * 4,
		Expiration:             s.cfg.LoginWindow,
		SkipSuccessfulRequests: true,
		KeyGenerator:           func(c *fiber.Ctx) string { return "address:" + c.IP() },
		LimitReached:           s.signInLimited,
	})
}

func (s *Server) signInLimited(c *fiber.Ctx) error {
	s.log.Warn("sign-in rate limited", "address", c.IP())
	return s.renderSignIn(c, http.StatusTooManyRequests, strings.TrimSpace(c.FormValue("email")), "signin.error.rate_limited", nil)
}
