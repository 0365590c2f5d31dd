package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/views"
)

// workspaceShow shows one workspace.
func (s *Server) workspaceShow(c *fiber.Ctx) error {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, workspaceID(c))
	if err != nil {
		return err
	}
	members, err := s.svc.Members(c.UserContext(), u, w.ID)
	if err != nil {
		return err
	}
	coverage, err := s.svc.CoveragePlan(c.UserContext(), u, w.ID)
	if err != nil {
		return err
	}
	advice, err := s.workspaceAdvice(c, w.ID)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{}, views.WorkspaceShowPage(views.WorkspaceOverview{
		Workspace: w, MemberCount: len(members), CoveragePlan: coverage,
		CanManage: s.authz.Can(u, w.ID, authz.ObjMembers, authz.ActManage),
		CanAudit:  s.authz.Can(u, w.ID, authz.ObjAudit, authz.ActRead),
		Advice:    advice,
	}))
}
