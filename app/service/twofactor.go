package service

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// Two-factor sign-in: a TOTP code from an authenticator app (RFC 6238: six
// digits, 30 seconds, SHA-1, as every app reads it from a QR code), or one
// of ten single-use recovery codes.
const (
	totpPeriod     = 30
	totpIssuer     = "Schakel"
	recoveryCount  = 10
	recoveryLength = 10
	// recoveryAlphabet leaves out letters and digits that are easily
	// mistaken for one another (0/o, 1/l/i).
	recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"
)

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// TwoFactorRequired reports whether the account must sign in with two
// factors: administrators, and everyone who may read case material in
// some workspace.
func (s *Service) TwoFactorRequired(u *model.User) bool {
	return s.Authz.CanPlatform(u, authz.ObjPlatform, authz.ActManage) || s.Authz.ReadsCaseMaterial(u)
}

// MayPutOffTwoFactor reports whether the account may sign in without
// setting up the two-factor it needs: only a demo account, and only while
// the server runs with the demo data.
func (s *Service) MayPutOffTwoFactor(u *model.User) bool {
	return s.Demo && demo.IsAccount(u.Email)
}

// TwoFactorKey is what the set-up shows: the secret for typing in, and
// the otpauth:// address that the QR code holds.
type TwoFactorKey struct {
	Secret string
	URL    string
}

// BeginTwoFactor returns the secret being set up for the account, making
// one when there is none yet; it holds only once a code from it is
// confirmed (ConfirmTwoFactor).
func (s *Service) BeginTwoFactor(ctx context.Context, u *model.User) (*TwoFactorKey, error) {
	fresh, err := store.User(ctx, s.DB, u.ID)
	if err != nil {
		return nil, err
	}
	if fresh.TwoFactor() {
		return nil, apperr.New(http.StatusConflict, "twofactor.error.already_on")
	}
	if fresh.TwoFactorPending != "" {
		if secret, err := s.decrypt(fresh.TwoFactorPending); err == nil {
			return s.twoFactorKey(fresh, secret)
		}
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: fresh.Email, Period: totpPeriod, SecretSize: 20})
	if err != nil {
		return nil, err
	}
	sealed, err := s.encrypt(key.Secret())
	if err != nil {
		return nil, err
	}
	if err := store.SetTwoFactorPending(ctx, s.DB, u.ID, sealed); err != nil {
		return nil, err
	}
	return &TwoFactorKey{Secret: key.Secret(), URL: key.URL()}, nil
}

func (s *Service) twoFactorKey(u *model.User, secret string) (*TwoFactorKey, error) {
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		return nil, err
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: u.Email, Period: totpPeriod, Secret: raw})
	if err != nil {
		return nil, err
	}
	return &TwoFactorKey{Secret: secret, URL: key.URL()}, nil
}

// ConfirmTwoFactor switches two-factor on when code comes from the secret
// being set up, and returns the ten recovery codes, to be shown this once.
func (s *Service) ConfirmTwoFactor(ctx context.Context, u *model.User, code string) ([]string, error) {
	fresh, err := store.User(ctx, s.DB, u.ID)
	if err != nil {
		return nil, err
	}
	if fresh.TwoFactor() {
		return nil, apperr.New(http.StatusConflict, "twofactor.error.already_on")
	}
	secret, err := s.decrypt(fresh.TwoFactorPending)
	if fresh.TwoFactorPending == "" || err != nil {
		return nil, apperr.New(http.StatusConflict, "twofactor.error.setup_expired")
	}
	step, ok := totpStep(secret, code, time.Now())
	if !ok {
		return nil, codeError("twofactor.error.wrong_code")
	}
	codes, hashes, err := s.newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.EnableTwoFactor(ctx, tx, u.ID, fresh.TwoFactorPending, step, time.Now().UTC()); err != nil {
			return err
		}
		if err := store.ReplaceRecoveryCodes(ctx, tx, u.ID, hashes); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, u.ID, model.AuditTwoFactorOn, "user", u.ID, "")
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// SecondFactor checks the second step of a sign-in: a code from the app,
// good once, or an unused recovery code, which is used up by it. It
// returns the account, read afresh.
//
// The sign-in limits hear of it from address: a wrong code counts as a
// failed sign-in of the account and the address, a right one ends their
// run, as a right password does for an account without a second step.
func (s *Service) SecondFactor(ctx context.Context, userID int64, code, address string) (*model.User, error) {
	u, err := store.User(ctx, s.DB, userID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.New(http.StatusUnauthorized, "signin.error.failed")
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled() {
		return nil, apperr.New(http.StatusForbidden, "signin.error.disabled")
	}
	if !u.TwoFactor() {
		return u, nil
	}
	if err := s.checkSecondFactor(ctx, s.DB, u, code); err != nil {
		if _, refused := apperr.As(err); refused && s.SignInLimits != nil {
			if ferr := s.SignInLimits.Failed(ctx, u.Email, address); ferr != nil {
				return nil, ferr
			}
		}
		return nil, err
	}
	if s.SignInLimits != nil {
		if err := s.SignInLimits.Succeeded(ctx, u.Email, address); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// checkSecondFactor accepts a code from the app once, or uses up a
// recovery code (audited).
func (s *Service) checkSecondFactor(ctx context.Context, db bun.IDB, u *model.User, code string) error {
	code = strings.TrimSpace(code)
	if code == "" {
		return codeError("validation.required")
	}
	if isTOTPCode(code) {
		secret, err := s.decrypt(u.TwoFactorSecret)
		if err != nil {
			return err
		}
		step, ok := totpStep(secret, code, time.Now())
		if !ok {
			return codeError("twofactor.error.wrong_code")
		}
		if err := store.UseTwoFactorStep(ctx, db, u.ID, step); errors.Is(err, store.ErrNotFound) {
			return codeError("twofactor.error.code_used")
		} else if err != nil {
			return err
		}
		return nil
	}
	hash := s.recoveryHash(code)
	err := store.UseRecoveryCode(ctx, db, u.ID, hash)
	if errors.Is(err, store.ErrNotFound) {
		return codeError("twofactor.error.wrong_code")
	}
	if err != nil {
		return err
	}
	return s.auditAccount(ctx, db, u.ID, model.AuditRecoveryCodeUsed, "user", u.ID, "")
}

// DisableTwoFactor switches two-factor off, with a valid code; only where
// it is not required.
func (s *Service) DisableTwoFactor(ctx context.Context, u *model.User, code string) error {
	if s.TwoFactorRequired(u) {
		return apperr.New(http.StatusForbidden, "twofactor.error.required")
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		fresh, err := store.User(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if !fresh.TwoFactor() {
			return apperr.New(http.StatusConflict, "twofactor.error.already_off")
		}
		if err := s.checkSecondFactor(ctx, tx, fresh, code); err != nil {
			return err
		}
		if err := store.DisableTwoFactor(ctx, tx, u.ID); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, u.ID, model.AuditTwoFactorOff, "user", u.ID, "")
	})
}

// RenewRecoveryCodes replaces the recovery codes, with a valid code from
// the app, and returns the new ones, to be shown this once.
func (s *Service) RenewRecoveryCodes(ctx context.Context, u *model.User, code string) ([]string, error) {
	codes, hashes, err := s.newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		fresh, err := store.User(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if !fresh.TwoFactor() {
			return apperr.New(http.StatusConflict, "twofactor.error.already_off")
		}
		if !isTOTPCode(strings.TrimSpace(code)) {
			return codeError("twofactor.error.app_code")
		}
		if err := s.checkSecondFactor(ctx, tx, fresh, code); err != nil {
			return err
		}
		if err := store.ReplaceRecoveryCodes(ctx, tx, u.ID, hashes); err != nil {
			return err
		}
		return s.auditAccount(ctx, tx, u.ID, model.AuditRecoveryCodesRenewed, "user", u.ID, "")
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// RecoveryCodesLeft counts the account's unused recovery codes.
func (s *Service) RecoveryCodesLeft(ctx context.Context, u *model.User) (int, error) {
	return store.RecoveryCodesLeft(ctx, s.DB, u.ID)
}

// codeError is a refused code, shown at the code field.
func codeError(messageID string) error {
	return &apperr.Error{Status: http.StatusUnprocessableEntity, MessageID: "error.validation",
		Fields: map[string]string{"code": messageID}}
}

// isTOTPCode reports whether code has the form of an app's code: six
// digits, spaces allowed between them.
func isTOTPCode(code string) bool {
	code = strings.ReplaceAll(code, " ", "")
	if len(code) != 6 {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// totpStep returns the time step, of the previous, the present or the next
// one (clocks drift), whose code is code.
func totpStep(secret, code string, now time.Time) (int64, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if !isTOTPCode(code) {
		return 0, false
	}
	current := now.Unix() / totpPeriod
	for _, step := range []int64{current, current - 1, current + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(step*totpPeriod, 0), totpOpts)
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return step, true
		}
	}
	return 0, false
}

// newRecoveryCodes makes ten recovery codes, as shown (xxxxx-xxxxx) and as
// stored (keyed hashes).
func (s *Service) newRecoveryCodes() (codes, hashes []string, err error) {
	// Bytes at or above the largest multiple of the alphabet's length are
	// passed over, so that every character is equally likely.
	limit := 256 - 256%len(recoveryAlphabet)
	one := make([]byte, 1)
	for range recoveryCount {
		var b strings.Builder
		for n := 0; n < recoveryLength; {
			if _, err := rand.Read(one); err != nil {
				return nil, nil, err
			}
			if int(one[0]) >= limit {
				continue
			}
			if n == recoveryLength/2 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[int(one[0])%len(recoveryAlphabet)])
			n++
		}
		codes = append(codes, b.String())
		hashes = append(hashes, s.recoveryHash(b.String()))
	}
	return codes, hashes, nil
}

// recoveryHash is how a recovery code is stored: case, spaces and dashes
// do not count.
func (s *Service) recoveryHash(code string) string {
	code = strings.ToLower(code)
	code = strings.NewReplacer("-", "", " ", "").Replace(code)
	return password.KeyedHash(s.key("recovery code"), code)
}

// key derives a key for one purpose from the server's secret.
func (s *Service) key(purpose string) []byte {
	h := sha256.New()
	h.Write([]byte("schakel " + purpose + "\x00"))
	h.Write(s.Secret)
	return h.Sum(nil)
}

// encrypt seals a two-factor secret with the server's key (AES-GCM), so
// that a copy of the database alone makes no codes.
func (s *Service) encrypt(plain string) (string, error) {
	if len(s.Secret) == 0 {
		return "", errors.New("service: no secret key to encrypt with")
	}
	gcm, err := s.cipher()
	if err != nil {
		return "", err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return base64.RawStdEncoding.EncodeToString(gcm.Seal(nonce, nonce, []byte(plain), nil)), nil
}

// decrypt opens what encrypt sealed.
func (s *Service) decrypt(sealed string) (string, error) {
	raw, err := base64.RawStdEncoding.DecodeString(sealed)
	if err != nil {
		return "", err
	}
	gcm, err := s.cipher()
	if err != nil {
		return "", err
	}
	if len(raw) < gcm.NonceSize() {
		return "", errors.New("service: sealed secret too short")
	}
	plain, err := gcm.Open(nil, raw[:gcm.NonceSize()], raw[gcm.NonceSize():], nil)
	return string(plain), err
}

func (s *Service) cipher() (cipher.AEAD, error) {
	block, err := aes.NewCipher(s.key("two-factor secret"))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
