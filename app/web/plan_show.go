package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// planShow shows a plan's board: its details, progress, and its actions by
// theme, narrowed by the filter in the query.
func (s *Server) planShow(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	q, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		q = url.Values{}
	}
	d, err := s.boardPage(c, pid, q)
	if err != nil {
		return err
	}
	if id, err := strconv.ParseInt(q.Get("deleted"), 10, 64); err == nil {
		s.showDeleted(c, d, id)
	}
	if id, err := strconv.ParseInt(q.Get("open"), 10, 64); err == nil && id > 0 {
		// A browser without JavaScript opens a row by loading the board
		// with it open.
		d.Open = id
	}
	return s.renderPlanPage(c, http.StatusOK, d)
}

// boardPage gathers what the plan page shows, with the filter of query q.
func (s *Server) boardPage(c *fiber.Ctx, planID int64, q url.Values) (views.PlanBoardPage, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	p, err := s.svc.Plan(ctx, u, wid, planID)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	b, err := s.svc.Board(ctx, u, wid, planID, filterFrom(q, p))
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	orgs, err := s.svc.Organisations(ctx)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	return views.PlanBoardPage{
		Workspace: w, Board: b, Organisations: orgs,
		CanEdit: s.svc.CanEditActions(u, wid), CanManage: s.svc.CanManagePlans(u, wid),
		Add: views.ActionAdd{Plan: b.Plan},
	}, nil
}

// renderPlanPage answers with the plan's page; the board's live updates
// and, for editors, reordering need their scripts.
func (s *Server) renderPlanPage(c *fiber.Ctx, status int, d views.PlanBoardPage) error {
	scripts := []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js"}
	if d.CanEdit {
		scripts = append(scripts, "/static/vendor/sortable.min.js")
	}
	return s.renderPage(c, status, views.Page{Title: d.Board.Plan.Title, Scripts: scripts}, views.PlanPage(d))
}

// showDeleted puts an action deleted a moment ago back on the board, in its
// place, as the offer to undo: what a browser without JavaScript sees after
// deleting.
func (s *Server) showDeleted(c *fiber.Ctx, d views.PlanBoardPage, actionID int64) {
	b := d.Board
	a, err := s.svc.Action(c.UserContext(), currentUser(c), workspaceID(c), actionID)
	if err != nil || a.DeletedAt == nil || a.PlanID != b.Plan.ID {
		return
	}
	for i := range b.Themes {
		g := &b.Themes[i]
		if g.Theme != a.Theme {
			continue
		}
		at := len(g.Actions)
		for j := range g.Actions {
			if g.Actions[j].Position > a.Position {
				at = j
				break
			}
		}
		list := append([]model.Action{}, g.Actions[:at]...)
		list = append(list, *a)
		g.Actions = append(list, g.Actions[at:]...)
	}
}
