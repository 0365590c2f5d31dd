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

// PlanFields are the plan fields that can be edited one at a time; all
// are short, and a stale write of one is a conflict.
var PlanFields = []string{"title", "period_start", "period_end", "status"}

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

// UpdatePlanField changes one field of a plan, if nobody changed that field
// since baseVersion; otherwise it returns a *Conflict. It returns the plan
// as saved.
func (s *Service) UpdatePlanField(ctx context.Context, u *model.User, workspaceID, planID int64, field, value string, baseVersion int) (*model.Plan, error) {
	return saveField(ctx, s, &planSaves, u, workspaceID, planID, field, value, baseVersion)
}

var planSaves = versioned[model.Plan]{
	entity: model.EntityPlan, obj: authz.ObjPlan, act: authz.ActManage,
	fields: PlanFields, guarded: []string{"title"}, audit: model.AuditObjectPlan,
	load: func(ctx context.Context, tx bun.Tx, _ *model.User, workspaceID, id int64, _ string) (*model.Plan, error) {
		return store.PlanForUpdate(ctx, tx, workspaceID, id)
	},
	get: PlanField,
	set: setPlanField,
	row: func(p *model.Plan) (int64, *int, *time.Time) { return p.ID, &p.Version, &p.UpdatedAt },
	write: func(ctx context.Context, tx bun.Tx, p *model.Plan, fields []string) error {
		return store.UpdatePlan(ctx, tx, p, fields...)
	},
	events: func(p *model.Plan, fields []string) []realtime.Event {
		return []realtime.Event{{Topic: realtime.PlanTopic(p.ID), WorkspaceID: p.WorkspaceID, Entity: "plan",
			ID: p.ID, Version: p.Version, Kind: realtime.Changed, Fields: fields}}
	},
}

// setPlanField validates value and sets field on p. The period may not end
// before it starts.
func setPlanField(_ context.Context, _ bun.Tx, p *model.Plan, field, value string) ([]string, error) {
	var v apperr.Validation
	switch field {
	case "title":
		p.Title = text(&v, "value", value, true, MaxTitle)
	case "period_start":
		p.PeriodStart = date(&v, "value", value)
	case "period_end":
		p.PeriodEnd = date(&v, "value", value)
	case "status":
		if st := model.PlanStatus(value); st.Valid() {
			p.Status = st
		} else {
			v.Add("value", "validation.choice")
		}
	}
	if (field == "period_start" || field == "period_end") && p.PeriodStart != "" && p.PeriodEnd != "" && p.PeriodEnd < p.PeriodStart {
		v.Add("value", "plans.error.period_order")
	}
	return nil, v.Err()
}
