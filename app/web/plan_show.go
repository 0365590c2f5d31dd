package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
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
	deleted, _ := strconv.ParseInt(q.Get("deleted"), 10, 64)
	open, _ := strconv.ParseInt(q.Get("open"), 10, 64)
	if deleted <= 0 && open <= 0 {
		d, err := s.boardPage(c, pid, q)
		if err != nil {
			return err
		}
		return s.renderPlanPage(c, http.StatusOK, d)
	}
	// A board with a row open or an undo offered has forms with the
	// viewer's CSRF token in its rows: it is rendered for this request
	// alone. (A browser without JavaScript loads it so.)
	d, err := s.boardPageUncached(c, pid, q)
	if err != nil {
		return err
	}
	if deleted > 0 {
		s.showDeleted(c, d, deleted)
	}
	d.Open = max(open, 0)
	return s.renderPlanPage(c, http.StatusOK, d)
}

// boardPage gathers what the plan page shows, with the filter of query q;
// the board's rows come from the board cache when they are kept there.
func (s *Server) boardPage(c *fiber.Ctx, planID int64, q url.Values) (views.PlanBoardPage, error) {
	d, err := s.boardHeader(c, planID, q)
	if err != nil || !s.boards.enabled() {
		return s.withBoard(c, d, err)
	}
	ctx, u, p := c.UserContext(), currentUser(c), d.Board.Plan
	stamp, err := s.svc.BoardStamp(ctx, u, p, d.Organisations)
	if err != nil {
		return d, err
	}
	key := boardKey{
		stamp: stamp, lang: s.translator(c).Lang, edit: d.CanEdit, manage: d.CanManage,
		day: s.boards.today(), filter: d.Board.Filter,
	}
	if key.filter.Mine {
		key.user = u.ID
	}
	// The rows are rendered with the translator alone (views.Rendered):
	// nothing of the viewer but what the key holds.
	rctx := i18n.NewContext(ctx, s.translator(c))
	e, err := s.boards.get(rctx, key, func(rctx context.Context) (boardEntry, bool, error) {
		b, read, err := s.svc.StampedBoard(ctx, u, p, key.filter)
		if err != nil {
			return boardEntry{}, false, err
		}
		b.Today = key.day
		rows := d
		rows.Board = b
		sections, err := views.Rendered(rctx, views.PlanSections(rows))
		return boardEntry{sections: sections, progress: b.Progress, shown: b.Shown, total: b.Total}, read == stamp, err
	})
	if err != nil {
		return d, err
	}
	d.Sections = e.sections
	d.Board.Progress, d.Board.Shown, d.Board.Total, d.Board.Today = e.progress, e.shown, e.total, key.day
	return d, nil
}

// boardPageUncached is boardPage with the board's actions read and its rows
// left to render with the page.
func (s *Server) boardPageUncached(c *fiber.Ctx, planID int64, q url.Values) (views.PlanBoardPage, error) {
	d, err := s.boardHeader(c, planID, q)
	return s.withBoard(c, d, err)
}

// withBoard reads the board of page d, begun by boardHeader.
func (s *Server) withBoard(c *fiber.Ctx, d views.PlanBoardPage, err error) (views.PlanBoardPage, error) {
	if err != nil {
		return d, err
	}
	b, err := s.svc.BoardOf(c.UserContext(), currentUser(c), d.Board.Plan, d.Board.Filter)
	if err != nil {
		return d, err
	}
	if s.boards != nil {
		// The same day as a board from the cache.
		b.Today = s.boards.today()
	}
	d.Board = b
	return d, nil
}

// boardHeader gathers what the plan page shows apart from the board's
// actions: the plan, its workspace, the filter and its choices, and the
// viewer's rights. Its Board has the plan and the filter only.
func (s *Server) boardHeader(c *fiber.Ctx, planID int64, q url.Values) (views.PlanBoardPage, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	p, err := s.svc.Plan(ctx, u, wid, planID)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	orgs, err := s.svc.Organisations(ctx)
	if err != nil {
		return views.PlanBoardPage{}, err
	}
	return views.PlanBoardPage{
		Workspace: w, Board: &service.PlanBoard{Plan: p, Filter: filterFrom(q, p)}, Organisations: orgs,
		CanEdit: s.svc.CanEditActions(u, wid), CanManage: s.svc.CanManagePlans(u, wid),
		Add: views.ActionAdd{Plan: p},
	}, nil
}

// renderPlanPage answers with the plan's page; the board's live updates
// and, for editors, reordering need their scripts.
func (s *Server) renderPlanPage(c *fiber.Ctx, status int, d views.PlanBoardPage) error {
	if err := s.planDiscussion(c, &d); err != nil {
		return err
	}
	scripts := []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js", commentsScript}
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
