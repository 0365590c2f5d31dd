package web

import (
	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// accountProfile changes one's name and language; the page speaks the new
// language at once.
func (s *Server) accountProfile(c *fiber.Ctx) error {
	in := service.ProfileInput{Name: c.FormValue("name"), Locale: c.FormValue("locale")}
	if err := s.svc.UpdateProfile(c.UserContext(), currentUser(c), in); err != nil {
		if fields := fieldErrors(err); fields != nil {
			return s.renderAccount(c, fiber.StatusUnprocessableEntity, views.AccountView{Name: in.Name, Locale: in.Locale, Errors: fields})
		}
		return err
	}
	s.setLanguageCookie(c, in.Locale)
	return redirect(c, withNotice("/account", "profile_saved"))
}

// accountPassword changes one's password; every other session of the
// account ends.
func (s *Server) accountPassword(c *fiber.Ctx) error {
	u := currentUser(c)
	err := s.svc.ChangePassword(c.UserContext(), u, c.FormValue("current_password"), c.FormValue("new_password"), currentSessionID(c))
	if err != nil {
		if fields := fieldErrors(err); fields != nil {
			return s.renderAccount(c, fiber.StatusUnprocessableEntity, views.AccountView{Name: u.Name, Locale: u.Locale, Errors: fields})
		}
		return err
	}
	return redirect(c, withNotice("/account", "password_changed"))
}
