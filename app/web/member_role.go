package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
)

// memberRole changes the role of one member.
func (s *Server) memberRole(c *fiber.Ctx) error {
	mid, err := strconv.ParseInt(c.Params("mid"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	err = s.svc.ChangeRole(c.UserContext(), currentUser(c), workspaceID(c), mid, model.Role(c.FormValue("role")))
	if err != nil {
		return err
	}
	return s.membersChanged(c, "role_changed")
}
