package service

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
	"schakel/views/mails"
)

// A reset link works once, for half an hour; a second request within a
// minute of the first sends nothing more, so that nobody can flood an
// inbox with them.
const (
	ResetValidity = 30 * time.Minute
	resetPause    = time.Minute
)

// RequestPasswordReset sends a reset link to the account with this
// address, if there is one that may sign in; link makes the address of the
// page from the token. The answer is the same whether or not the address
// is known.
func (s *Service) RequestPasswordReset(ctx context.Context, emailAddr string, link func(token string) string) error {
	var v apperr.Validation
	addr := email(&v, "email", emailAddr)
	if err := v.Err(); err != nil {
		return err
	}
	u, err := store.UserByEmail(ctx, s.DB, addr)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if u.Disabled() || u.Deleted() {
		return nil
	}
	token, err := newToken()
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		recent, err := tx.NewSelect().Model((*model.PasswordReset)(nil)).
			Where("user_id = ?", u.ID).Where("created_at > ?", now.Add(-resetPause)).Count(ctx)
		if err != nil || recent > 0 {
			return err
		}
		r := &model.PasswordReset{UserID: u.ID, TokenHash: s.resetHash(token), ExpiresAt: now.Add(ResetValidity), CreatedAt: now}
		if err := store.CreatePasswordReset(ctx, tx, r); err != nil {
			return err
		}
		msg, err := s.resetMail(ctx, u, link(token))
		if err != nil {
			return err
		}
		if err := s.Mail.Enqueue(ctx, tx, msg); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, 0, model.AuditPasswordResetAsked, "user", u.ID, "")
	})
}

// resetMail composes the reset e-mail in the account's language.
func (s *Service) resetMail(ctx context.Context, u *model.User, link string) (*mail.Message, error) {
	if s.Messages == nil {
		return nil, errors.New("service: no messages to write e-mails with")
	}
	lang := u.Locale
	if !i18n.Supported(lang) {
		lang = i18n.Default
	}
	t := s.Messages.Translator(lang)
	ctx = i18n.NewContext(ctx, t)
	d := mails.PasswordReset{Name: u.Name, Link: link, Minutes: int(ResetValidity / time.Minute)}
	return mail.Compose(ctx, "password_reset", u.Email, t.Get("mail.password_reset.subject"),
		mails.PasswordResetHTML(d), mails.PasswordResetText(d))
}

// CheckPasswordReset tells whether a reset link still works: an unknown,
// used or expired one is refused with the same message.
func (s *Service) CheckPasswordReset(ctx context.Context, token string) error {
	_, err := s.openReset(ctx, s.DB, token, time.Now().UTC())
	return err
}

func (s *Service) openReset(ctx context.Context, db bun.IDB, token string, now time.Time) (*model.PasswordReset, error) {
	gone := apperr.New(http.StatusGone, "reset.error.expired")
	if token == "" || len(token) > 100 {
		return nil, gone
	}
	r, err := store.PasswordResetByHash(ctx, db, s.resetHash(token))
	if errors.Is(err, store.ErrNotFound) {
		return nil, gone
	}
	if err != nil {
		return nil, err
	}
	if r.UsedAt != nil || !r.ExpiresAt.After(now) {
		return nil, gone
	}
	return r, nil
}

// ResetPassword sets a new password with a reset link, which is used up by
// it, and ends every session of the account: whoever was signed in is out,
// live pages included. Two-factor stays as it was, and is asked at the
// next sign-in.
func (s *Service) ResetPassword(ctx context.Context, token, next string) error {
	now := time.Now().UTC()
	r, err := s.openReset(ctx, s.DB, token, now)
	if err != nil {
		return err
	}
	owner, err := store.User(ctx, s.DB, r.UserID)
	if err != nil {
		return err
	}
	var v apperr.Validation
	checkNewPassword(&v, "new_password", next, owner.Email, owner.Name)
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := password.Hash(next, s.Hashing)
	if err != nil {
		return err
	}
	var userID int64
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		r, err := s.openReset(ctx, tx, token, now)
		if err != nil {
			return err
		}
		userID = r.UserID
		if err := store.UsePasswordReset(ctx, tx, r, now); errors.Is(err, store.ErrNotFound) {
			return apperr.New(http.StatusGone, "reset.error.expired")
		} else if err != nil {
			return err
		}
		if err := store.SetUserPassword(ctx, tx, r.UserID, hash); errors.Is(err, store.ErrNotFound) {
			return apperr.New(http.StatusGone, "reset.error.expired")
		} else if err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, r.UserID, 0); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, 0, model.AuditPasswordResetDone, "user", r.UserID, "")
	})
	if err != nil {
		return err
	}
	s.sessionsEnded(ctx, userID, nil, true)
	return nil
}

// resetHash is how a reset token is stored.
func (s *Service) resetHash(token string) string {
	return password.KeyedHash(s.key("password reset"), token)
}

// newToken returns 32 random bytes for a link, URL-safe.
func newToken() (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}
