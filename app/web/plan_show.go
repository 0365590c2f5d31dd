package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
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
	data, err := s.boardData(c, pid, q)
	if err != nil {
		return err
	}
	if id, err := strconv.ParseInt(q.Get("deleted"), 10, 64); err == nil {
		s.showDeleted(c, data, id)
	}
	return s.render(c, http.StatusOK, "pages/plan_show", "", "", data)
}

// boardData gathers what the plan page and its partials show, with the
// filter of query q.
func (s *Server) boardData(c *fiber.Ctx, planID int64, q url.Values) (fiber.Map, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), authz.WorkspaceID(c)
	p, err := s.svc.Plan(ctx, u, wid, planID)
	if err != nil {
		return nil, err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return nil, err
	}
	b, err := s.svc.Board(ctx, u, wid, planID, filterFrom(q, p))
	if err != nil {
		return nil, err
	}
	orgs, err := store.Organisations(ctx, s.db)
	if err != nil {
		return nil, err
	}
	themes := b.Plan.Framework.Themes()
	canEdit := s.svc.CanEditActions(u, wid)
	data := fiber.Map{
		"Workspace": w, "Plan": b.Plan, "Board": b, "Today": b.Today,
		"CanEdit": canEdit, "CanManage": s.svc.CanManagePlans(u, wid),
		"Themes": themes, "Statuses": model.ActionStatuses, "PlanStatuses": model.PlanStatuses,
		"Organisations": orgs, "PlanFields": service.PlanFields,
		"EditField": "", "ConflictField": "", "Conflict": fiber.Map(nil),
		"Form": fiber.Map{"Title": "", "Theme": ""}, "Errors": map[string]string(nil),
		"PageTitle": b.Plan.Title,
	}
	scripts := []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js"}
	if canEdit {
		scripts = append(scripts, "/static/vendor/sortable.min.js")
	}
	data["Scripts"] = scripts
	return data, nil
}

// showDeleted puts an action deleted a moment ago back on the board, in its
// place, as the offer to undo: what a browser without JavaScript sees after
// deleting.
func (s *Server) showDeleted(c *fiber.Ctx, data fiber.Map, actionID int64) {
	b := data["Board"].(*service.PlanBoard)
	a, err := s.svc.Action(c.UserContext(), currentUser(c), authz.WorkspaceID(c), actionID)
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
