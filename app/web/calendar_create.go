package web

import (
	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// calendarCreate makes a new secret calendar address, which replaces any
// earlier one, and shows it this once: only its hash is kept.
func (s *Server) calendarCreate(c *fiber.Ctx) error {
	ctx, u := c.UserContext(), currentUser(c)
	token, err := newCalendarToken()
	if err != nil {
		return err
	}
	if err := s.svc.SetCalendarAddress(ctx, u, s.calendarHash(token)); err != nil {
		return err
	}
	tok, err := s.svc.CalendarAddress(ctx, u)
	if err != nil {
		return err
	}
	address := s.calendarAddress(token)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderCalendar(c, views.CalendarAddress{Token: tok, Address: address, Webcal: webcalAddress(address)})
}
