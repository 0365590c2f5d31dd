package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// actionMove puts an action elsewhere in its plan. "direction" (up or down)
// swaps it with its neighbour in the list the board shows, for the
// keyboard; "theme" and "after" (the id of the action it now follows, 0
// for first) place it where it was dropped.
func (s *Server) actionMove(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	if a.DeletedAt != nil {
		return apperr.NotFound()
	}
	filter := filterFrom(pageQuery(c, a.WorkspaceID, p.ID), p)
	dir := c.FormValue("direction")
	keyboard := dir == "up" || dir == "down"
	theme, after := a.Theme, int64(0)
	if keyboard {
		b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, filter)
		if err != nil {
			return err
		}
		var ok bool
		if after, ok = neighbourAfter(b, a, dir); !ok {
			// Already first or last: nothing moves.
			after = -1
		}
	} else {
		theme = model.Theme(c.FormValue("theme"))
		if after, err = strconv.ParseInt(c.FormValue("after"), 10, 64); err != nil || after < 0 {
			return apperr.New(http.StatusBadRequest, "error.bad_request")
		}
	}
	if after >= 0 {
		if _, err := s.svc.MoveAction(ctx, u, a.WorkspaceID, a.ID, theme, after); err != nil {
			return err
		}
	}
	if !isHTMX(c) {
		return redirect(c, boardBack(c, p, a.ID, ""))
	}
	if keyboard {
		// The answer is the new order, which the page applies to its rows
		// as it does a pushed one: rows that are open stay open, and the
		// focus stays on the button.
		b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, filter)
		if err != nil {
			return err
		}
		t := s.translator(c)
		place, count := placeOf(b, a.ID, a.Theme)
		return s.renderFragments(c, http.StatusOK,
			views.LiveOrder(views.ActionOrder(b)),
			views.NoticeOOB(t.Get("notice.action_moved", "Title", a.Title, "Place", place, "Count", count, "Theme", t.Enum("theme", a.Theme))))
	}
	// Dropped: the page has the row in place already; it gets the row's
	// new version (and theme, for a filtered board) and the roll-ups.
	moved, err := s.svc.Action(ctx, u, a.WorkspaceID, a.ID)
	if err != nil {
		return err
	}
	b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, service.ActionFilter{})
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK,
		views.LiveVersion(moved.ID, moved.Version, views.ActionMarker(moved, nil, nil)),
		views.PlanRollups(b))
}

// neighbourAfter finds where action a goes when it moves one place up or
// down among the actions of its theme the board shows: the id of the action
// it will follow (0 for first). ok is false when it cannot move that way.
func neighbourAfter(b *service.PlanBoard, a *model.Action, dir string) (after int64, ok bool) {
	for _, g := range b.Themes {
		if g.Theme != a.Theme {
			continue
		}
		at := -1
		for i := range g.Actions {
			if g.Actions[i].ID == a.ID {
				at = i
			}
		}
		switch {
		case at < 0:
			return 0, false
		case dir == "up" && at == 0, dir == "down" && at == len(g.Actions)-1:
			return 0, false
		case dir == "up" && at == 1:
			return 0, true
		case dir == "up":
			return g.Actions[at-2].ID, true
		default:
			return g.Actions[at+1].ID, true
		}
	}
	return 0, false
}

// placeOf returns the place (from 1) of an action in its theme's list on
// the board, and the length of that list.
func placeOf(b *service.PlanBoard, id int64, theme model.Theme) (place, count int) {
	for _, g := range b.Themes {
		if g.Theme != theme {
			continue
		}
		for i := range g.Actions {
			if g.Actions[i].ID == id {
				place = i + 1
			}
		}
		return place, len(g.Actions)
	}
	return 0, 0
}
