package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/views"
)

// accountTwoFactorForm sets up two-factor for a signed-in account.
func (s *Server) accountTwoFactorForm(c *fiber.Ctx) error {
	u := currentUser(c)
	if u.TwoFactor() {
		return redirect(c, "/account")
	}
	return s.renderTwoFactorSetup(c, http.StatusOK, u, "/account/two-factor", "", false)
}

// accountTwoFactorConfirm switches two-factor on with a code from the app
// and shows the recovery codes once.
func (s *Server) accountTwoFactorConfirm(c *fiber.Ctx) error {
	u := currentUser(c)
	codes, err := s.svc.ConfirmTwoFactor(c.UserContext(), u, c.FormValue("code"))
	if e, ok := apperr.As(err); ok && e.Fields["code"] != "" {
		return s.renderTwoFactorSetup(c, e.Status, u, "/account/two-factor", e.Fields["code"], false)
	}
	if err != nil {
		return err
	}
	return s.renderRecoveryCodes(c, views.RecoveryCodes{Codes: codes, Next: "/account", Enabled: true})
}

// accountTwoFactorOff switches two-factor off with a valid code, where the
// account may go without.
func (s *Server) accountTwoFactorOff(c *fiber.Ctx) error {
	u := currentUser(c)
	if err := s.svc.DisableTwoFactor(c.UserContext(), u, c.FormValue("off_code")); err != nil {
		return s.accountCodeError(c, err, "off_code")
	}
	return redirect(c, withNotice("/account", "two_factor_off"))
}

// accountRecoveryCodes replaces the recovery codes, with a code from the
// app, and shows the new ones once.
func (s *Server) accountRecoveryCodes(c *fiber.Ctx) error {
	codes, err := s.svc.RenewRecoveryCodes(c.UserContext(), currentUser(c), c.FormValue("renew_code"))
	if err != nil {
		return s.accountCodeError(c, err, "renew_code")
	}
	return s.renderRecoveryCodes(c, views.RecoveryCodes{Codes: codes, Next: "/account"})
}

// accountCodeError shows a refused code at the account page's field.
func (s *Server) accountCodeError(c *fiber.Ctx, err error, field string) error {
	e, ok := apperr.As(err)
	if !ok || e.Fields["code"] == "" {
		return err
	}
	u := currentUser(c)
	return s.renderAccount(c, e.Status, views.AccountView{Name: u.Name, Locale: u.Locale, Errors: map[string]string{field: e.Fields["code"]}})
}
