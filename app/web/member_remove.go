package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
)

// memberRemove ends one membership.
func (s *Server) memberRemove(c *fiber.Ctx) error {
	mid, err := strconv.ParseInt(c.Params("mid"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	if err := s.svc.RemoveMember(c.UserContext(), currentUser(c), workspaceID(c), mid); err != nil {
		return err
	}
	return s.membersChanged(c, "member_removed")
}
