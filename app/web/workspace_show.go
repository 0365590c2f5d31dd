package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
)

// workspaceShow shows one workspace.
func (s *Server) workspaceShow(c *fiber.Ctx) error {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, authz.WorkspaceID(c))
	if err != nil {
		return err
	}
	members, err := s.svc.Members(c.UserContext(), u, w.ID)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "pages/workspace_show", "", "", fiber.Map{
		"Workspace": w, "MemberCount": len(members),
		"CanManage": s.authz.Can(u, w.ID, authz.ObjMembers, authz.ActManage),
	})
}
