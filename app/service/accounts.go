package service

import (
	"context"
	"errors"
	"fmt"
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

// SignInAttempt is one try at signing in: what was typed, and the client
// address it came from.
type SignInAttempt struct {
	Email    string
	Password string
	Address  string
}

// hasSecondFactor reports whether the account signs in with a second
// factor after its password: a confirmed TOTP secret.
//
// Such an account's password is checked even while failures make the
// sign-in wait: with two factors, the right password and a valid code
// always get in, so a guesser cannot lock its owner out. A wrong password
// in that wait gets the same waiting answer as an unchecked one and is not
// counted (counting it would let a guesser stretch the owner's wait); the
// right one goes on to the code, and whoever asks for the code reports the
// whole sign-in to SignInLimits.Succeeded (or Failed).
func hasSecondFactor(u *model.User) bool { return u.TwoFactor() }

// SignIn checks an e-mail address and password, within the limits of
// SignInLimits: after failures a try waits (*SignInDelayed) rather than
// being checked. Unknown address and wrong password get the same answer; a
// disabled account is named only to whoever knows its password.
func (s *Service) SignIn(ctx context.Context, in SignInAttempt) (*model.User, error) {
	failed := apperr.New(http.StatusUnauthorized, "signin.error.failed")
	var v apperr.Validation
	emailAddr := text(&v, "email", in.Email, true, MaxEmail)
	pw := in.Password
	if pw == "" {
		v.Add("password", "validation.required")
	} else if utf8.RuneCountInString(pw) > MaxPassword {
		v.Add("password", "validation.too_long")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	emailAddr = NormaliseEmail(emailAddr)
	limits := s.SignInLimits
	wait, err := limits.Check(ctx, emailAddr, in.Address)
	if err != nil {
		return nil, err
	}
	u, err := store.UserByEmail(ctx, s.DB, emailAddr)
	if errors.Is(err, store.ErrNotFound) {
		if wait > 0 {
			return nil, &SignInDelayed{Wait: wait}
		}
		_, _ = password.Check(pw, dummyHash)
		return nil, s.signInFailed(ctx, nil, emailAddr, in.Address, failed)
	}
	if err != nil {
		return nil, err
	}
	twoFactor := hasSecondFactor(u)
	if wait > 0 && !twoFactor {
		return nil, &SignInDelayed{Wait: wait}
	}
	ok, err := password.Check(pw, u.PasswordHash)
	if err != nil || !ok {
		if wait > 0 {
			return nil, &SignInDelayed{Wait: wait}
		}
		return nil, s.signInFailed(ctx, u, emailAddr, in.Address, failed)
	}
	if !twoFactor {
		if err := limits.Succeeded(ctx, emailAddr, in.Address); err != nil {
			return nil, err
		}
	}
	if u.Disabled() {
		return nil, apperr.New(http.StatusForbidden, "signin.error.disabled")
	}
	return u, nil
}

// signInFailed counts a failure and returns the answer to it. A failure
// that leaves the sign-ins of the account or the address waiting goes into
// the audit log, with the account when it exists (never the address typed
// or the client address).
func (s *Service) signInFailed(ctx context.Context, u *model.User, emailAddr, address string, answer error) error {
	if err := s.SignInLimits.Failed(ctx, emailAddr, address); err != nil {
		return err
	}
	wait, err := s.SignInLimits.Waiting(ctx, emailAddr, address)
	if err != nil {
		return err
	}
	if wait == 0 {
		return answer
	}
	e := &model.AuditEntry{At: time.Now().UTC(), Event: model.AuditSignInDelayed, Object: "user",
		Detail: fmt.Sprintf("wait %ds", int(wait.Seconds()))}
	if u != nil {
		e.ObjectID = u.ID
	}
	if err := store.Audit(ctx, s.DB, e); err != nil {
		return err
	}
	return answer
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
	checkNewPassword(&v, "password", in.Password, in.Email, in.Name)
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
// cannot sign in, and its open sessions end at once, live pages included.
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
	if disabled {
		// Signed out everywhere at once, live pages included; before the
		// rules change, so that the pages say why.
		if err := s.endAllSessions(ctx, userID); err != nil {
			return err
		}
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
