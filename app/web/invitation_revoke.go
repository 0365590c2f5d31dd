package web

import "github.com/gofiber/fiber/v2"

// invitationRevoke ends an open invitation: its link stops working.
func (s *Server) invitationRevoke(c *fiber.Ctx) error {
	iid, err := idParam(c, "iid")
	if err != nil {
		return err
	}
	if _, err := s.svc.RevokeInvitation(c.UserContext(), currentUser(c), workspaceID(c), iid); err != nil {
		return err
	}
	return s.invitationsChanged(c, "invitation_revoked")
}
