package service

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// MoveAction puts an action in theme right after the action afterID, or
// first in the theme when afterID is 0. Moving to another theme changes the
// action's theme too. Moves are not checked against a version: the last
// move wins, and nothing typed is lost by it.
func (s *Service) MoveAction(ctx context.Context, u *model.User, workspaceID, actionID int64, theme model.Theme, afterID int64) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var a *model.Action
	var changed []string
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if a, err = store.ActionForUpdate(ctx, tx, workspaceID, actionID); err != nil {
			return err
		}
		if a.DeletedAt != nil {
			return apperr.NotFound()
		}
		plan, err := store.Plan(ctx, tx, workspaceID, a.PlanID)
		if err != nil {
			return err
		}
		if !plan.Framework.Has(theme) {
			var v apperr.Validation
			v.Add("theme", "validation.choice")
			return v.Err()
		}
		siblings, err := store.Actions(ctx, tx, workspaceID, a.PlanID)
		if err != nil {
			return err
		}
		slots := make([]slot, len(siblings))
		for i, x := range siblings {
			slots[i] = slot{ID: x.ID, Group: string(x.Theme), Position: x.Position}
		}
		pos, renumber, ok := positionAfter(slots, a.ID, string(theme), afterID)
		if !ok {
			return apperr.NotFound()
		}
		if len(renumber) > 0 {
			if err := store.SetActionPositions(ctx, tx, workspaceID, renumber); err != nil {
				return err
			}
			if p, ok := renumber[a.ID]; ok {
				pos = p
			}
		}
		if pos == a.Position && theme == a.Theme {
			return nil
		}
		changed = []string{"position"}
		if theme != a.Theme {
			changed = append(changed, "theme")
		}
		prev := *a
		a.Position, a.Theme = pos, theme
		return actionSaves.record(ctx, tx, u, workspaceID, &prev, a, changed)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if len(changed) > 0 {
		s.publishAction(ctx, a, realtime.Moved, changed...)
	}
	return a, nil
}

// slot is an ordered object (an action, an agenda item) in its group (an
// action's theme; agenda items have one group).
type slot struct {
	ID       int64
	Group    string
	Position float64
}

// positionAfter finds a position for moving object id right after afterID
// within group, between its neighbours. When the gap is too small to split,
// it renumbers the whole list (returning the new positions) and places the
// object in the renumbered order. ok is false if afterID is not in the list
// and group.
func positionAfter(plan []slot, id int64, theme string, afterID int64) (pos float64, renumber map[int64]float64, ok bool) {
	var inTheme []slot
	for _, x := range plan {
		if x.ID != id && x.Group == theme {
			inTheme = append(inTheme, x)
		}
	}
	idx := 0 // index in inTheme before which the action goes
	if afterID != 0 {
		found := false
		for i, x := range inTheme {
			if x.ID == afterID {
				idx, found = i+1, true
				break
			}
		}
		if !found {
			return 0, nil, false
		}
	}
	switch {
	case len(inTheme) == 0:
		last := 0.0
		for _, x := range plan {
			if x.ID != id && x.Position > last {
				last = x.Position
			}
		}
		return last + 1, nil, true
	case idx == 0:
		return inTheme[0].Position - 1, nil, true
	case idx == len(inTheme):
		return inTheme[idx-1].Position + 1, nil, true
	}
	lo, hi := inTheme[idx-1].Position, inTheme[idx].Position
	if hi-lo > 1e-6 {
		return (lo + hi) / 2, nil, true
	}
	// Out of room: number everything 1, 2, 3… in the new order.
	renumber = map[int64]float64{}
	n := 0.0
	for _, x := range plan {
		if x.ID == id {
			continue
		}
		n++
		renumber[x.ID] = n
		if x.ID == inTheme[idx-1].ID {
			n++
			renumber[id] = n
		}
	}
	return renumber[id], renumber, true
}

// DeleteAction removes an action from its plan. The action stays in the
// database, so RestoreAction can undo this.
func (s *Service) DeleteAction(ctx context.Context, u *model.User, workspaceID, actionID int64) (*model.Action, error) {
	return s.setDeleted(ctx, u, workspaceID, actionID, true)
}

// RestoreAction brings a deleted action back where it was.
func (s *Service) RestoreAction(ctx context.Context, u *model.User, workspaceID, actionID int64) (*model.Action, error) {
	return s.setDeleted(ctx, u, workspaceID, actionID, false)
}

func (s *Service) setDeleted(ctx context.Context, u *model.User, workspaceID, actionID int64, deleted bool) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var a *model.Action
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if a, err = store.ActionForUpdate(ctx, tx, workspaceID, actionID); err != nil {
			return err
		}
		if (a.DeletedAt != nil) == deleted {
			return nil
		}
		now := time.Now().UTC()
		field := model.FieldDeleted
		a.DeletedAt = &now
		if !deleted {
			field, a.DeletedAt = model.FieldRestored, nil
		}
		a.Version++
		a.UpdatedAt = now
		if err := store.UpdateAction(ctx, tx, a, "deleted_at"); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: a.Version,
			UserID: u.ID, Field: field, NewValue: a.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	kind := realtime.Restored
	if deleted {
		kind = realtime.Deleted
	}
	s.publishAction(ctx, a, kind)
	return a, nil
}
