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

// CommentInput is a new comment or advice as typed: on which subject,
// which kind, the text and, for advice, an optional due date.
type CommentInput struct {
	Subject   model.Subject
	SubjectID int64
	Kind      model.CommentKind
	Body      string
	DueDate   string
}

// CanComment reports whether the user writes comments and replies in the
// workspace (coordinators, editors, contributors).
func (s *Service) CanComment(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjComment, authz.ActWrite)
}

// CanAdvise reports whether the user writes advice and plan reviews
// (Defence for Children's reviewers).
func (s *Service) CanAdvise(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAdvice, authz.ActWrite)
}

// CanCloseAdvice reports whether the user closes advice (the reviewer or
// the workspace's coordinator).
func (s *Service) CanCloseAdvice(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAdvice, authz.ActClose)
}

// AddComment writes a new comment of a member or an advice of a reviewer
// on a plan, action, meeting or agenda item of the workspace.
func (s *Service) AddComment(ctx context.Context, u *model.User, workspaceID int64, in CommentInput) (*model.Comment, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	var v apperr.Validation
	switch in.Kind {
	case model.CommentRemark:
		if !s.CanComment(u, workspaceID) {
			return nil, apperr.Forbidden()
		}
	case model.CommentAdvice:
		if !s.CanAdvise(u, workspaceID) {
			return nil, apperr.Forbidden()
		}
	default:
		v.Add("kind", "comments.error.kind")
	}
	if !in.Subject.Valid() {
		v.Add("subject", "comments.error.subject")
	}
	now := time.Now().UTC()
	c := &model.Comment{
		WorkspaceID: workspaceID, Subject: in.Subject, SubjectID: in.SubjectID, Kind: in.Kind,
		Body: text(&v, "body", in.Body, true, MaxComment), AuthorID: u.ID, Author: u,
		Version: 1, CreatedAt: now, UpdatedAt: now,
	}
	if in.Kind == model.CommentAdvice {
		c.State = model.AdviceOpen
		c.DueDate = date(&v, "due_date", in.DueDate)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	var ref *SubjectRef
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if ref, err = subjectRef(ctx, tx, workspaceID, in.Subject, in.SubjectID); err != nil {
			return err
		}
		g := s.guard(ctx, tx, workspaceID, ref.MeetingID)
		g.check(ctx, "body", c.Body, "", false)
		if err := g.result(&v); err != nil {
			return err
		}
		if err := store.CreateComment(ctx, tx, c); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectComment, c.ID); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: c.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: c.Body, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	s.publishComment(ctx, ref, c, realtime.Created)
	return c, nil
}

// Reply answers a comment or advice. Members reply to every thread; a
// reviewer replies only in an advice thread. A member's reply to an open
// advice answers it; a closed advice takes no more replies. A reply to a
// reply joins the thread it is in: threads are one level deep.
func (s *Service) Reply(ctx context.Context, u *model.User, workspaceID, parentID int64, body string) (*model.Comment, *model.Comment, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, nil, err
	}
	member := s.CanComment(u, workspaceID)
	if !member && !s.CanAdvise(u, workspaceID) {
		return nil, nil, apperr.Forbidden()
	}
	var v apperr.Validation
	body = text(&v, "body", body, true, MaxComment)
	now := time.Now().UTC()
	var parent, reply *model.Comment
	var ref *SubjectRef
	answered := false
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := store.CommentForUpdate(ctx, tx, workspaceID, parentID)
		if err != nil {
			return notFoundErr(err)
		}
		if p.ParentID != nil {
			if p, err = store.CommentForUpdate(ctx, tx, workspaceID, *p.ParentID); err != nil {
				return notFoundErr(err)
			}
		}
		if p.DeletedAt != nil {
			return apperr.NotFound()
		}
		if !member && !p.IsAdvice() {
			return apperr.Forbidden()
		}
		if p.IsAdvice() && p.State == model.AdviceClosed {
			return errAdviceClosed()
		}
		if err := v.Err(); err != nil {
			return err
		}
		if ref, err = subjectRef(ctx, tx, workspaceID, p.Subject, p.SubjectID); err != nil {
			return err
		}
		g := s.guard(ctx, tx, workspaceID, ref.MeetingID)
		g.check(ctx, "body", body, "", false)
		if err := g.result(&v); err != nil {
			return err
		}
		reply = &model.Comment{
			WorkspaceID: workspaceID, Subject: p.Subject, SubjectID: p.SubjectID, ParentID: &p.ID,
			Kind: model.CommentRemark, Body: body, AuthorID: u.ID, Author: u, Version: 1, CreatedAt: now, UpdatedAt: now,
		}
		if err := store.CreateComment(ctx, tx, reply); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectComment, reply.ID); err != nil {
			return err
		}
		changes := []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: reply.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: body, CreatedAt: now,
		}}
		if p.IsAdvice() && p.State == model.AdviceOpen && member {
			p.State, p.Version, p.UpdatedAt = model.AdviceAnswered, p.Version+1, now
			if err := store.UpdateComment(ctx, tx, p, "state"); err != nil {
				return err
			}
			changes = append(changes, model.Change{
				WorkspaceID: workspaceID, Entity: model.EntityComment, EntityID: p.ID, Version: p.Version,
				UserID: u.ID, Field: model.FieldState, OldValue: string(model.AdviceOpen), NewValue: string(p.State), CreatedAt: now,
			})
			answered = true
		}
		parent = p
		return store.AddChanges(ctx, tx, changes)
	})
	if err != nil {
		return nil, nil, err
	}
	s.publishComment(ctx, ref, reply, realtime.Created)
	if answered {
		s.publishComment(ctx, ref, parent, realtime.Changed)
	}
	return reply, parent, nil
}
