package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
)

// memberList shows the members of a workspace and, to whoever may manage
// them, the forms to add, change and remove members.
func (s *Server) memberList(c *fiber.Ctx) error {
	data, err := s.memberData(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "pages/member_list", "partials/member_table", "members.title", data)
}

// memberData gathers what the member page and its partials show.
func (s *Server) memberData(c *fiber.Ctx) (fiber.Map, error) {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, authz.WorkspaceID(c))
	if err != nil {
		return nil, err
	}
	members, err := s.svc.Members(c.UserContext(), u, w.ID)
	if err != nil {
		return nil, err
	}
	return fiber.Map{
		"Workspace": w,
		"Members":   members,
		"Roles":     model.Roles,
		"CanManage": s.authz.Can(u, w.ID, authz.ObjMembers, authz.ActManage),
		"Form":      fiber.Map{"Role": string(model.RoleContributor)},
		"Errors":    map[string]string(nil),
	}, nil
}
