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
		g := s.guard(ctx, tx, workspaceID, m.ID)
		title := g.text(ctx, &v, "title", in.Title, true, MaxTitle)
		if !in.Kind.Valid() {
			v.Add("kind", "validation.choice")
		}
		d := minutes(&v, "duration", in.Duration, MaxItemMinutes)
		if err := g.result(&v); err != nil {
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
		if err := g.audit(ctx, tx, u, model.AuditObjectItem, it.ID); err != nil {
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

// Item loads one agenda item the user may read, with its meeting: any of
// the workspace's, or for a guest one of a meeting they attend.
func (s *Service) Item(ctx context.Context, u *model.User, workspaceID, itemID int64) (*model.AgendaItem, *model.Meeting, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil && !s.IsGuest(u, workspaceID) {
		return nil, nil, err
	}
	it, err := store.Item(ctx, s.DB, workspaceID, itemID)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, it.MeetingID); err != nil {
		return nil, nil, err
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
	if u == nil || u.PlatformRole != model.PlatformNone {
		// Reviewers and administrators never read case material, in any
		// role: not through a membership, not as an attendee.
		return false
	}
	if !s.Authz.Can(u, m.WorkspaceID, authz.ObjCasus, authz.ActRead) {
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
