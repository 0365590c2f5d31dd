package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// planList shows the workspace's action plans with their progress and, to
// whoever may manage plans, the form for a new one.
func (s *Server) planList(c *fiber.Ctx) error {
	return s.renderPlanList(c, http.StatusOK, views.PlanForm{Framework: string(model.FrameworkPillars)}, nil)
}

func (s *Server) renderPlanList(c *fiber.Ctx, status int, form views.PlanForm, errs map[string]string) error {
	u, wid := currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(c.UserContext(), u, wid)
	if err != nil {
		return err
	}
	plans, err := s.svc.Plans(c.UserContext(), u, wid)
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("plans.title")}, views.PlanListPage(views.PlanList{
		Workspace: w, Plans: plans, CanManage: s.svc.CanManagePlans(u, wid), Form: form, Errors: errs,
	}))
}
