package service

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// MaxTitle is the longest title of a plan or action, in characters.
const MaxTitle = 200

// requirePlan checks a workspace permission for plans and actions again,
// below the route guard: invisible is not found, visible but not allowed
// is forbidden.
func (s *Service) require(u *model.User, workspaceID int64, obj, act string) error {
	if !s.Authz.Can(u, workspaceID, authz.ObjWorkspace, authz.ActRead) {
		return apperr.NotFound()
	}
	if !s.Authz.Can(u, workspaceID, obj, act) {
		return apperr.Forbidden()
	}
	return nil
}

// publish hands a committed change to the realtime machinery.
func (s *Service) publish(ctx context.Context, ev realtime.Event) {
	if s.Events != nil {
		s.Events.Publish(ctx, ev)
	}
}

// date validates an optional YYYY-MM-DD field.
func date(v *apperr.Validation, field, s string) string {
	if s == "" {
		return ""
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || d.Year() < 2000 || d.Year() > 2100 {
		v.Add(field, "validation.date")
		return s
	}
	return d.Format(time.DateOnly)
}

// Plans lists the workspace's plans with their progress.
func (s *Service) Plans(ctx context.Context, u *model.User, workspaceID int64) ([]PlanSummary, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	plans, err := store.Plans(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, err
	}
	out := make([]PlanSummary, 0, len(plans))
	for _, p := range plans {
		actions, err := store.Actions(ctx, s.DB, workspaceID, p.ID)
		if err != nil {
			return nil, err
		}
		sum := PlanSummary{Plan: p, Actions: len(actions), Progress: rollUp(actions)}
		today := Today()
		for i := range actions {
			if actions[i].Overdue(today) {
				sum.Overdue++
			}
		}
		out = append(out, sum)
	}
	return out, nil
}

// PlanSummary is a plan as listed: with its number of actions, overdue
// actions and progress.
type PlanSummary struct {
	model.Plan
	Actions  int
	Overdue  int
	Progress int
}

// Today is the current day in the Netherlands as YYYY-MM-DD, the day by
// which due dates are judged.
func Today() string {
	return time.Now().In(amsterdam()).Format(time.DateOnly)
}

// amsterdam is the Netherlands' time zone, in which Schakel shows and
// judges dates.
var amsterdam = i18n.Amsterdam

// PlanInput is what a coordinator fills in for a new plan.
type PlanInput struct {
	Title       string
	PeriodStart string
	PeriodEnd   string
	Framework   model.Framework
}

// CreatePlan validates in and stores a new draft plan.
func (s *Service) CreatePlan(ctx context.Context, u *model.User, workspaceID int64, in PlanInput) (*model.Plan, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActManage); err != nil {
		return nil, err
	}
	var v apperr.Validation
	g := s.guard(ctx, s.DB, workspaceID, 0)
	now := time.Now().UTC()
	p := &model.Plan{
		WorkspaceID: workspaceID,
		Title:       g.text(ctx, &v, "title", in.Title, true, MaxTitle),
		PeriodStart: date(&v, "period_start", in.PeriodStart),
		PeriodEnd:   date(&v, "period_end", in.PeriodEnd),
		Status:      model.PlanDraft,
		Framework:   in.Framework,
		Version:     1,
		CreatedBy:   u.ID,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	if !p.Framework.Valid() {
		v.Add("framework", "validation.choice")
	}
	if p.PeriodStart != "" && p.PeriodEnd != "" && p.PeriodEnd < p.PeriodStart {
		v.Add("period_end", "plans.error.period_order")
	}
	if err := g.result(&v); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.CreatePlan(ctx, tx, p); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectPlan, p.ID); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityPlan, EntityID: p.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: p.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Plan loads one plan the user may read.
func (s *Service) Plan(ctx context.Context, u *model.User, workspaceID, planID int64) (*model.Plan, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	p, err := store.Plan(ctx, s.DB, workspaceID, planID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.NotFound()
	}
	return p, err
}

// notFoundErr turns the store's not-found into the user's.
func notFoundErr(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound()
	}
	return err
}

// rollUp is the average progress of the actions that count, rounded.
func rollUp(actions []model.Action) int {
	sum, n := 0, 0
	for i := range actions {
		if actions[i].Status.Counts() {
			sum += actions[i].Progress
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return (sum + n/2) / n
}
