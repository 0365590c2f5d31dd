package service

import (
	"context"
	"net/http"
	"slices"
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

// ItemFields are the agenda item fields that can be edited one at a time.
// Notes are long text, merged three-way; case notes are long text too,
// but keep no text in the history to merge from.
var ItemFields = []string{"title", "kind", "duration", "presenter", "notes", "case_notes"}

// IsItemField reports whether field is one of ItemFields.
func IsItemField(field string) bool { return slices.Contains(ItemFields, field) }

// ItemField returns the stored form of one field of it.
func ItemField(it *model.AgendaItem, field string) string {
	switch field {
	case "title":
		return it.Title
	case "kind":
		return string(it.Kind)
	case "duration":
		return strconv.Itoa(it.Duration)
	case "presenter":
		if it.PresenterAttendeeID != nil {
			return "g" + strconv.FormatInt(*it.PresenterAttendeeID, 10)
		}
		return idString(it.PresenterUserID)
	case "notes":
		return it.Notes
	case "case_notes":
		return it.CaseNotes
	case "position":
		return strconv.FormatFloat(it.Position, 'g', -1, 64)
	}
	return ""
}

// UpdateItemField changes one field of an agenda item, with the same
// guarantees as an action: a stale short field is a *Conflict, notes are
// merged three-way. Text is checked by the privacy guard first; case notes
// refuse whatever it finds, and such a refusal is written to the audit
// log by kind. It returns the item as saved.
func (s *Service) UpdateItemField(ctx context.Context, u *model.User, workspaceID, itemID int64, field, value string, baseVersion int) (*model.AgendaItem, error) {
	it, err := saveField(ctx, s, s.itemSaves(), u, workspaceID, itemID, field, value, baseVersion)
	if g := Guarded(err)["value"]; field == "case_notes" && g != nil && g.Refused {
		// What was refused is not kept anywhere; that it was, is.
		if aerr := s.audit(ctx, s.DB, u, workspaceID, model.AuditCaseRefused, "agenda_item", itemID, g.kinds(",")); aerr != nil {
			return nil, aerr
		}
	}
	return it, err
}

// itemSaves describes agenda items to saveField. Case notes are only for
// the meeting's attendees whose role allows case material; their history
// records that they changed, never what they said, for case material
// lives in one place only, and every write of them is audited.
func (s *Service) itemSaves() *versioned[model.AgendaItem] {
	return &versioned[model.AgendaItem]{
		entity: model.EntityItem, obj: authz.ObjAgenda, act: authz.ActEdit,
		fields: ItemFields,
		text:   []string{"notes", "case_notes"},
		// Case notes keep no text in the history to merge from: two
		// writers of them see each other's text side by side instead.
		merged:  []string{"notes"},
		private: []string{"case_notes"},
		guarded: []string{"title", "notes", "case_notes"}, strict: []string{"case_notes"},
		audit:   model.AuditObjectItem,
		meeting: func(it *model.AgendaItem) int64 { return it.MeetingID },
		load:    s.loadItemForSave,
		get:     ItemField,
		set:     setItemField,
		row:     func(it *model.AgendaItem) (int64, *int, *time.Time) { return it.ID, &it.Version, &it.UpdatedAt },
		write: func(ctx context.Context, tx bun.Tx, it *model.AgendaItem, fields []string) error {
			cols := fields
			if slices.Contains(fields, "presenter") {
				cols = []string{"presenter_user_id", "presenter_attendee_id"}
			}
			return store.UpdateItem(ctx, tx, it, cols...)
		},
		saved: func(ctx context.Context, tx bun.Tx, u *model.User, it *model.AgendaItem, field string) error {
			if field != "case_notes" {
				return nil
			}
			return s.audit(ctx, tx, u, it.WorkspaceID, model.AuditCaseWrite, "agenda_item", it.ID, "")
		},
		events: func(it *model.AgendaItem, fields []string) []realtime.Event {
			return []realtime.Event{itemEvent(it, realtime.Changed, fields...)}
		},
	}
}

// loadItemForSave reads an item for a save of field: not one that is
// deleted or on a deleted meeting, and case notes only for who may write
// them, while they are not purged.
func (s *Service) loadItemForSave(ctx context.Context, tx bun.Tx, u *model.User, workspaceID, id int64, field string) (*model.AgendaItem, error) {
	it, err := store.ItemForUpdate(ctx, tx, workspaceID, id)
	if err != nil {
		return nil, err
	}
	if it.DeletedAt != nil {
		return nil, apperr.New(http.StatusGone, "agenda.error.deleted")
	}
	m, err := store.Meeting(ctx, tx, workspaceID, it.MeetingID)
	if err != nil {
		return nil, err
	}
	if field == "case_notes" {
		if !s.canSeeCase(ctx, tx, u, m) || !s.Authz.Can(u, workspaceID, authz.ObjCasus, authz.ActEdit) {
			return nil, apperr.NotFound()
		}
		if it.CasePurgedAt != nil {
			return nil, apperr.New(http.StatusGone, "casus.error.purged")
		}
	}
	return it, nil
}

// setItemField validates value and sets field on it.
func setItemField(ctx context.Context, tx bun.Tx, it *model.AgendaItem, field, value string) ([]string, error) {
	var v apperr.Validation
	switch field {
	case "title":
		it.Title = text(&v, "value", value, true, MaxTitle)
	case "kind":
		if k := model.ItemKind(value); k.Valid() {
			it.Kind = k
		} else {
			v.Add("value", "validation.choice")
		}
	case "duration":
		it.Duration = minutes(&v, "value", value, MaxItemMinutes)
	case "presenter":
		user, guest, err := presenter(ctx, tx, it, strings.TrimSpace(value))
		if err != nil {
			v.Add("value", "agenda.error.presenter")
		} else {
			it.PresenterUserID, it.PresenterAttendeeID = user, guest
		}
	case "notes":
		it.Notes = text(&v, "value", value, false, MaxLongText)
	case "case_notes":
		it.CaseNotes = text(&v, "value", value, false, MaxLongText)
	}
	return nil, v.Err()
}

// presenter parses a presenter choice: "" (nobody), a member's user id,
// or "g" and the id of a guest attendee of the same meeting.
func presenter(ctx context.Context, db bun.IDB, it *model.AgendaItem, value string) (user, guest *int64, err error) {
	if rest, ok := strings.CutPrefix(value, "g"); ok {
		id, err := optionalID(rest)
		if err != nil || id == nil {
			return nil, nil, apperr.NotFound()
		}
		a, err := store.Attendee(ctx, db, it.WorkspaceID, *id)
		if err != nil || a.MeetingID != it.MeetingID || a.UserID != nil {
			return nil, nil, apperr.NotFound()
		}
		return nil, id, nil
	}
	id, err := optionalID(value)
	if err != nil {
		return nil, nil, err
	}
	if id != nil {
		if _, err := store.MembershipOf(ctx, db, it.WorkspaceID, *id); err != nil {
			return nil, nil, err
		}
	}
	return id, nil, nil
}
