package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/service"
	"schakel/views"
)

// invitationShow is the page an invitation's link opens: how to accept it
// (set up an account, sign in first, or accept with the account signed
// in), or why it no longer works and whom to ask. An unknown link is not
// found.
func (s *Server) invitationShow(c *fiber.Ctx) error {
	l, err := s.svc.OpenInvitation(c.UserContext(), c.Params("token"))
	if err != nil {
		return err
	}
	// Someone who chose no language yet reads the invitation in the
	// language it was written in, and keeps it from here on.
	if lang := l.Invitation.Locale; currentUser(c) == nil && !i18n.Supported(c.Cookies(langCookie)) && i18n.Supported(lang) {
		s.setLanguageCookie(c, lang)
		c.Locals("translator", s.messages.Translator(lang))
	}
	return s.renderInvitation(c, views.InvitationLanding{Link: l}, http.StatusOK)
}

// renderInvitation answers with an invitation's page: 410 Gone when the
// link no longer works, else status. The page holds the link's secret,
// so no cache keeps it.
func (s *Server) renderInvitation(c *fiber.Ctx, d views.InvitationLanding, status int) error {
	d.Token = c.Params("token")
	d.Problem = d.Link.Problem()
	if d.Problem != "" {
		status = http.StatusGone
	}
	inv := d.Link.Invitation
	if d.Name == "" && d.Errors == nil {
		d.Name = inv.Name
	}
	if d.Problem == "" && !d.Link.HasAccount && inv.OrganisationID == nil && d.Organisations == nil {
		orgs, err := s.svc.OrganisationChoices(c.UserContext(), inv.WorkspaceID)
		if err != nil {
			return err
		}
		d.Organisations = orgs
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	title := s.translator(c).Get("invitations.page.title")
	return s.renderPage(c, status, views.Page{Title: title, Scripts: []string{views.OrgPickerScript}}, views.InvitationPage(d))
}

// invitationDestination is where an accepted invitation leads: the
// meeting of a guest, the workspace of a member.
func invitationDestination(l *service.InvitationLink) string {
	inv := l.Invitation
	if inv.MeetingID != nil {
		return meetingPath(inv.WorkspaceID, *inv.MeetingID)
	}
	return "/workspaces/" + itoa64(inv.WorkspaceID)
}
