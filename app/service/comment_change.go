package service

import (
	"context"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// changeComment loads a comment for a change within a transaction, with
// the subject it is on; a deleted comment, or one on an object that is
// gone, is not found.
func changeComment(ctx context.Context, tx bun.Tx, workspaceID, id int64) (*model.Comment, *SubjectRef, error) {
	c, err := store.CommentForUpdate(ctx, tx, workspaceID, id)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	if c.DeletedAt != nil {
		return nil, nil, apperr.NotFound()
	}
	ref, err := subjectRef(ctx, tx, workspaceID, c.Subject, c.SubjectID)
	if err != nil {
		return nil, nil, err
	}
	return c, ref, nil
}

// mayWriteOwn says whether u may change their own comment c: its author,
// who may still write in the workspace.
func (s *Service) mayWriteOwn(u *model.User, c *model.Comment) error {
	if c.AuthorID != u.ID || !(s.CanComment(u, c.WorkspaceID) || s.CanAdvise(u, c.WorkspaceID)) {
		return apperr.Forbidden()
	}
	return nil
}

// EditComment changes the text of one's own comment, reply or advice,
// written at version. A stale version is refused: someone (oneself, in
// another window) changed it meanwhile.
func (s *Service) EditComment(ctx context.Context, u *model.User, workspaceID, id int64, body string, version int) (*model.Comment, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	var v apperr.Validation
	body = text(&v, "body", body, true, MaxComment)
	now := time.Now().UTC()
	var c *model.Comment
	var ref *SubjectRef
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if c, ref, err = changeComment(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if err := s.mayWriteOwn(u, c); err != nil {
			return err
		}
		if c.IsAdvice() && c.State == model.AdviceClosed {
			return errAdviceClosed()
		}
		if err := v.Err(); err != nil {
			return err
		}
		if c.Version != version {
			return apperr.New(http.StatusConflict, "comments.error.changed")
		}
		if c.Body == body && !guardAnswersFrom(ctx).asked("body") {
			return nil
		}
		g := s.guard(ctx, tx, workspaceID, ref.MeetingID)
		g.check(ctx, "body", body, c.Body, false)
		if err := g.result(&v); err != nil {
			return err
		}
		if c.Body == body {
			return nil
		}
		old := c.Body
		c.Body, c.Version, c.UpdatedAt = body, c.Version+1, now
		if err := store.UpdateComment(ctx, tx, c, "body"); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectComment, c.ID); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: c.ID, Version: c.Version,
			UserID: u.ID, Field: "body", OldValue: old, NewValue: body, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	s.publishComment(ctx, ref, c, realtime.Changed)
	return s.LiveComment(ctx, workspaceID, c.ID)
}

// DeleteComment deletes one's own comment, reply or advice (softly: its
// history stays). Replies to it remain, under a note that it was deleted.
func (s *Service) DeleteComment(ctx context.Context, u *model.User, workspaceID, id int64) (*model.Comment, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	var c *model.Comment
	var ref *SubjectRef
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if c, ref, err = changeComment(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if err := s.mayWriteOwn(u, c); err != nil {
			return err
		}
		c.DeletedAt, c.Version, c.UpdatedAt = &now, c.Version+1, now
		if err := store.UpdateComment(ctx, tx, c, "deleted_at"); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: c.ID, Version: c.Version,
			UserID: u.ID, Field: model.FieldDeleted, OldValue: c.Body, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	s.publishComment(ctx, ref, c, realtime.Deleted)
	return s.LiveComment(ctx, workspaceID, c.ID)
}

// CloseAdvice closes an advice: the reviewer or the workspace's
// coordinator says it needs nothing more. It then takes no replies.
func (s *Service) CloseAdvice(ctx context.Context, u *model.User, workspaceID, id int64) (*model.Comment, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	if !s.CanCloseAdvice(u, workspaceID) {
		return nil, apperr.Forbidden()
	}
	now := time.Now().UTC()
	var c *model.Comment
	var ref *SubjectRef
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if c, ref, err = changeComment(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if !c.IsAdvice() || c.ParentID != nil {
			return apperr.New(http.StatusUnprocessableEntity, "comments.error.not_advice")
		}
		if c.State == model.AdviceClosed {
			return errAdviceClosed()
		}
		old := c.State
		c.State, c.Version, c.UpdatedAt = model.AdviceClosed, c.Version+1, now
		if err := store.UpdateComment(ctx, tx, c, "state"); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: c.ID, Version: c.Version,
			UserID: u.ID, Field: model.FieldState, OldValue: string(old), NewValue: string(c.State), CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	s.publishComment(ctx, ref, c, realtime.Changed)
	return s.LiveComment(ctx, workspaceID, c.ID)
}

// Comment loads one comment the user may read, deleted or not, with the
// subject it is on.
func (s *Service) Comment(ctx context.Context, u *model.User, workspaceID, id int64) (*model.Comment, *SubjectRef, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, nil, err
	}
	c, err := store.Comment(ctx, s.DB, workspaceID, id)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	ref, err := subjectRef(ctx, s.DB, workspaceID, c.Subject, c.SubjectID)
	if err != nil {
		return nil, nil, err
	}
	return c, ref, nil
}
