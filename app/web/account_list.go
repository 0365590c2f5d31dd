package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/store"
)

// accountList shows every account and the form for a new one.
func (s *Server) accountList(c *fiber.Ctx) error {
	return s.renderAccounts(c, http.StatusOK, fiber.Map{}, nil)
}

func (s *Server) renderAccounts(c *fiber.Ctx, status int, form fiber.Map, errs map[string]string) error {
	users, err := store.Users(c.UserContext(), s.db)
	if err != nil {
		return err
	}
	orgs, err := store.Organisations(c.UserContext(), s.db)
	if err != nil {
		return err
	}
	return s.render(c, status, "pages/admin_accounts", "", "admin.accounts.title", fiber.Map{
		"Accounts": users, "Organisations": orgs, "PlatformRoles": model.PlatformRoles,
		"Form": form, "Errors": errs,
	})
}
