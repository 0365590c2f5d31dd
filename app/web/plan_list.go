package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
)

// planList shows the workspace's action plans with their progress and, to
// whoever may manage plans, the form for a new one.
func (s *Server) planList(c *fiber.Ctx) error {
	return s.renderPlanList(c, http.StatusOK, fiber.Map{"Framework": string(model.FrameworkPillars)}, nil)
}

func (s *Server) renderPlanList(c *fiber.Ctx, status int, form fiber.Map, errs map[string]string) error {
	u, wid := currentUser(c), authz.WorkspaceID(c)
	w, err := s.svc.Workspace(c.UserContext(), u, wid)
	if err != nil {
		return err
	}
	plans, err := s.svc.Plans(c.UserContext(), u, wid)
	if err != nil {
		return err
	}
	return s.render(c, status, "pages/plan_list", "", "plans.title", fiber.Map{
		"Workspace": w, "Plans": plans, "CanManage": s.svc.CanManagePlans(u, wid),
		"Frameworks": model.Frameworks, "Form": form, "Errors": errs,
	})
}
