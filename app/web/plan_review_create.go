package web

import (
	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
)

// planReviewCreate records a reviewer's review of a plan, and goes back
// to the plan's review.
func (s *Server) planReviewCreate(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	wid := workspaceID(c)
	in := service.PlanReviewInput{ReviewedOn: c.FormValue("reviewed_on"), Summary: c.FormValue("summary")}
	if _, err := s.svc.AddPlanReview(c.UserContext(), currentUser(c), wid, pid, in); err != nil {
		return err
	}
	return redirect(c, withNotice(planPath(wid, pid), "plan_reviewed")+"#plan-reviews")
}
