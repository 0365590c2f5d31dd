package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/i18n"
)

// languageSwitch remembers the chosen language (in a cookie, and for a
// signed-in user in the account) and returns to the page it came from.
func (s *Server) languageSwitch(c *fiber.Ctx) error {
	lang := c.FormValue("lang")
	if !i18n.Supported(lang) {
		return apperr.New(http.StatusBadRequest, "error.bad_request")
	}
	s.setLanguageCookie(c, lang)
	if u := currentUser(c); u != nil {
		if err := s.svc.SetLocale(c.UserContext(), u, lang); err != nil {
			return err
		}
	}
	back := localPath(c.FormValue("back"))
	if back == "" {
		back = "/"
	}
	return redirect(c, back)
}
