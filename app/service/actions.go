package service

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// ActionInput is what someone fills in for a new action; the rest is
// edited afterwards, field by field.
type ActionInput struct {
	Title string
	Theme model.Theme
}

// CreateAction adds an action at the end of the plan.
func (s *Service) CreateAction(ctx context.Context, u *model.User, workspaceID, planID int64, in ActionInput) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var a *model.Action
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := store.PlanForUpdate(ctx, tx, workspaceID, planID)
		if err != nil {
			return err
		}
		var v apperr.Validation
		g := s.guard(ctx, tx, workspaceID, 0)
		title := g.text(ctx, &v, "title", in.Title, true, MaxTitle)
		if !p.Framework.Has(in.Theme) {
			v.Add("theme", "validation.choice")
		}
		if err := g.result(&v); err != nil {
			return err
		}
		last, err := store.LastPosition(ctx, tx, planID)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		a = &model.Action{
			WorkspaceID: workspaceID, PlanID: planID, Title: title, Theme: in.Theme,
			Status: model.ActionPlanned, Position: last + 1, Version: 1,
			CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
		}
		if err := store.CreateAction(ctx, tx, a); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectAction, a.ID); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: a.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publishAction(ctx, a, realtime.Created)
	return a, nil
}

func actionEvent(a *model.Action, kind string, fields ...string) realtime.Event {
	return realtime.Event{Topic: realtime.PlanTopic(a.PlanID), WorkspaceID: a.WorkspaceID, Entity: "action",
		ID: a.ID, Version: a.Version, Kind: kind, Fields: fields}
}

// Action loads one action the user may read, deleted or not.
func (s *Service) Action(ctx context.Context, u *model.User, workspaceID, actionID int64) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	a, err := store.Action(ctx, s.DB, workspaceID, actionID)
	return a, notFoundErr(err)
}

func optionalID(s string) (*int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return nil, errors.New("not an id")
	}
	return &id, nil
}
