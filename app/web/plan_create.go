package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// planCreate adds a draft plan and opens it.
func (s *Server) planCreate(c *fiber.Ctx) error {
	in := service.PlanInput{
		Title: c.FormValue("title"), PeriodStart: c.FormValue("period_start"), PeriodEnd: c.FormValue("period_end"),
		Framework: model.Framework(c.FormValue("framework")),
	}
	p, err := s.svc.CreatePlan(c.UserContext(), currentUser(c), workspaceID(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderPlanList(c, http.StatusUnprocessableEntity, views.PlanForm{
			Title: in.Title, PeriodStart: in.PeriodStart, PeriodEnd: in.PeriodEnd, Framework: string(in.Framework),
			Guard: service.Guarded(err),
		}, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice(planPath(p.WorkspaceID, p.ID), "plan_created"))
}
