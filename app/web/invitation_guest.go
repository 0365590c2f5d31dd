package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// invitationGuest invites someone by e-mail to the meeting as a guest.
// With htmx it answers with a fresh form that confirms it; refused input
// comes back in the form, on the meeting's page without JavaScript.
func (s *Server) invitationGuest(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	in := invitationInput(c)
	inv, err := s.svc.InviteToMeeting(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, in)
	if fields := fieldErrors(err); fields != nil {
		p, perr := s.meetingPage(c, m.ID)
		if perr != nil {
			return perr
		}
		if p.GuestInvite == nil {
			return err
		}
		p.GuestInvite.Form = inviteForm(in, fields, p.GuestInvite.Form.Organisations)
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.GuestInviteSection(*p.GuestInvite))
		}
		return s.renderMeetingPage(c, http.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "invitation_sent")+"#guest-invite")
	}
	orgs, err := s.svc.OrganisationChoices(c.UserContext(), m.WorkspaceID)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK, views.GuestInviteSection(views.GuestInvite{
		Meeting: m, Form: views.InviteForm{Language: in.Language, Organisations: orgs, Sent: inv.Email},
	}))
}
