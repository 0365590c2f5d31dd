package web

import (
	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// accountDelete deletes one's own account after its password is
// confirmed; the work it did stays under "deleted user".
func (s *Server) accountDelete(c *fiber.Ctx) error {
	u := currentUser(c)
	if err := s.svc.DeleteAccount(c.UserContext(), u, c.FormValue("delete_password")); err != nil {
		if fields := fieldErrors(err); fields != nil {
			return s.renderAccount(c, fiber.StatusUnprocessableEntity, views.AccountView{Name: u.Name, Locale: u.Locale, Errors: fields})
		}
		return err
	}
	if err := s.dropSession(c); err != nil {
		return err
	}
	c.ClearCookie(csrfCookie)
	return redirect(c, withNotice("/login", "account_deleted"))
}
