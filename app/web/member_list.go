package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
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
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("members.title")}, views.MemberListPage(d))
}

// members gathers what the member page and its swap targets show, with
// an empty add form that proposes the contributor role.
func (s *Server) members(c *fiber.Ctx) (views.Members, error) {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, workspaceID(c))
	if err != nil {
		return views.Members{}, err
	}
	members, err := s.svc.Members(c.UserContext(), u, w.ID)
	if err != nil {
		return views.Members{}, err
	}
	return views.Members{
		Workspace: w,
		Members:   members,
		CanManage: s.authz.Can(u, w.ID, authz.ObjMembers, authz.ActManage),
		Role:      string(model.RoleContributor),
	}, nil
}
