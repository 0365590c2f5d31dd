package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// calendarShow is the page of one's personal calendar address: whether
// there is one, and the buttons to make a new one or revoke it. The
// address itself is shown only right after it is made.
func (s *Server) calendarShow(c *fiber.Ctx) error {
	tok, err := s.svc.CalendarAddress(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.renderCalendar(c, views.CalendarAddress{Token: tok})
}

// renderCalendar answers with the calendar page.
func (s *Server) renderCalendar(c *fiber.Ctx, d views.CalendarAddress) error {
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("calendar.title")}, views.CalendarPage(d))
}
