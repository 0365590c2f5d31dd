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

// OutcomeInput is what someone records as the result of an agenda item.
// For an action outcome, the text is the action's title and the rest
// describes the action.
type OutcomeInput struct {
	Kind              model.OutcomeKind
	Text              string
	Theme             string
	OwnerOrganisation string
	Owner             string
	DueDate           string
	Rights            string
}

// Outcomes lists a meeting's outcomes, with the actions they created.
func (s *Service) Outcomes(ctx context.Context, u *model.User, workspaceID, meetingID int64) ([]model.Outcome, error) {
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, meetingID); err != nil {
		return nil, err
	}
	return store.Outcomes(ctx, s.DB, workspaceID, meetingID)
}

// AddOutcome records an outcome of an agenda item. An action outcome
// creates an action in the meeting's plan, linked both ways: the outcome
// names the action, and the action the meeting and item it came from.
func (s *Service) AddOutcome(ctx context.Context, u *model.User, workspaceID, itemID int64, in OutcomeInput) (*model.Outcome, error) {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return nil, err
	}
	if in.Kind == model.OutcomeAction {
		if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
			return nil, err
		}
	}
	var o *model.Outcome
	var a *model.Action
	var m *model.Meeting
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		it, err := store.ItemForUpdate(ctx, tx, workspaceID, itemID)
		if err != nil || it.DeletedAt != nil {
			return apperr.NotFound()
		}
		if m, err = store.Meeting(ctx, tx, workspaceID, it.MeetingID); err != nil {
			return err
		}
		var v apperr.Validation
		if !in.Kind.Valid() {
			v.Add("kind", "validation.choice")
		}
		longest := MaxTitle
		if in.Kind == model.OutcomeInformation || in.Kind == model.OutcomeDecision {
			longest = MaxDescription
		}
		g := s.guard(ctx, tx, workspaceID, m.ID)
		txt := g.text(ctx, &v, "text", in.Text, true, longest)
		if err := g.result(&v); err != nil {
			return err
		}
		now := time.Now().UTC()
		o = &model.Outcome{WorkspaceID: workspaceID, MeetingID: m.ID, ItemID: it.ID, Kind: in.Kind,
			Text: txt, CreatedBy: u.ID, CreatedAt: now}
		if in.Kind == model.OutcomeAction {
			if a, err = s.actionFromOutcome(ctx, tx, u, m, it, txt, in); err != nil {
				return err
			}
			o.ActionID = &a.ID
		}
		if err := store.CreateOutcome(ctx, tx, o); err != nil {
			return err
		}
		return g.audit(ctx, tx, u, model.AuditObjectOutcome, o.ID)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if a != nil {
		s.publish(ctx, actionEvent(a, realtime.Created))
	}
	s.publish(ctx, outcomesEvent(m))
	return o, nil
}

// actionFromOutcome creates the action an outcome agreed, at the end of
// its theme in the meeting's plan, with every field checked as an inline
// edit would check it.
func (s *Service) actionFromOutcome(ctx context.Context, tx bun.Tx, u *model.User, m *model.Meeting, it *model.AgendaItem, title string, in OutcomeInput) (*model.Action, error) {
	var v apperr.Validation
	if m.PlanID == nil {
		v.Add("kind", "meetings.error.no_plan")
		return nil, v.Err()
	}
	plan, err := store.PlanForUpdate(ctx, tx, m.WorkspaceID, *m.PlanID)
	if err != nil {
		v.Add("kind", "meetings.error.no_plan")
		return nil, v.Err()
	}
	if !plan.Framework.Has(model.Theme(in.Theme)) {
		v.Add("theme", "validation.choice")
		return nil, v.Err()
	}
	last, err := store.LastPosition(ctx, tx, plan.ID)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	a := &model.Action{
		WorkspaceID: m.WorkspaceID, PlanID: plan.ID, Title: title, Theme: model.Theme(in.Theme),
		Status: model.ActionPlanned, Position: last + 1, Version: 1,
		MeetingID: &m.ID, AgendaItemID: &it.ID,
		CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
	}
	for _, f := range []struct{ field, value string }{
		{"owner_organisation", in.OwnerOrganisation}, {"owner", in.Owner},
		{"due_date", in.DueDate}, {"rights", in.Rights},
	} {
		if _, err := setActionField(ctx, tx, a, f.field, f.value); err != nil {
			if e, ok := apperr.As(err); ok && e.Fields != nil {
				for _, msg := range e.Fields {
					v.Add(f.field, msg)
				}
				continue
			}
			return nil, err
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := store.CreateAction(ctx, tx, a); err != nil {
		return nil, err
	}
	return a, store.AddChanges(ctx, tx, []model.Change{{
		WorkspaceID: m.WorkspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: 1,
		UserID: u.ID, Field: model.FieldCreated, NewValue: a.Title, CreatedAt: now,
	}})
}

// DeleteOutcome removes an outcome. The action it created stays in the
// plan: deleting that is the plan's business.
func (s *Service) DeleteOutcome(ctx context.Context, u *model.User, workspaceID, meetingID, outcomeID int64) error {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return err
	}
	o, err := store.Outcome(ctx, s.DB, workspaceID, outcomeID)
	if err != nil || o.MeetingID != meetingID {
		return apperr.NotFound()
	}
	m, err := store.Meeting(ctx, s.DB, workspaceID, o.MeetingID)
	if err != nil {
		return notFoundErr(err)
	}
	if err := store.DeleteOutcome(ctx, s.DB, o, time.Now().UTC()); err != nil {
		return notFoundErr(err)
	}
	s.publish(ctx, outcomesEvent(m))
	return nil
}

func outcomesEvent(m *model.Meeting) realtime.Event {
	return realtime.Event{Topic: realtime.MeetingTopic(m.ID), WorkspaceID: m.WorkspaceID, Entity: "outcomes",
		ID: m.ID, Kind: realtime.Changed}
}

// MeetingActions lists the actions agreed at a meeting, as they stand now
// in the plan.
func (s *Service) MeetingActions(ctx context.Context, u *model.User, workspaceID, meetingID int64) ([]model.Action, error) {
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, meetingID); err != nil {
		return nil, err
	}
	return store.MeetingActions(ctx, s.DB, workspaceID, meetingID)
}

// PurgeCase empties the case notes of every meeting held more than days
// days before now, leaving the date of the purge, and writes each purge
// to the audit log. It returns how many items it purged.
func (s *Service) PurgeCase(ctx context.Context, now time.Time, days int) (int, error) {
	before := now.AddDate(0, 0, -days).Format(time.DateOnly)
	items, err := store.CaseItemsToPurge(ctx, s.DB, before)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range items {
		it := &items[i]
		err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := store.PurgeCaseNotes(ctx, tx, it, now.UTC()); err != nil {
				return err
			}
			return s.audit(ctx, tx, nil, it.WorkspaceID, model.AuditCasePurge, "agenda_item", it.ID, "")
		})
		if err != nil {
			return n, err
		}
		n++
		s.publish(ctx, itemEvent(it, realtime.Changed, "case_notes"))
	}
	return n, nil
}

// publishAction tells the plan's viewers that an action changed and, for
// an action agreed at a meeting, the meeting's viewers too.
func (s *Service) publishAction(ctx context.Context, a *model.Action, kind string, fields ...string) {
	for _, ev := range actionEvents(a, kind, fields...) {
		s.publish(ctx, ev)
	}
}

// actionEvents announce a change of an action: to the plan's viewers and,
// for an action agreed at a meeting, to the meeting's viewers too, for the
// meeting tracks its actions live from the plan.
func actionEvents(a *model.Action, kind string, fields ...string) []realtime.Event {
	events := []realtime.Event{actionEvent(a, kind, fields...)}
	if a.MeetingID != nil {
		events = append(events, realtime.Event{Topic: realtime.MeetingTopic(*a.MeetingID), WorkspaceID: a.WorkspaceID,
			Entity: "outcomes", ID: *a.MeetingID, Kind: realtime.Changed})
	}
	return events
}
