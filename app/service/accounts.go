package service

import (
	"context"
	"errors"
	"net/http"
	"time"
	"unicode/utf8"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// dummyHash is checked against when an account does not exist, so that a
// wrong address costs as much time as a wrong password.
var dummyHash, _ = password.Hash("schakel-no-such-account", password.Default)

// SignIn checks an e-mail address and password. Unknown address and wrong
// password get the same answer; a disabled account is named only to whoever
// knows its password.
func (s *Service) SignIn(ctx context.Context, emailAddr, pw string) (*model.User, error) {
	failed := apperr.New(http.StatusUnauthorized, "signin.error.failed")
	var v apperr.Validation
	emailAddr = text(&v, "email", emailAddr, true, MaxEmail)
	if pw == "" {
		v.Add("password", "validation.required")
	} else if utf8.RuneCountInString(pw) > MaxPassword {
		v.Add("password", "validation.too_long")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	u, err := store.UserByEmail(ctx, s.DB, NormaliseEmail(emailAddr))
	if errors.Is(err, store.ErrNotFound) {
		_, _ = password.Check(pw, dummyHash)
		return nil, failed
	}
	if err != nil {
		return nil, err
	}
	ok, err := password.Check(pw, u.PasswordHash)
	if err != nil || !ok {
		return nil, failed
	}
	if u.Disabled() {
		return nil, apperr.New(http.StatusForbidden, "signin.error.disabled")
	}
	return u, nil
}

// AccountInput is what an administrator fills in for a new account.
type AccountInput struct {
	Name           string
	Email          string
	OrganisationID int64
	PlatformRole   model.PlatformRole
	Password       string
}

// CreateAccount validates in and stores a new account. Only an
// administrator may; a nil actor is the command line.
func (s *Service) CreateAccount(ctx context.Context, actor *model.User, in AccountInput) (*model.User, error) {
	if actor != nil && !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	u := &model.User{
		Name:           text(&v, "name", in.Name, true, MaxName),
		Email:          email(&v, "email", in.Email),
		OrganisationID: in.OrganisationID,
		PlatformRole:   in.PlatformRole,
		Locale:         i18n.Default,
	}
	if !u.PlatformRole.Valid() {
		v.Add("platform_role", "validation.choice")
	}
	newPassword(&v, "password", in.Password)
	if in.OrganisationID <= 0 {
		v.Add("organisation", "validation.required")
	} else if _, err := store.Organisation(ctx, s.DB, in.OrganisationID); errors.Is(err, store.ErrNotFound) {
		v.Add("organisation", "validation.choice")
	} else if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := password.Hash(in.Password, s.Hashing)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	u.PasswordHash, u.CreatedAt, u.UpdatedAt = hash, now, now
	if err := store.CreateUser(ctx, s.DB, u); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			v.Add("email", "validation.email_taken")
			return nil, v.Err()
		}
		return nil, err
	}
	if u.PlatformRole != model.PlatformNone {
		if err := s.rulesChanged(ctx, u.ID); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// SetAccountDisabled disables or enables an account. A disabled account
// cannot sign in, and its open sessions stop working at their next request.
func (s *Service) SetAccountDisabled(ctx context.Context, actor *model.User, userID int64, disabled bool) error {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return apperr.Forbidden()
	}
	if actor.ID == userID && disabled {
		return apperr.New(http.StatusUnprocessableEntity, "accounts.error.disable_self")
	}
	var at *time.Time
	if disabled {
		now := time.Now().UTC()
		at = &now
	}
	if err := store.SetUserDisabled(ctx, s.DB, userID, at); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return apperr.NotFound()
		}
		return err
	}
	return s.rulesChanged(ctx, userID)
}

// SetLocale remembers an account's language.
func (s *Service) SetLocale(ctx context.Context, u *model.User, lang string) error {
	if !i18n.Supported(lang) {
		return apperr.New(http.StatusBadRequest, "error.bad_request")
	}
	return store.SetUserLocale(ctx, s.DB, u.ID, lang)
}
