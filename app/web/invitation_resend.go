package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// invitationResend sends an open invitation again with a new link; the
// old link stops working.
func (s *Server) invitationResend(c *fiber.Ctx) error {
	iid, err := idParam(c, "iid")
	if err != nil {
		return err
	}
	if _, err := s.svc.ResendInvitation(c.UserContext(), currentUser(c), workspaceID(c), iid); err != nil {
		return err
	}
	return s.invitationsChanged(c, "invitation_resent")
}

// invitationsChanged answers a change of an invitation: the fresh list
// with a confirmation for htmx, a redirect back to the member page
// otherwise.
func (s *Server) invitationsChanged(c *fiber.Ctx, notice string) error {
	if !isHTMX(c) {
		return redirect(c, withNotice(membersPath(c), notice)+"#invitations")
	}
	d, err := s.members(c)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK, views.InvitationList(d, "notice."+notice, false))
}
