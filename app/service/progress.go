package service

import (
	"context"
	"time"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// ProgressMonth is a plan's actions at the end of one month: Planned are
// the actions that existed and were not dropped, Done those whose status
// was done. Both are standing counts, not what happened in the month.
type ProgressMonth struct {
	// Month is the first day of the month, in Dutch time.
	Month   time.Time
	Planned int
	Done    int
}

// PlanProgress is a plan's actions planned and done month by month, from
// the plan's start (or its first action, if earlier) to this month.
type PlanProgress struct {
	Plan   *model.Plan
	Months []ProgressMonth
	// HasActions says whether the plan ever had an action, deleted ones
	// included.
	HasActions bool
}

// Latest is the current month, whose numbers are those of the plan page.
func (p *PlanProgress) Latest() ProgressMonth {
	if len(p.Months) == 0 {
		return ProgressMonth{}
	}
	return p.Months[len(p.Months)-1]
}

// PlanChoices lists the workspace's plans, newest period first, and the
// current one (service.CurrentPlan), for choosing which plan's progress to
// show; current is nil when there are none.
func (s *Service) PlanChoices(ctx context.Context, u *model.User, workspaceID int64) (plans []model.Plan, current *model.Plan, err error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, nil, err
	}
	plans, err = store.Plans(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return plans, CurrentPlan(plans), nil
}

// PlanProgress reckons a plan's progress over time from the change history
// of its actions.
func (s *Service) PlanProgress(ctx context.Context, u *model.User, workspaceID, planID int64) (*PlanProgress, error) {
	p, err := s.Plan(ctx, u, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	actions, err := store.PlanActionStates(ctx, s.DB, workspaceID, p.ID)
	if err != nil {
		return nil, err
	}
	events, err := store.PlanActionEvents(ctx, s.DB, workspaceID, p.ID)
	if err != nil {
		return nil, err
	}
	return &PlanProgress{Plan: p, Months: progressSeries(p, actions, events, time.Now()), HasActions: len(actions) > 0}, nil
}

// progressSeries counts, for every month from the plan's start to the
// month of now, the actions planned and done at the end of that month.
//
// It reckons back from what the actions are now, so that the current
// month always agrees with the plan page: going back month by month, every
// change made after the month's end is undone (a status goes back to its
// old value, a deletion or restoring is reversed), and an action counts
// only once it was created. An action made without history counts from its
// creation with the status it has.
func progressSeries(p *model.Plan, actions []model.Action, events []model.Change, now time.Time) []ProgressMonth {
	loc := amsterdam()
	type state struct {
		created time.Time
		status  model.ActionStatus
		deleted bool
	}
	states := make(map[int64]*state, len(actions))
	order := make([]int64, 0, len(actions))
	for _, a := range actions {
		states[a.ID] = &state{created: a.CreatedAt, status: a.Status, deleted: a.DeletedAt != nil}
		order = append(order, a.ID)
	}
	for _, e := range events {
		if st, ok := states[e.EntityID]; ok && e.Field == model.FieldCreated && e.CreatedAt.Before(st.created) {
			st.created = e.CreatedAt
		}
	}

	monthOf := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	}
	last := monthOf(now)
	first := last
	if d, err := time.ParseInLocation(time.DateOnly, p.PeriodStart, loc); err == nil && monthOf(d).Before(first) {
		first = monthOf(d)
	}
	for _, st := range states {
		if m := monthOf(st.created); m.Before(first) {
			first = m
		}
	}

	var months []ProgressMonth
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		months = append(months, ProgressMonth{Month: m})
	}
	next := len(events) - 1
	for i := len(months) - 1; i >= 0; i-- {
		end := months[i].Month.AddDate(0, 1, 0)
		for ; next >= 0 && !events[next].CreatedAt.Before(end); next-- {
			e := events[next]
			st, ok := states[e.EntityID]
			if !ok {
				continue
			}
			switch e.Field {
			case "status":
				st.status = model.ActionStatus(e.OldValue)
			case model.FieldDeleted:
				st.deleted = false
			case model.FieldRestored:
				st.deleted = true
			}
		}
		for _, id := range order {
			st := states[id]
			if st.deleted || !st.created.Before(end) {
				continue
			}
			if st.status.Counts() {
				months[i].Planned++
			}
			if st.status == model.ActionDone {
				months[i].Done++
			}
		}
	}
	return months
}
