package web

import "github.com/gofiber/fiber/v2"

// calendarRevoke ends one's calendar address: from now on it is not found.
func (s *Server) calendarRevoke(c *fiber.Ctx) error {
	if err := s.svc.RevokeCalendarAddress(c.UserContext(), currentUser(c)); err != nil {
		return err
	}
	return redirect(c, withNotice("/calendar", "calendar_revoked"))
}
