package service

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// MeetingFields are the meeting fields that can be edited one at a time;
// all are short, and a stale write of one is a conflict.
var MeetingFields = []string{"title", "kind", "date", "start_time", "duration", "location", "online_url", "state", "plan"}

// MeetingField returns the stored form of one field of m.
func MeetingField(m *model.Meeting, field string) string {
	switch field {
	case "title":
		return m.Title
	case "kind":
		return string(m.Kind)
	case "date":
		return m.Date
	case "start_time":
		return m.StartTime
	case "duration":
		return strconv.Itoa(m.Duration)
	case "location":
		return m.Location
	case "online_url":
		return m.OnlineURL
	case "state":
		return string(m.State)
	case "plan":
		return idString(m.PlanID)
	}
	return ""
}

// UpdateMeetingField changes one detail of a meeting; a stale write of a
// field someone changed since is refused with a *Conflict. It returns the
// meeting as saved.
func (s *Service) UpdateMeetingField(ctx context.Context, u *model.User, workspaceID, meetingID int64, field, value string, baseVersion int) (*model.Meeting, error) {
	return saveField(ctx, s, &meetingSaves, u, workspaceID, meetingID, field, value, baseVersion)
}

var meetingSaves = versioned[model.Meeting]{
	entity: model.EntityMeeting, obj: authz.ObjMeeting, act: authz.ActManage,
	fields: MeetingFields, guarded: []string{"title", "location"}, audit: model.AuditObjectMeeting,
	meeting: func(m *model.Meeting) int64 { return m.ID },
	load: func(ctx context.Context, tx bun.Tx, _ *model.User, workspaceID, id int64, _ string) (*model.Meeting, error) {
		return store.MeetingForUpdate(ctx, tx, workspaceID, id)
	},
	get: MeetingField,
	set: setMeetingField,
	row: func(m *model.Meeting) (int64, *int, *time.Time) { return m.ID, &m.Version, &m.UpdatedAt },
	write: func(ctx context.Context, tx bun.Tx, m *model.Meeting, fields []string) error {
		cols := make([]string, len(fields))
		for i, f := range fields {
			if cols[i] = f; f == "plan" {
				cols[i] = "plan_id"
			}
		}
		return store.UpdateMeeting(ctx, tx, m, cols...)
	},
	events: func(m *model.Meeting, fields []string) []realtime.Event {
		return []realtime.Event{meetingEvent(m, fields...)}
	},
}

// setMeetingField validates value and sets field on m.
func setMeetingField(ctx context.Context, tx bun.Tx, m *model.Meeting, field, value string) ([]string, error) {
	var v apperr.Validation
	switch field {
	case "title":
		m.Title = text(&v, "value", value, true, MaxTitle)
	case "kind":
		if k := model.MeetingKind(value); k.Valid() {
			m.Kind = k
		} else {
			v.Add("value", "validation.choice")
		}
	case "date":
		m.Date = requiredDate(&v, "value", value)
	case "start_time":
		m.StartTime = clock(&v, "value", value)
	case "duration":
		m.Duration = minutes(&v, "value", value, MaxMeetingMinutes)
	case "location":
		m.Location = text(&v, "value", value, false, MaxName)
	case "online_url":
		m.OnlineURL = webAddress(&v, "value", value)
	case "state":
		if st := model.MeetingState(value); st.Valid() {
			m.State = st
		} else {
			v.Add("value", "validation.choice")
		}
	case "plan":
		id, err := optionalID(value)
		if err == nil && id != nil {
			_, err = store.Plan(ctx, tx, m.WorkspaceID, *id)
		}
		if err != nil {
			v.Add("value", "validation.choice")
		} else {
			m.PlanID = id
		}
	}
	return nil, v.Err()
}
