package service

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/realtime"
	"schakel/app/store"
)

// ProfileInput is what one changes of one's own account: name and language.
type ProfileInput struct {
	Name   string
	Locale string
}

// UpdateProfile changes the account's name and the language Schakel speaks
// to it (also at its next sign-in, and in its e-mails).
func (s *Service) UpdateProfile(ctx context.Context, u *model.User, in ProfileInput) error {
	var v apperr.Validation
	name := text(&v, "name", in.Name, true, MaxName)
	if !i18n.Supported(in.Locale) {
		v.Add("locale", "validation.choice")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.SetUserName(ctx, tx, u.ID, name); err != nil {
			return err
		}
		return store.SetUserLocale(ctx, tx, u.ID, in.Locale)
	})
}

// checkCurrentPassword records a field error unless pw is the account's
// password.
func (s *Service) checkCurrentPassword(ctx context.Context, v *apperr.Validation, field string, u *model.User, pw string) error {
	if pw == "" {
		v.Add(field, "validation.required")
		return nil
	}
	if utf8.RuneCountInString(pw) > MaxPassword {
		v.Add(field, "account.error.wrong_password")
		return nil
	}
	fresh, err := store.User(ctx, s.DB, u.ID)
	if err != nil {
		return err
	}
	if ok, _ := password.Check(pw, fresh.PasswordHash); !ok {
		v.Add(field, "account.error.wrong_password")
	}
	return nil
}

// ChangePassword sets a new password after checking the current one, and
// ends every other session of the account (the one with id keep stays):
// whoever may have learnt the old password is out at once, live pages
// included.
func (s *Service) ChangePassword(ctx context.Context, u *model.User, current, next string, keep int64) error {
	var v apperr.Validation
	if err := s.checkCurrentPassword(ctx, &v, "current_password", u, current); err != nil {
		return err
	}
	checkNewPassword(&v, "new_password", next, u.Email, u.Name)
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := password.Hash(next, s.Hashing)
	if err != nil {
		return err
	}
	var ended []int64
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.SetUserPassword(ctx, tx, u.ID, hash); err != nil {
			return err
		}
		if ended, err = store.DeleteUserSessions(ctx, tx, u.ID, keep); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, u.ID, model.AuditPasswordChanged, "user", u.ID, "")
	})
	if err != nil {
		return err
	}
	s.sessionsEnded(ctx, u.ID, ended, false)
	return nil
}

// auditAccount writes an audit line about one's own account: who (nil for
// nobody signed in), what, about which object.
func (s *Service) auditAccount(ctx context.Context, db bun.IDB, userID int64, event, object string, objectID int64, detail string) error {
	e := &model.AuditEntry{At: time.Now().UTC(), Event: event, Object: object, ObjectID: objectID, Detail: detail}
	if userID != 0 {
		e.UserID = &userID
	}
	return store.Audit(ctx, db, e)
}

// sessionsEnded makes sessions whose rows were removed end everywhere at
// once: this instance forgets them and closes their live connections, and
// the other instances are told to do the same. all ends every session of
// the account.
func (s *Service) sessionsEnded(ctx context.Context, userID int64, ids []int64, all bool) {
	if !all && len(ids) == 0 {
		return
	}
	if s.Sessions != nil {
		if all {
			s.Sessions.Ended(userID, nil)
		} else {
			s.Sessions.Ended(userID, ids)
		}
	}
	if s.Events == nil {
		return
	}
	if all {
		s.Events.Publish(ctx, realtime.SessionEnded(userID, 0))
		return
	}
	for _, id := range ids {
		s.Events.Publish(ctx, realtime.SessionEnded(userID, id))
	}
}

// SessionRef names a web session: its id, and the account signed in with
// it (0: none).
type SessionRef struct {
	ID     int64
	UserID int64
}

// Session looks up the web session with this key (the id in its cookie);
// ok is false when there is none.
func (s *Service) Session(key string) (SessionRef, bool, error) {
	if s.Sessions == nil {
		return SessionRef{}, false, nil
	}
	r, ok, err := s.Sessions.Record(key)
	return SessionRef{ID: r.ID, UserID: r.UserID}, ok, err
}

// StartSession ties the web session with this key to the account that just
// signed in with it, and remembers the browser it runs in.
func (s *Service) StartSession(ctx context.Context, u *model.User, key, userAgent string) (int64, error) {
	if s.Sessions == nil {
		return 0, errors.New("service: no session storage")
	}
	userAgent = strings.ToValidUTF8(userAgent, "")
	if r := []rune(userAgent); len(r) > 512 {
		userAgent = string(r[:512])
	}
	return s.Sessions.Bind(ctx, key, u.ID, userAgent)
}

// SignOut ends the web session with this key: its live connections close
// at once, on every instance.
func (s *Service) SignOut(ctx context.Context, u *model.User, key string) error {
	ref, ok, err := s.Session(key)
	if err != nil {
		return err
	}
	if err := s.Sessions.Delete(key); err != nil {
		return err
	}
	if ok && ref.UserID == u.ID {
		s.sessionsEnded(ctx, u.ID, []int64{ref.ID}, false)
	}
	return nil
}

// AccountSessions lists the account's sessions, the one used last first.
func (s *Service) AccountSessions(ctx context.Context, u *model.User) ([]model.Session, error) {
	return store.UserSessions(ctx, s.DB, u.ID)
}

// RevokeSession ends one of the account's own sessions, on whichever
// device it is.
func (s *Service) RevokeSession(ctx context.Context, u *model.User, id int64) error {
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.DeleteUserSession(ctx, tx, u.ID, id); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, u.ID, model.AuditSessionRevoked, "session", id, "")
	})
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound()
	}
	if err != nil {
		return err
	}
	s.sessionsEnded(ctx, u.ID, []int64{id}, false)
	return nil
}

// endAllSessions removes every session of the account and ends them
// everywhere; for a change that leaves the account nothing open.
func (s *Service) endAllSessions(ctx context.Context, userID int64) error {
	if _, err := store.DeleteUserSessions(ctx, s.DB, userID, 0); err != nil {
		return err
	}
	s.sessionsEnded(ctx, userID, nil, true)
	return nil
}

// wrongPassword is the answer to a confirmation with a wrong password.
func wrongPassword(field string) error {
	return &apperr.Error{Status: http.StatusUnprocessableEntity, MessageID: "error.validation",
		Fields: map[string]string{field: "account.error.wrong_password"}}
}
