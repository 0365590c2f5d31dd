package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/views"
)

// passwordForgotForm asks for the address to send a reset link to.
func (s *Server) passwordForgotForm(c *fiber.Ctx) error {
	return s.renderForgot(c, http.StatusOK, views.ForgotPassword{})
}

// passwordForgotSubmit sends a reset link, if the address is an account's;
// the answer is the same either way.
func (s *Server) passwordForgotSubmit(c *fiber.Ctx) error {
	addr := strings.TrimSpace(c.FormValue("email"))
	err := s.svc.RequestPasswordReset(c.UserContext(), addr, func(token string) string {
		return s.cfg.BaseURL + "/password/reset?token=" + url.QueryEscape(token)
	})
	if fields := fieldErrors(err); fields != nil {
		return s.renderForgot(c, http.StatusUnprocessableEntity, views.ForgotPassword{Email: addr, Errors: fields})
	}
	if err != nil {
		return err
	}
	return s.renderForgot(c, http.StatusOK, views.ForgotPassword{Sent: true})
}

func (s *Server) renderForgot(c *fiber.Ctx, status int, d views.ForgotPassword) error {
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("reset.forgot.heading")}, views.ForgotPasswordPage(d))
}

// passwordResetForm is the page a reset link opens: a new password, or
// the message that the link no longer works.
func (s *Server) passwordResetForm(c *fiber.Ctx) error {
	token := c.Query("token")
	if err := s.svc.CheckPasswordReset(c.UserContext(), token); err != nil {
		return s.resetError(c, err, token)
	}
	return s.renderReset(c, http.StatusOK, views.ResetPassword{Token: token})
}

// passwordResetSubmit sets the new password; every session of the account
// ends, and the next sign-in asks the second step as before.
func (s *Server) passwordResetSubmit(c *fiber.Ctx) error {
	token := c.FormValue("token")
	if err := s.svc.ResetPassword(c.UserContext(), token, c.FormValue("new_password")); err != nil {
		return s.resetError(c, err, token)
	}
	if currentUser(c) != nil {
		if err := s.dropSession(c); err != nil {
			return err
		}
	}
	return redirect(c, withNotice("/login", "password_reset"))
}

// resetError shows why a reset link did not work.
func (s *Server) resetError(c *fiber.Ctx, err error, token string) error {
	e, ok := apperr.As(err)
	switch {
	case ok && e.Status == http.StatusGone:
		return s.renderReset(c, http.StatusGone, views.ResetPassword{Expired: true})
	case ok && e.Fields != nil:
		return s.renderReset(c, e.Status, views.ResetPassword{Token: token, Errors: e.Fields})
	}
	return err
}

// renderReset answers with the reset page; it is never kept in a cache,
// and the link's token leaves with no request to another site.
func (s *Server) renderReset(c *fiber.Ctx, status int, d views.ResetPassword) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("reset.heading")}, views.ResetPasswordPage(d))
}
