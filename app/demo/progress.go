package demo

import (
	"time"

	"schakel/app/model"
)

// statusSteps are the status changes that lead a demo action to its
// status, each at a fraction of the time between the action's creation and
// the day of seeding: the change history the progress chart is reckoned
// from. A done action was reopened once and finished again.
var statusSteps = map[model.ActionStatus][]struct {
	at   float64
	from model.ActionStatus
	to   model.ActionStatus
}{
	model.ActionInProgress: {{0.3, model.ActionPlanned, model.ActionInProgress}},
	model.ActionDone: {
		{0.15, model.ActionPlanned, model.ActionInProgress},
		{0.4, model.ActionInProgress, model.ActionDone},
		{0.55, model.ActionDone, model.ActionInProgress},
		{0.8, model.ActionInProgress, model.ActionDone},
	},
	model.ActionBlocked: {
		{0.25, model.ActionPlanned, model.ActionInProgress},
		{0.7, model.ActionInProgress, model.ActionBlocked},
	},
	model.ActionDropped: {{0.5, model.ActionPlanned, model.ActionDropped}},
}

// actionPast gives the n-th action of a demo plan a past: it was created
// some months before now (the first about seven months, each next one a
// fortnight later) and reached its status step by step. It sets the
// action's creation time and version, before the action is stored, and
// returns its history, whose entries get the action's id once it has one.
func actionPast(a *model.Action, n int, creator int64, now time.Time) []model.Change {
	created := now.AddDate(0, 0, -210+14*n)
	a.CreatedAt, a.UpdatedAt, a.Version = created, created, 1
	history := []model.Change{{WorkspaceID: a.WorkspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: 1,
		UserID: creator, Field: model.FieldCreated, NewValue: a.Title, CreatedAt: created}}
	span := now.Sub(created)
	for _, st := range statusSteps[a.Status] {
		at := created.Add(time.Duration(float64(span) * st.at))
		a.Version++
		a.UpdatedAt = at
		history = append(history, model.Change{WorkspaceID: a.WorkspaceID, Entity: model.EntityAction, EntityID: a.ID,
			Version: a.Version, UserID: creator, Field: "status", OldValue: string(st.from), NewValue: string(st.to), CreatedAt: at})
	}
	return history
}
