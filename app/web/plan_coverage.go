package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// planCoverage shows which children's rights a plan's actions serve, per
// theme, with the actions behind one number when the query names it
// (?theme=&article=&state=open|done).
func (s *Server) planCoverage(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	pc, err := s.svc.CoverageOfPlan(ctx, u, wid, pid, coverageSelection(c))
	if err != nil {
		return err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	title := s.translator(c).Get("coverage.title", "Plan", pc.Plan.Title)
	return s.renderPage(c, http.StatusOK, views.Page{Title: title}, views.CoveragePage(views.CoverageView{Workspace: w, PlanCoverage: pc}))
}

// coverageSelection reads the number whose actions are asked for. A value
// Schakel does not know asks for nothing, as a filter only narrows a view;
// the service drops a theme the plan does not have.
func coverageSelection(c *fiber.Ctx) *service.CoverageSelection {
	n, err := strconv.Atoi(c.Query("article"))
	if err != nil || !model.Right(n).Valid() {
		return nil
	}
	sel := &service.CoverageSelection{Right: model.Right(n)}
	switch c.Query("state") {
	case "open":
	case "done":
		sel.Done = true
	default:
		return nil
	}
	sel.Theme = model.Theme(c.Query("theme"))
	return sel
}
