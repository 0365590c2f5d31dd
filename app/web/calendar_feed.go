package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
)

// calendarFeed is a user's personal calendar: the meetings they attend, for
// a calendar app to subscribe to. The secret token in the address is the
// only credential, as calendar apps send no cookies; an unknown or revoked
// token, or a disabled account, is not found.
func (s *Server) calendarFeed(c *fiber.Ctx) error {
	token := c.Params("token")
	if !validCalendarToken(token) {
		return apperr.NotFound()
	}
	u, meetings, err := s.svc.CalendarFeed(c.UserContext(), s.calendarHash(token), time.Now())
	if err != nil {
		return err
	}
	t := s.messages.Translator(u.Locale)
	cal := newCalendar()
	cal.SetName(t.Get("calendar.feed_name"))
	cal.SetXWRCalName(t.Get("calendar.feed_name"))
	cal.SetXWRTimezone("Europe/Amsterdam")
	cal.SetRefreshInterval("PT1H")
	cal.SetXPublishedTTL("PT1H")
	for i := range meetings {
		s.addMeetingEvent(cal, t, &meetings[i])
	}
	c.Set(fiber.HeaderContentType, icsContentType)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.SendString(cal.Serialize())
}
