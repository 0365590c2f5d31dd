package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
)

// accountCreate adds an account with an initial password.
func (s *Server) accountCreate(c *fiber.Ctx) error {
	org, _ := strconv.ParseInt(c.FormValue("organisation"), 10, 64)
	in := service.AccountInput{
		Name: c.FormValue("name"), Email: c.FormValue("email"), OrganisationID: org,
		PlatformRole: model.PlatformRole(c.FormValue("platform_role")), Password: c.FormValue("password"),
	}
	_, err := s.svc.CreateAccount(c.UserContext(), currentUser(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderAccounts(c, http.StatusUnprocessableEntity, in, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/admin/accounts", "account_created"))
}
