package web

import (
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// planReviewCreate records a reviewer's review of a plan, and goes back
// to the plan's review; a form with errors comes back on the plan's page.
func (s *Server) planReviewCreate(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	wid := workspaceID(c)
	in := service.PlanReviewInput{ReviewedOn: c.FormValue("reviewed_on"), Summary: c.FormValue("summary")}
	if _, err := s.svc.AddPlanReview(c.UserContext(), currentUser(c), wid, pid, in); err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			return err
		}
		d, derr := s.boardPageUncached(c, pid, url.Values{})
		if derr != nil {
			return derr
		}
		d.Reviews = &views.PlanReviewsView{Plan: d.Board.Plan, ReviewedOn: typed(in.ReviewedOn), Summary: typed(in.Summary), Errors: errs, Guard: service.Guarded(err)["summary"]}
		return s.renderPlanPage(c, http.StatusUnprocessableEntity, d)
	}
	return redirect(c, withNotice(planPath(wid, pid), "plan_reviewed")+"#plan-reviews")
}
