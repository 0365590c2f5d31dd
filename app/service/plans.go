package service

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
	"schakel/app/textmerge"
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
	now := time.Now().UTC()
	p := &model.Plan{
		WorkspaceID: workspaceID,
		Title:       text(&v, "title", in.Title, true, MaxTitle),
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
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.CreatePlan(ctx, tx, p); err != nil {
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

// PlanFields are the plan fields that can be edited one at a time.
var PlanFields = []string{"title", "period_start", "period_end", "status"}

// UpdatePlanField changes one field of a plan, if nobody changed that field
// since baseVersion; otherwise it returns a *Conflict.
func (s *Service) UpdatePlanField(ctx context.Context, u *model.User, workspaceID, planID int64, field, value string, baseVersion int) (*model.Plan, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActManage); err != nil {
		return nil, err
	}
	var p *model.Plan
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if p, err = store.PlanForUpdate(ctx, tx, workspaceID, planID); err != nil {
			return err
		}
		if baseVersion < 1 || baseVersion > p.Version {
			return apperr.New(http.StatusUnprocessableEntity, "error.version")
		}
		old := PlanField(p, field)
		if _, err := staleWrite(ctx, tx, workspaceID, model.EntityPlan, p.ID, field, baseVersion, p.Version, old, value, false); err != nil {
			return err
		}
		var v apperr.Validation
		switch field {
		case "title":
			p.Title = text(&v, "value", value, true, MaxTitle)
		case "period_start":
			p.PeriodStart = date(&v, "value", value)
			if p.PeriodStart != "" && p.PeriodEnd != "" && p.PeriodEnd < p.PeriodStart {
				v.Add("value", "plans.error.period_order")
			}
		case "period_end":
			p.PeriodEnd = date(&v, "value", value)
			if p.PeriodStart != "" && p.PeriodEnd != "" && p.PeriodEnd < p.PeriodStart {
				v.Add("value", "plans.error.period_order")
			}
		case "status":
			p.Status = model.PlanStatus(value)
			if !p.Status.Valid() {
				v.Add("value", "validation.choice")
			}
		default:
			return apperr.NotFound()
		}
		if err := v.Err(); err != nil {
			return err
		}
		now := time.Now().UTC()
		if PlanField(p, field) == old {
			return nil
		}
		p.Version++
		p.UpdatedAt = now
		if err := store.UpdatePlan(ctx, tx, p, field); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityPlan, EntityID: p.ID, Version: p.Version,
			UserID: u.ID, Field: field, OldValue: old, NewValue: PlanField(p, field), CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publish(ctx, realtime.Event{Topic: realtime.PlanTopic(p.ID), WorkspaceID: workspaceID, Entity: "plan",
		ID: p.ID, Version: p.Version, Kind: realtime.Changed, Fields: []string{field}})
	return p, nil
}

// PlanField returns the stored form of one field of p.
func PlanField(p *model.Plan, field string) string {
	switch field {
	case "title":
		return p.Title
	case "period_start":
		return p.PeriodStart
	case "period_end":
		return p.PeriodEnd
	case "status":
		return string(p.Status)
	}
	return ""
}

// notFoundErr turns the store's not-found into the user's.
func notFoundErr(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound()
	}
	return err
}

// staleWrite decides a write of field that started from baseVersion of an
// object now at version, holding current: the value to store, or a
// *Conflict when someone changed the field since. A long field is merged
// three-way with what they wrote, and is a conflict only where the edits
// overlap. A write of the value the field already holds is no conflict.
func staleWrite(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64, field string, baseVersion, version int, current, value string, long bool) (string, error) {
	if baseVersion >= version || value == current {
		return value, nil
	}
	since, err := store.FieldChangesSince(ctx, db, workspaceID, entity, id, field, baseVersion)
	if err != nil || len(since) == 0 {
		return value, err
	}
	conflict := &Conflict{Field: field, Theirs: current, Mine: value, Version: version, ByUserID: since[len(since)-1].UserID}
	if !long {
		return "", conflict
	}
	merged, ok := textmerge.Merge(since[0].OldValue, value, current)
	if !ok {
		return "", conflict
	}
	return merged, nil
}

// Conflict is a write refused because someone else changed the same field
// since the version the writer started from. It carries both values so
// that the writer can choose.
type Conflict struct {
	Field   string
	Theirs  string
	Mine    string
	Version int
	// ByUserID is who made the latest change to the field.
	ByUserID int64
}

func (c *Conflict) Error() string {
	return "conflict on " + c.Field + " at version " + strconv.Itoa(c.Version)
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
