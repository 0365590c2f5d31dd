package web

import (
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/views"
)

// memberList shows the members of a workspace and, to whoever may manage
// them, the forms to add, change and remove members. An htmx request gets
// the member table alone.
func (s *Server) memberList(c *fiber.Ctx) error {
	d, err := s.members(c)
	if err != nil {
		return err
	}
	if isHTMX(c) {
		return s.renderFragments(c, http.StatusOK, views.MemberTable(d))
	}
	return s.renderMemberPage(c, http.StatusOK, d)
}

// renderMemberPage answers with the whole member page.
func (s *Server) renderMemberPage(c *fiber.Ctx, status int, d views.Members) error {
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("members.title"), Scripts: []string{views.OrgPickerScript}}, views.MemberListPage(d))
}

// members gathers what the member page and its swap targets show: for
// whoever manages the members, the open invitations and an empty
// invitation form that proposes the contributor role, in Dutch.
func (s *Server) members(c *fiber.Ctx) (views.Members, error) {
	ctx, u := c.UserContext(), currentUser(c)
	w, err := s.svc.Workspace(ctx, u, workspaceID(c))
	if err != nil {
		return views.Members{}, err
	}
	members, err := s.svc.Members(ctx, u, w.ID)
	if err != nil {
		return views.Members{}, err
	}
	d := views.Members{
		Workspace: w,
		Members:   members,
		CanManage: s.authz.Can(u, w.ID, authz.ObjMembers, authz.ActManage),
		Role:      string(model.RoleContributor),
		Now:       time.Now(),
	}
	if !d.CanManage {
		return d, nil
	}
	if d.Invitations, err = s.svc.Invitations(ctx, u, w.ID); err != nil {
		return views.Members{}, err
	}
	d.Invite = views.InviteForm{Role: string(model.RoleContributor), Language: i18n.Default}
	if d.Invite.Organisations, err = s.svc.OrganisationChoices(ctx, w.ID); err != nil {
		return views.Members{}, err
	}
	return d, nil
}
