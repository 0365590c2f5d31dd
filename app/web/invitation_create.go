package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// invitationInput reads an invitation form.
func invitationInput(c *fiber.Ctx) service.InvitationInput {
	return service.InvitationInput{
		Email: c.FormValue("email"), Name: c.FormValue("name"), Role: model.Role(c.FormValue("role")),
		Organisation: c.FormValue("organisation"), Language: c.FormValue("language"),
	}
}

// inviteForm is the form as typed, with its errors.
func inviteForm(in service.InvitationInput, errs map[string]string, orgs []service.OrganisationGroup) views.InviteForm {
	return views.InviteForm{
		Email: in.Email, Name: in.Name, Role: string(in.Role), Organisation: in.Organisation,
		Language: in.Language, Errors: errs, Organisations: orgs,
	}
}

// invitationCreate invites someone into the workspace by e-mail. With
// htmx it answers with a fresh form that confirms it, and the list of
// open invitations out of band; refused input comes back in the form.
func (s *Server) invitationCreate(c *fiber.Ctx) error {
	in := invitationInput(c)
	inv, err := s.svc.Invite(c.UserContext(), currentUser(c), workspaceID(c), in)
	if fields := fieldErrors(err); fields != nil {
		d, derr := s.members(c)
		if derr != nil {
			return derr
		}
		d.Invite = inviteForm(in, fields, d.Invite.Organisations)
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.InviteSection(d))
		}
		return s.renderMemberPage(c, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(membersPath(c), "invitation_sent")+"#invitations")
	}
	d, err := s.members(c)
	if err != nil {
		return err
	}
	d.Invite.Sent = inv.Email
	return s.renderFragments(c, http.StatusOK, views.InviteSection(d), views.InvitationList(d, "", true))
}

// membersPath is the member page of the request's workspace.
func membersPath(c *fiber.Ctx) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID(c), 10) + "/members"
}
