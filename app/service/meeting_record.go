package service

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// MeetingRecord is a meeting as its exports show it: the agenda laid out
// on the clock, the minutes and outcomes per item, and the actions it
// agreed as they stand in the plan now. It carries no case material:
// RecordItem has no field for it, so no export can show it by mistake.
type MeetingRecord struct {
	Meeting   *model.Meeting
	Workspace *model.Workspace
	Items     []RecordItem
	// End is when the meeting is planned to end, HH:MM.
	End       string
	Attendees []model.Attendee
	Decisions []RecordOutcome
	Actions   []RecordAction
}

// RecordItem is one agenda item of a MeetingRecord.
type RecordItem struct {
	Number    int
	Title     string
	Kind      model.ItemKind
	Start     string // HH:MM
	Duration  int    // minutes
	Presenter string
	Notes     string
	Outcomes  []RecordOutcome
}

// RecordOutcome is an outcome of an agenda item. Action is the action an
// action outcome created, as it stands now, or nil when it is gone from
// the plan.
type RecordOutcome struct {
	// Number is a decision's place in the decision list, from 1.
	Number    int
	Kind      model.OutcomeKind
	Text      string
	Item      int // number of the agenda item
	ItemTitle string
	Action    *model.Action
}

// RecordAction is an action agreed at the meeting, with the agenda item it
// came from (Item 0: none).
type RecordAction struct {
	*model.Action
	Number    int // place in the action list, from 1
	Item      int
	ItemTitle string
}

// MeetingRecord gathers what the exports of a meeting show, for a user who
// may read the meeting. A meeting of another workspace is not found.
func (s *Service) MeetingRecord(ctx context.Context, u *model.User, workspaceID, meetingID int64) (*MeetingRecord, error) {
	m, err := s.Meeting(ctx, u, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	w, err := store.Workspace(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	r, ids, err := agendaRecord(ctx, s.DB, m)
	if err != nil {
		return nil, err
	}
	r.Workspace = w
	if r.Attendees, err = store.Attendees(ctx, s.DB, workspaceID, m.ID); err != nil {
		return nil, err
	}
	outcomes, err := store.Outcomes(ctx, s.DB, workspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	actions, err := store.MeetingActions(ctx, s.DB, workspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	current := make(map[int64]*model.Action, len(actions))
	for i := range actions {
		current[actions[i].ID] = &actions[i]
	}
	number := make(map[int64]int, len(ids))
	for i, id := range ids {
		number[id] = i + 1
	}
	for _, o := range outcomes {
		n, ok := number[o.ItemID]
		if !ok {
			continue // an outcome of a deleted item went with it
		}
		ro := RecordOutcome{Kind: o.Kind, Text: o.Text, Item: n, ItemTitle: r.Items[n-1].Title}
		if o.ActionID != nil {
			ro.Action = current[*o.ActionID]
		}
		r.Items[n-1].Outcomes = append(r.Items[n-1].Outcomes, ro)
		if o.Kind == model.OutcomeDecision {
			ro.Number = len(r.Decisions) + 1
			r.Decisions = append(r.Decisions, ro)
		}
	}
	for i := range actions {
		ra := RecordAction{Action: &actions[i], Number: i + 1}
		if id := actions[i].AgendaItemID; id != nil {
			if n, ok := number[*id]; ok {
				ra.Item, ra.ItemTitle = n, r.Items[n-1].Title
			}
		}
		r.Actions = append(r.Actions, ra)
	}
	return r, nil
}

// MeetingAgenda is the meeting with its agenda laid out, without the
// attendees and outcomes of a full MeetingRecord: what a calendar shows.
func (s *Service) MeetingAgenda(ctx context.Context, u *model.User, workspaceID, meetingID int64) (*MeetingRecord, error) {
	m, err := s.Meeting(ctx, u, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	w, err := store.Workspace(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	r, _, err := agendaRecord(ctx, s.DB, m)
	if err != nil {
		return nil, err
	}
	r.Workspace = w
	return r, nil
}

// agendaRecord lays out the meeting's agenda with its presenters; it
// returns the items' ids too, in the same order.
func agendaRecord(ctx context.Context, db bun.IDB, m *model.Meeting) (*MeetingRecord, []int64, error) {
	items, err := store.Items(ctx, db, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, nil, err
	}
	names, err := presenterNames(ctx, db, m, items)
	if err != nil {
		return nil, nil, err
	}
	times := LayOut(m, items, time.Now())
	r := &MeetingRecord{Meeting: m, End: times.Planned}
	ids := make([]int64, 0, len(items))
	for i, it := range items {
		ri := RecordItem{
			Number: i + 1, Title: it.Title, Kind: it.Kind, Start: times.Starts[it.ID],
			Duration: it.Duration, Notes: it.Notes,
		}
		switch {
		case it.PresenterAttendeeID != nil:
			ri.Presenter = names.guests[*it.PresenterAttendeeID]
		case it.PresenterUserID != nil:
			ri.Presenter = names.members[*it.PresenterUserID]
		}
		r.Items = append(r.Items, ri)
		ids = append(ids, it.ID)
	}
	return r, ids, nil
}

type presenters struct{ members, guests map[int64]string }

// presenterNames reads the names of the people who present items: members
// of the workspace and guests of the meeting.
func presenterNames(ctx context.Context, db bun.IDB, m *model.Meeting, items []model.AgendaItem) (presenters, error) {
	p := presenters{members: map[int64]string{}, guests: map[int64]string{}}
	named := false
	for _, it := range items {
		named = named || it.PresenterUserID != nil || it.PresenterAttendeeID != nil
	}
	if !named {
		return p, nil
	}
	members, err := store.Memberships(ctx, db, m.WorkspaceID)
	if err != nil {
		return p, err
	}
	for _, mb := range members {
		if mb.User != nil {
			p.members[mb.UserID] = mb.User.Name
		}
	}
	attendees, err := store.Attendees(ctx, db, m.WorkspaceID, m.ID)
	if err != nil {
		return p, err
	}
	for _, a := range attendees {
		if a.UserID == nil {
			p.guests[a.ID] = a.GuestName
		} else if a.User != nil {
			p.members[*a.UserID] = a.User.Name
		}
	}
	return p, nil
}
