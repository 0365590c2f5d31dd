package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// progressShow shows a plan's progress over time.
func (s *Server) progressShow(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	return s.renderProgress(c, pid)
}

// progressCurrent shows the progress over time of the plan chosen with
// ?plan=, or else of the workspace's current plan.
func (s *Server) progressCurrent(c *fiber.Ctx) error {
	var pid int64
	if raw := c.Query("plan"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			return fiber.ErrNotFound
		}
		pid = id
	}
	return s.renderProgress(c, pid)
}

// renderProgress answers with the progress page of plan pid, or of the
// current plan when pid is 0.
func (s *Server) renderProgress(c *fiber.Ctx, pid int64) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	plans, current, err := s.svc.PlanChoices(ctx, u, wid)
	if err != nil {
		return err
	}
	d := views.ProgressPage{Workspace: w, Plans: plans, Current: current}
	if pid == 0 && current != nil {
		pid = current.ID
	}
	if pid != 0 {
		if d.Progress, err = s.svc.PlanProgress(ctx, u, wid, pid); err != nil {
			return err
		}
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("progress.title")}, views.ProgressShow(d))
}
