package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// calendarShow is the page of one's personal calendar address: whether
// there is one, and the buttons to make a new one or revoke it. The
// address itself is shown only right after it is made.
func (s *Server) calendarShow(c *fiber.Ctx) error {
	tok, err := s.svc.CalendarAddress(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "pages/calendar", "", "calendar.title", fiber.Map{
		"Token": tok, "Address": "", "Webcal": "",
	})
}
