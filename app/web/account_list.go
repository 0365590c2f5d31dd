package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// accountList shows every account and the form for a new one.
func (s *Server) accountList(c *fiber.Ctx) error {
	return s.renderAccounts(c, http.StatusOK, service.AccountInput{}, nil)
}

// renderAccounts shows the accounts page with the new-account form as
// typed, and what was wrong with it.
func (s *Server) renderAccounts(c *fiber.Ctx, status int, form service.AccountInput, errs map[string]string) error {
	users, err := s.svc.Accounts(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	orgs, err := s.svc.Organisations(c.UserContext())
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("admin.accounts.title")}, views.AdminAccountsPage(views.AccountsAdmin{
		Accounts: users, Organisations: orgs, Form: form, Errors: errs,
	}))
}
