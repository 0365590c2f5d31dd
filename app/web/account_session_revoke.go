package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
)

// accountSessionRevoke ends one of one's sessions, on whichever device it
// is; ending the one in use signs out here.
func (s *Server) accountSessionRevoke(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("sid"), 10, 64)
	if err != nil || id <= 0 {
		return apperr.NotFound()
	}
	if err := s.svc.RevokeSession(c.UserContext(), currentUser(c), id); err != nil {
		return err
	}
	if id == currentSessionID(c) {
		if err := s.dropSession(c); err != nil {
			return err
		}
		c.ClearCookie(csrfCookie)
		return redirect(c, withNotice("/login", "signed_out"))
	}
	return redirect(c, withNotice("/account", "session_revoked"))
}
