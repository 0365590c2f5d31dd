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
	orgs, err := s.svc.OrganisationsByRegion(c.UserContext())
	if err != nil {
		return err
	}
	page := views.Page{Title: s.translator(c).Get("admin.accounts.title"), Scripts: []string{views.OrgPickerScript}}
	return s.renderPage(c, status, page, views.AdminAccountsPage(views.AccountsAdmin{
		Accounts: users, Organisations: orgs, Form: form, Errors: errs,
	}))
}
