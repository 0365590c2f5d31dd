package web

import (
	"github.com/gofiber/fiber/v2"
)

// calendarInvite sends one meeting as an iCalendar file, to add to one's
// own calendar.
func (s *Server) calendarInvite(c *fiber.Ctx) error {
	mid, err := idParam(c, "mid")
	if err != nil {
		return err
	}
	r, err := s.svc.MeetingAgenda(c.UserContext(), currentUser(c), workspaceID(c), mid)
	if err != nil {
		return err
	}
	cal := newCalendar()
	s.addMeetingEvent(cal, s.translator(c), r)
	c.Set(fiber.HeaderContentType, icsContentType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+exportFileName(r, "", ".ics")+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.SendString(cal.Serialize())
}
