package service

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/casus"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// ItemFields are the agenda item fields that can be edited one at a time.
// Notes are long text, merged three-way; case notes are long text too,
// but keep no text in the history to merge from.
var ItemFields = []string{"title", "kind", "duration", "presenter", "notes", "case_notes"}

// IsItemField reports whether field is one of ItemFields.
func IsItemField(field string) bool { return contains(ItemFields, field) }

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

// CaseRefused is a case note refused because it gives someone away; it
// names every identifier found, so the writer knows what to remove.
type CaseRefused struct {
	Findings []casus.Finding
}

func (e *CaseRefused) Error() string {
	kinds := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		kinds[i] = string(f.Kind)
	}
	return "case note refused: " + strings.Join(kinds, ", ")
}

// ItemInput is what someone fills in for a new agenda item.
type ItemInput struct {
	Title    string
	Kind     model.ItemKind
	Duration string
}

// CreateItem adds an item at the end of a meeting's agenda.
func (s *Service) CreateItem(ctx context.Context, u *model.User, workspaceID, meetingID int64, in ItemInput) (*model.AgendaItem, error) {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return nil, err
	}
	var it *model.AgendaItem
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		m, err := store.MeetingForUpdate(ctx, tx, workspaceID, meetingID)
		if err != nil {
			return err
		}
		var v apperr.Validation
		title := text(&v, "title", in.Title, true, MaxTitle)
		if !in.Kind.Valid() {
			v.Add("kind", "validation.choice")
		}
		d := minutes(&v, "duration", in.Duration, MaxItemMinutes)
		if err := v.Err(); err != nil {
			return err
		}
		last, err := store.LastItemPosition(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		it = &model.AgendaItem{
			WorkspaceID: workspaceID, MeetingID: m.ID, Title: title, Kind: in.Kind, Duration: d,
			Position: last + 1, Version: 1, CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
		}
		if err := store.CreateItem(ctx, tx, it); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityItem, EntityID: it.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: it.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publish(ctx, itemEvent(it, realtime.Created))
	return it, nil
}

func itemEvent(it *model.AgendaItem, kind string, fields ...string) realtime.Event {
	return realtime.Event{Topic: realtime.MeetingTopic(it.MeetingID), WorkspaceID: it.WorkspaceID, Entity: "item",
		ID: it.ID, Version: it.Version, Kind: kind, Fields: fields}
}

// Items lists a meeting's agenda.
func (s *Service) Items(ctx context.Context, u *model.User, workspaceID, meetingID int64) ([]model.AgendaItem, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil {
		return nil, err
	}
	return store.Items(ctx, s.DB, workspaceID, meetingID)
}

// Item loads one agenda item the user may read, with its meeting.
func (s *Service) Item(ctx context.Context, u *model.User, workspaceID, itemID int64) (*model.AgendaItem, *model.Meeting, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil {
		return nil, nil, err
	}
	it, err := store.Item(ctx, s.DB, workspaceID, itemID)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	m, err := store.Meeting(ctx, s.DB, workspaceID, it.MeetingID)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	return it, m, nil
}

// CanSeeCase reports whether u may read and write the case material of a
// meeting: their role must allow case material, and they must be one of
// the meeting's attendees. Reviewers, guests and platform roles never are.
func (s *Service) CanSeeCase(ctx context.Context, u *model.User, m *model.Meeting) bool {
	return s.canSeeCase(ctx, s.DB, u, m)
}

func (s *Service) canSeeCase(ctx context.Context, db bun.IDB, u *model.User, m *model.Meeting) bool {
	if u == nil || !s.Authz.Can(u, m.WorkspaceID, authz.ObjCasus, authz.ActRead) {
		return false
	}
	_, err := store.AttendeeOf(ctx, db, m.ID, u.ID)
	return err == nil
}

// CaseNotes returns the case notes of an item to an attendee allowed to
// see them, and writes the view to the audit log.
func (s *Service) CaseNotes(ctx context.Context, u *model.User, workspaceID, itemID int64) (*model.AgendaItem, error) {
	it, m, err := s.Item(ctx, u, workspaceID, itemID)
	if err != nil {
		return nil, err
	}
	if !s.CanSeeCase(ctx, u, m) {
		return nil, apperr.NotFound()
	}
	if err := s.audit(ctx, s.DB, u, workspaceID, model.AuditCaseView, "agenda_item", it.ID, ""); err != nil {
		return nil, err
	}
	return it, nil
}

// audit appends a line to the audit log.
func (s *Service) audit(ctx context.Context, db bun.IDB, u *model.User, workspaceID int64, event, object string, id int64, detail string) error {
	e := &model.AuditEntry{At: time.Now().UTC(), WorkspaceID: &workspaceID, Event: event, Object: object, ObjectID: id, Detail: detail}
	if u != nil {
		e.UserID = &u.ID
	}
	return store.Audit(ctx, db, e)
}

// UpdateItemField changes one field of an agenda item, with the same
// guarantees as an action: a stale short field is a *Conflict, notes are
// merged three-way. Case notes are checked by the casus guard first and
// refused with a *CaseRefused when they give someone away.
func (s *Service) UpdateItemField(ctx context.Context, u *model.User, workspaceID, itemID int64, field, value string, baseVersion int) (*model.AgendaItem, error) {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return nil, err
	}
	if !IsItemField(field) {
		return nil, apperr.NotFound()
	}
	var it *model.AgendaItem
	changed := false
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if it, err = store.ItemForUpdate(ctx, tx, workspaceID, itemID); err != nil {
			return err
		}
		if it.DeletedAt != nil {
			return apperr.New(http.StatusGone, "agenda.error.deleted")
		}
		m, err := store.Meeting(ctx, tx, workspaceID, it.MeetingID)
		if err != nil {
			return err
		}
		if field == "case_notes" {
			if !s.canSeeCase(ctx, tx, u, m) || !s.Authz.Can(u, workspaceID, authz.ObjCasus, authz.ActEdit) {
				return apperr.NotFound()
			}
			if it.CasePurgedAt != nil {
				return apperr.New(http.StatusGone, "casus.error.purged")
			}
		}
		if baseVersion < 1 || baseVersion > it.Version {
			return apperr.New(http.StatusUnprocessableEntity, "error.version")
		}
		long := field == "notes" || field == "case_notes"
		if long {
			value = strings.ReplaceAll(value, "\r\n", "\n")
		}
		current := ItemField(it, field)
		// Case notes keep no text in the history to merge from: two
		// writers of them see each other's text side by side instead.
		if value, err = staleWrite(ctx, tx, workspaceID, model.EntityItem, it.ID, field, baseVersion, it.Version, current, value, field == "notes"); err != nil {
			return err
		}
		if field == "case_notes" {
			names, err := store.KnownNames(ctx, tx, workspaceID, m.ID)
			if err != nil {
				return err
			}
			if found := casus.Check(value, names); len(found) > 0 {
				return &CaseRefused{Findings: found}
			}
		}
		prev := ItemField(it, field)
		if err := s.setItemField(ctx, tx, it, field, value); err != nil {
			return err
		}
		next := ItemField(it, field)
		if next == prev {
			return nil
		}
		changed = true
		now := time.Now().UTC()
		it.Version++
		it.UpdatedAt = now
		cols := []string{field}
		if field == "presenter" {
			cols = []string{"presenter_user_id", "presenter_attendee_id"}
		}
		if err := store.UpdateItem(ctx, tx, it, cols...); err != nil {
			return err
		}
		if field == "case_notes" {
			// The history of case notes records that they changed, never
			// what they said: case material lives in one place only.
			prev, next = "", ""
			if err := s.audit(ctx, tx, u, workspaceID, model.AuditCaseWrite, "agenda_item", it.ID, ""); err != nil {
				return err
			}
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityItem, EntityID: it.ID, Version: it.Version,
			UserID: u.ID, Field: field, OldValue: prev, NewValue: next, CreatedAt: now,
		}})
	})
	var refused *CaseRefused
	if errors.As(err, &refused) {
		// What was refused is not kept anywhere; that it was, is.
		kinds := make([]string, len(refused.Findings))
		for i, f := range refused.Findings {
			kinds[i] = string(f.Kind)
		}
		if aerr := s.audit(ctx, s.DB, u, workspaceID, model.AuditCaseRefused, "agenda_item", itemID, strings.Join(kinds, ",")); aerr != nil {
			return nil, aerr
		}
	}
	if err != nil {
		return nil, notFoundErr(err)
	}
	if changed {
		s.publish(ctx, itemEvent(it, realtime.Changed, field))
	}
	return it, nil
}

func (s *Service) setItemField(ctx context.Context, db bun.IDB, it *model.AgendaItem, field, value string) error {
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
		user, guest, err := s.presenter(ctx, db, it, strings.TrimSpace(value))
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
	return v.Err()
}

// presenter parses a presenter choice: "" (nobody), a member's user id,
// or "g" and the id of a guest attendee of the same meeting.
func (s *Service) presenter(ctx context.Context, db bun.IDB, it *model.AgendaItem, value string) (user, guest *int64, err error) {
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

// MoveItem puts an item right after the item afterID on the same agenda,
// or first when afterID is 0. The last move wins.
func (s *Service) MoveItem(ctx context.Context, u *model.User, workspaceID, itemID, afterID int64) (*model.AgendaItem, error) {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return nil, err
	}
	var it *model.AgendaItem
	moved := false
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if it, err = store.ItemForUpdate(ctx, tx, workspaceID, itemID); err != nil {
			return err
		}
		if it.DeletedAt != nil {
			return apperr.NotFound()
		}
		siblings, err := store.Items(ctx, tx, workspaceID, it.MeetingID)
		if err != nil {
			return err
		}
		slots := make([]slot, len(siblings))
		for i, x := range siblings {
			slots[i] = slot{ID: x.ID, Position: x.Position}
		}
		pos, renumber, ok := positionAfter(slots, it.ID, "", afterID)
		if !ok {
			return apperr.NotFound()
		}
		if len(renumber) > 0 {
			if err := store.SetItemPositions(ctx, tx, workspaceID, renumber); err != nil {
				return err
			}
			if p, ok := renumber[it.ID]; ok {
				pos = p
			}
		}
		if pos == it.Position {
			return nil
		}
		moved = true
		it.Position = pos
		it.Version++
		it.UpdatedAt = time.Now().UTC()
		return store.UpdateItem(ctx, tx, it, "position")
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if moved {
		s.publish(ctx, itemEvent(it, realtime.Moved, "position"))
	}
	return it, nil
}

// DeleteItem takes an item off the agenda; RestoreItem undoes that.
func (s *Service) DeleteItem(ctx context.Context, u *model.User, workspaceID, itemID int64) (*model.AgendaItem, error) {
	return s.setItemDeleted(ctx, u, workspaceID, itemID, true)
}

// RestoreItem brings a deleted item back where it was.
func (s *Service) RestoreItem(ctx context.Context, u *model.User, workspaceID, itemID int64) (*model.AgendaItem, error) {
	return s.setItemDeleted(ctx, u, workspaceID, itemID, false)
}

func (s *Service) setItemDeleted(ctx context.Context, u *model.User, workspaceID, itemID int64, deleted bool) (*model.AgendaItem, error) {
	if err := s.require(u, workspaceID, authz.ObjAgenda, authz.ActEdit); err != nil {
		return nil, err
	}
	var it *model.AgendaItem
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if it, err = store.ItemForUpdate(ctx, tx, workspaceID, itemID); err != nil {
			return err
		}
		if _, err := store.Meeting(ctx, tx, workspaceID, it.MeetingID); err != nil {
			return err
		}
		if (it.DeletedAt != nil) == deleted {
			return nil
		}
		now := time.Now().UTC()
		field := model.FieldDeleted
		it.DeletedAt = &now
		if !deleted {
			field, it.DeletedAt = model.FieldRestored, nil
		}
		it.Version++
		it.UpdatedAt = now
		if err := store.UpdateItem(ctx, tx, it, "deleted_at"); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityItem, EntityID: it.ID, Version: it.Version,
			UserID: u.ID, Field: field, NewValue: it.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	kind := realtime.Restored
	if deleted {
		kind = realtime.Deleted
	}
	s.publish(ctx, itemEvent(it, kind))
	return it, nil
}
