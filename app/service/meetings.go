package service

import (
	"context"
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

// Limits of a meeting and its items, in minutes.
const (
	MaxMeetingMinutes = 12 * 60
	MaxItemMinutes    = 8 * 60
	MaxURL            = 500
)

// MeetingInput is what someone fills in to plan a meeting.
type MeetingInput struct {
	Title     string
	Kind      model.MeetingKind
	Date      string
	StartTime string
	Duration  string
	Location  string
	OnlineURL string
	// Template is "" (an empty agenda), a built-in template's key, or the
	// id of a saved template.
	Template string
	PlanID   string
}

// Meetings lists the workspace's meetings.
func (s *Service) Meetings(ctx context.Context, u *model.User, workspaceID int64) ([]model.Meeting, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil {
		return nil, err
	}
	return store.Meetings(ctx, s.DB, workspaceID)
}

// Meeting loads one meeting the user may read: any of the workspace's, or
// for a guest one they attend.
func (s *Service) Meeting(ctx context.Context, u *model.User, workspaceID, id int64) (*model.Meeting, error) {
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, id); err != nil {
		return nil, err
	}
	m, err := store.Meeting(ctx, s.DB, workspaceID, id)
	return m, notFoundErr(err)
}

// CanManageMeetings reports whether u may plan meetings and chair them.
func (s *Service) CanManageMeetings(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjMeeting, authz.ActManage)
}

// CanEditAgenda reports whether u may co-edit agendas and minutes.
func (s *Service) CanEditAgenda(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAgenda, authz.ActEdit)
}

// CanSaveTemplates reports whether u may save agendas as templates.
func (s *Service) CanSaveTemplates(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjTemplate, authz.ActManage)
}

// CreateMeeting plans a meeting, fills its agenda from the chosen template
// and invites its maker.
func (s *Service) CreateMeeting(ctx context.Context, u *model.User, workspaceID int64, in MeetingInput) (*model.Meeting, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActManage); err != nil {
		return nil, err
	}
	var v apperr.Validation
	now := time.Now().UTC()
	m := &model.Meeting{
		WorkspaceID: workspaceID, State: model.MeetingPlanned, Version: 1,
		CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
	}
	g := s.guard(ctx, s.DB, workspaceID, 0)
	m.Title = g.text(ctx, &v, "title", in.Title, true, MaxTitle)
	if m.Kind = in.Kind; !m.Kind.Valid() {
		v.Add("kind", "validation.choice")
	}
	m.Date = requiredDate(&v, "date", in.Date)
	m.StartTime = clock(&v, "start_time", in.StartTime)
	m.Duration = minutes(&v, "duration", in.Duration, MaxMeetingMinutes)
	m.Location = g.text(ctx, &v, "location", in.Location, false, MaxName)
	m.OnlineURL = webAddress(&v, "online_url", in.OnlineURL)
	items, err := s.templateItems(ctx, workspaceID, in.Template)
	if err != nil {
		v.Add("template", "validation.choice")
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		plan, err := s.meetingPlan(ctx, tx, workspaceID, in.PlanID)
		if err != nil {
			v.Add("plan", "validation.choice")
		}
		if err := g.result(&v); err != nil {
			return err
		}
		m.PlanID = plan
		if err := store.CreateMeeting(ctx, tx, m); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectMeeting, m.ID); err != nil {
			return err
		}
		for i, ti := range items {
			it := &model.AgendaItem{
				WorkspaceID: workspaceID, MeetingID: m.ID, Title: ti.Title, Kind: ti.Kind,
				Duration: ti.Duration, Position: float64(i + 1), Version: 1,
				CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
			}
			if err := store.CreateItem(ctx, tx, it); err != nil {
				return err
			}
		}
		if err := store.CreateAttendee(ctx, tx, &model.Attendee{
			WorkspaceID: workspaceID, MeetingID: m.ID, UserID: &u.ID, RSVP: model.RSVPComing, CreatedAt: now,
		}); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityMeeting, EntityID: m.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: m.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// meetingPlan checks the plan a meeting's actions go into: the one named,
// or else the workspace's most recent plan, or none when it has none.
func (s *Service) meetingPlan(ctx context.Context, db bun.IDB, workspaceID int64, planID string) (*int64, error) {
	id, err := optionalID(planID)
	if err != nil {
		return nil, err
	}
	if id != nil {
		if _, err := store.Plan(ctx, db, workspaceID, *id); err != nil {
			return nil, err
		}
		return id, nil
	}
	plans, err := store.Plans(ctx, db, workspaceID)
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	return &plans[0].ID, nil
}

// SetCurrentItem marks the item under discussion (0: none). Starting the
// first item also starts a planned meeting.
func (s *Service) SetCurrentItem(ctx context.Context, u *model.User, workspaceID, meetingID, itemID int64) (*model.Meeting, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActManage); err != nil {
		return nil, err
	}
	var m *model.Meeting
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if m, err = store.MeetingForUpdate(ctx, tx, workspaceID, meetingID); err != nil {
			return err
		}
		now := time.Now().UTC()
		cols := []string{"current_item_id", "current_since"}
		if itemID == 0 {
			m.CurrentItemID, m.CurrentSince = nil, nil
		} else {
			it, err := store.Item(ctx, tx, workspaceID, itemID)
			if err != nil || it.MeetingID != m.ID || it.DeletedAt != nil {
				return apperr.NotFound()
			}
			m.CurrentItemID, m.CurrentSince = &it.ID, &now
			if m.State == model.MeetingPlanned || m.State == model.MeetingDraft {
				m.State = model.MeetingRunning
				cols = append(cols, "state")
			}
		}
		m.Version++
		m.UpdatedAt = now
		return store.UpdateMeeting(ctx, tx, m, cols...)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publish(ctx, meetingEvent(m, "current", "state"))
	return m, nil
}

func meetingEvent(m *model.Meeting, fields ...string) realtime.Event {
	return realtime.Event{Topic: realtime.MeetingTopic(m.ID), WorkspaceID: m.WorkspaceID, Entity: "meeting",
		ID: m.ID, Version: m.Version, Kind: realtime.Changed, Fields: fields}
}

// requiredDate validates a required YYYY-MM-DD field.
func requiredDate(v *apperr.Validation, field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		v.Add(field, "validation.required")
		return s
	}
	return date(v, field, s)
}

// clock validates a required HH:MM time of day.
func clock(v *apperr.Validation, field, s string) string {
	s = strings.TrimSpace(s)
	t, err := time.Parse("15:04", s)
	if err != nil {
		if s == "" {
			v.Add(field, "validation.required")
		} else {
			v.Add(field, "validation.time")
		}
		return s
	}
	return t.Format("15:04")
}

// minutes validates a duration in whole minutes, more than zero and at
// most max.
func minutes(v *apperr.Validation, field, s string, max int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil:
		v.Add(field, "validation.minutes")
	case n <= 0 || n > max:
		v.Add(field, "validation.minutes_range")
	}
	return n
}

// webAddress validates an optional http(s) address.
func webAddress(v *apperr.Validation, field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if len(s) > MaxURL || !(strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) || strings.ContainsAny(s, " \t\r\n\"<>") {
		v.Add(field, "validation.url")
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
