package service

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/store"
)

// OutboxPageSize is how many messages one page of the outbox shows.
const OutboxPageSize = 100

// AuditMailRetry is the audit event of an administrator having a failed
// message tried again.
const AuditMailRetry = "mail_retry"

// OutboxPage is one page of the outbox, newest first.
type OutboxPage struct {
	Messages []mail.Message
	// Older is the id below which the next page starts; 0 on the last page.
	Older int64
}

// Outbox lists the outbox for an administrator, from the message below
// before (0: the newest).
func (s *Service) Outbox(ctx context.Context, actor *model.User, before int64) (OutboxPage, error) {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return OutboxPage{}, apperr.Forbidden()
	}
	list, err := s.Mail.List(ctx, before, OutboxPageSize+1)
	if err != nil {
		return OutboxPage{}, err
	}
	var page OutboxPage
	if len(list) > OutboxPageSize {
		list = list[:OutboxPageSize]
		page.Older = list[len(list)-1].ID
	}
	page.Messages = list
	return page, nil
}

// OutboxMessage returns one message of the outbox for an administrator.
func (s *Service) OutboxMessage(ctx context.Context, actor *model.User, id int64) (*mail.Message, error) {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	m, err := s.Mail.Message(ctx, id)
	if errors.Is(err, mail.ErrNotFound) {
		return nil, apperr.NotFound()
	}
	return m, err
}

// RetryMail has a failed message tried again, at once and then on the
// usual schedule. A message that has not failed (it waits already, or was
// sent; say, after a second click) is a conflict.
func (s *Service) RetryMail(ctx context.Context, actor *model.User, id int64) error {
	if _, err := s.OutboxMessage(ctx, actor, id); err != nil {
		return err
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.Mail.Retry(ctx, tx, id); err != nil {
			if errors.Is(err, mail.ErrNotFound) {
				return apperr.New(http.StatusConflict, "outbox.error.not_failed")
			}
			return err
		}
		return store.Audit(ctx, tx, &model.AuditEntry{
			At: time.Now().UTC(), UserID: &actor.ID, Event: AuditMailRetry, Object: "mail", ObjectID: id,
		})
	})
}
