package service

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/store"
)

// auditPlatform appends a line that belongs to no workspace: an
// administrator's action, or the command line's when actor is nil.
func (s *Service) auditPlatform(ctx context.Context, db bun.IDB, actor *model.User, event, object string, id int64, detail string) error {
	e := &model.AuditEntry{Event: event, Object: object, ObjectID: id, Detail: detail}
	if actor != nil {
		e.UserID = &actor.ID
	}
	return store.Audit(ctx, db, e)
}

// auditIn appends a line about something in a workspace.
func (s *Service) auditIn(ctx context.Context, db bun.IDB, actor *model.User, workspaceID int64, event, object string, id int64, detail string) error {
	e := &model.AuditEntry{WorkspaceID: &workspaceID, Event: event, Object: object, ObjectID: id, Detail: detail}
	if actor != nil {
		e.UserID = &actor.ID
	}
	return store.Audit(ctx, db, e)
}

// signInAudit writes a sign-in or a refused one, and returns answer, or
// the error of writing when that failed: a sign-in that cannot be logged
// does not happen. u is the account when the address belongs to one; what
// was typed is never kept.
func (s *Service) signInAudit(ctx context.Context, u *model.User, event, detail string, answer error) error {
	var id int64
	if u != nil {
		id = u.ID
	}
	if err := s.auditPlatform(ctx, s.DB, u, event, model.AuditObjectUser, id, detail); err != nil {
		return err
	}
	return answer
}

// signedIn writes to the audit log that u's session started, saying
// whether with two-factor or, for a demo account, with two-factor put off.
// The account is read afresh: two-factor may have been set up just now.
func (s *Service) signedIn(ctx context.Context, u *model.User) error {
	fresh, err := store.User(ctx, s.DB, u.ID)
	if err != nil {
		return err
	}
	detail := ""
	switch {
	case fresh.TwoFactor():
		detail = model.AuditWithTwoFactor
	case s.TwoFactorRequired(fresh):
		detail = model.AuditTwoFactorPutOff
	}
	return s.auditPlatform(ctx, s.DB, fresh, model.AuditSignIn, model.AuditObjectUser, fresh.ID, detail)
}

// secondFactorRefused writes a refused code of the second sign-in step
// to the audit log (a wrong one, or one used before), and returns err.
func (s *Service) secondFactorRefused(ctx context.Context, u *model.User, err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	detail := ""
	switch e.Fields["code"] {
	case "twofactor.error.wrong_code":
		detail = model.AuditWrongCode
	case "twofactor.error.code_used":
		detail = model.AuditCodeUsed
	default:
		return err
	}
	return s.signInAudit(ctx, u, model.AuditSignInFailed, detail, err)
}

// MeetingExport gathers what a document of a meeting shows, like
// MeetingRecord, and writes to the audit log that it was printed or
// downloaded; what names the document and its format, such as
// "minutes.md".
func (s *Service) MeetingExport(ctx context.Context, u *model.User, workspaceID, meetingID int64, what string) (*MeetingRecord, error) {
	r, err := s.MeetingRecord(ctx, u, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	return r, s.auditIn(ctx, s.DB, u, workspaceID, model.AuditMeetingExport, model.AuditObjectMeeting, meetingID, what)
}
