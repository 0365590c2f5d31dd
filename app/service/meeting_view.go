package service

import (
	"context"
	"strconv"
	"time"

	"schakel/app/model"
	"schakel/app/store"
)

// MeetingView is what a meeting's page shows, read once: the same for
// everyone who may see the meeting, so that a live push reads it once for
// all its viewers. What a viewer may do with it is the caller's to add.
type MeetingView struct {
	Meeting *model.Meeting
	// Items is the agenda in order; Times lays it out in the day.
	Items []model.AgendaItem
	Times AgendaTimes
	// MeetingPeople are who is invited, and who can be named.
	MeetingPeople
	// Outcomes are the outcomes of each item, by item id.
	Outcomes map[int64][]model.Outcome
	// Actions are the actions the meeting agreed, as the plan holds them.
	Actions []model.Action
	// Plan is the plan the meeting's actions go into, or nil; Plans are
	// the workspace's plans to choose it from, and Themes its themes.
	Plan   *model.Plan
	Plans  []model.Plan
	Themes []model.Theme
	// Organisations are who an action can be given to, besides Members:
	// those of the workspace's region first.
	Organisations []OrganisationGroup
	// Today is the day by which due dates are judged.
	Today string
}

// ReadMeetingView reads what the meeting's page shows. It checks no
// access: the caller has (a page handler through Meeting, the live
// renderer for each of its viewers).
func (s *Service) ReadMeetingView(ctx context.Context, m *model.Meeting) (*MeetingView, error) {
	items, err := store.Items(ctx, s.DB, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	people, err := s.ReadMeetingPeople(ctx, m)
	if err != nil {
		return nil, err
	}
	outcomes, err := store.Outcomes(ctx, s.DB, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	actions, err := store.MeetingActions(ctx, s.DB, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	plans, err := store.Plans(ctx, s.DB, m.WorkspaceID)
	if err != nil {
		return nil, err
	}
	orgs, err := s.OrganisationChoices(ctx, m.WorkspaceID)
	if err != nil {
		return nil, err
	}
	byItem := map[int64][]model.Outcome{}
	for _, o := range outcomes {
		byItem[o.ItemID] = append(byItem[o.ItemID], o)
	}
	v := &MeetingView{
		Meeting: m, Items: items, Times: LayOut(m, items, time.Now()),
		MeetingPeople: people, Outcomes: byItem, Actions: actions,
		Plan: meetingPlan(m, plans), Plans: plans, Organisations: orgs, Today: Today(),
	}
	if v.Plan != nil {
		v.Themes = v.Plan.Framework.Themes()
	}
	return v, nil
}

// MeetingPeople are the people of a meeting: who is invited, members and
// guests, and the workspace's members, who can all present an item or own
// an action.
type MeetingPeople struct {
	Attendees []model.Attendee
	Members   []model.Membership
	// People names presenters: by user id, or "g" and a guest attendee's id.
	People map[string]string
}

// ReadMeetingPeople reads only the people of a meeting, for drawing or
// editing one item's presenter. Like ReadMeetingView it checks no access.
func (s *Service) ReadMeetingPeople(ctx context.Context, m *model.Meeting) (MeetingPeople, error) {
	attendees, err := store.Attendees(ctx, s.DB, m.WorkspaceID, m.ID)
	if err != nil {
		return MeetingPeople{}, err
	}
	members, err := store.Memberships(ctx, s.DB, m.WorkspaceID)
	if err != nil {
		return MeetingPeople{}, err
	}
	// Everyone is named, but platform accounts are offered in no picker.
	return MeetingPeople{Attendees: attendees, Members: withoutPlatformAccounts(members), People: peopleByKey(attendees, members)}, nil
}

// ReadAgenda reads only a meeting's agenda and its times of day, for what a
// changed duration moves. Like ReadMeetingView it checks no access.
func (s *Service) ReadAgenda(ctx context.Context, m *model.Meeting) ([]model.AgendaItem, AgendaTimes, error) {
	items, err := store.Items(ctx, s.DB, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, AgendaTimes{}, err
	}
	return items, LayOut(m, items, time.Now()), nil
}

// meetingPlan is the plan the meeting's actions go into, or nil.
func meetingPlan(m *model.Meeting, plans []model.Plan) *model.Plan {
	for i := range plans {
		if m.PlanID != nil && plans[i].ID == *m.PlanID {
			return &plans[i]
		}
	}
	return nil
}

// peopleByKey names who can present an item: guest attendees by "g" and
// their attendee id, members by their user id.
func peopleByKey(attendees []model.Attendee, members []model.Membership) map[string]string {
	people := map[string]string{}
	for _, a := range attendees {
		if a.UserID != nil && a.User != nil {
			people[strconv.FormatInt(*a.UserID, 10)] = a.User.Name
		} else {
			people["g"+strconv.FormatInt(a.ID, 10)] = a.GuestName
		}
	}
	for _, mb := range members {
		if mb.User != nil {
			people[strconv.FormatInt(mb.UserID, 10)] = mb.User.Name
		}
	}
	return people
}

// MeetingPlans reads the workspace's plans a meeting's actions can go into,
// and the one they go into now (nil if none). Like ReadMeetingView it
// checks no access.
func (s *Service) MeetingPlans(ctx context.Context, m *model.Meeting) ([]model.Plan, *model.Plan, error) {
	plans, err := store.Plans(ctx, s.DB, m.WorkspaceID)
	if err != nil {
		return nil, nil, err
	}
	return plans, meetingPlan(m, plans), nil
}
