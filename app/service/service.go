// Package service holds Schakel's business rules: validation, transactions
// and the authorization of objects, checked again here after the route guard.
package service

import (
	"context"
	netmail "net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/mail"
	"schakel/app/password"
	"schakel/app/realtime"
	"schakel/app/store"
)

// Service carries what the business rules need.
type Service struct {
	DB *bun.DB
	// Events receives every committed change of a live object.
	Events realtime.Publisher
	Authz  *authz.Authorizer
	// Hashing is the argon2id cost for new passwords.
	Hashing password.Params
	// Mail is the outbox that messages are written to, in the transaction
	// of the change that causes them.
	Mail *mail.Outbox

	// Sessions is the web session storage: one's sessions are listed and
	// ended through it, so that an ended session is forgotten at once and
	// its live connections close. Nil in tools that serve no web.
	Sessions *store.SessionStorage
	// Secret is the server's secret key: it encrypts two-factor secrets and
	// keys the hashes of recovery codes, reset links and invitation links.
	Secret []byte
	// Messages are the texts in every language, for e-mails in the
	// recipient's language.
	Messages *i18n.Bundle
	// Demo says that the server runs with the demo data (--demo): only
	// then may the demo accounts put off setting up two-factor.
	Demo bool
	// SignInLimits slows down the sign-ins of an account or an address
	// after failures.
	SignInLimits *SignInLimits
	// BaseURL is Schakel's public address, for the links in e-mails the
	// service writes itself (invitations).
	BaseURL string
	// InvitationLifetime is how long an invitation's link works.
	InvitationLifetime time.Duration

	// tallies keeps the programme overview's tallies of actions while no
	// action changes (programme_tallies.go).
	tallies tallyCache
}

// New returns a service over db with the default password cost, which
// announces committed changes to events (none when nil).
func New(db *bun.DB, az *authz.Authorizer, events realtime.Publisher) *Service {
	if events == nil {
		events = realtime.Discard{}
	}
	return &Service{
		DB: db, Authz: az, Events: events, Hashing: password.Default, Mail: mail.NewOutbox(db),
		SignInLimits:       NewSignInLimits(db, "", DefaultSignInPolicy),
		InvitationLifetime: DefaultInvitationLifetime,
	}
}

// Limits on what users type, in characters.
const (
	MaxName        = 200
	MaxEmail       = 254
	MaxDescription = 4000
	MinPassword    = 12
	MaxPassword    = 256
)

// text trims s and records a field error when it is empty (if required) or
// longer than max characters.
func text(v *apperr.Validation, field, s string, required bool, max int) string {
	s = strings.TrimSpace(s)
	switch {
	case required && s == "":
		v.Add(field, "validation.required")
	case utf8.RuneCountInString(s) > max:
		v.Add(field, "validation.too_long")
	case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
		v.Add(field, "validation.invalid_text")
	}
	return s
}

// NormaliseEmail trims and lower-cases an e-mail address.
func NormaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// email validates and normalises an e-mail address field.
func email(v *apperr.Validation, field, s string) string {
	s = NormaliseEmail(s)
	switch {
	case s == "":
		v.Add(field, "validation.required")
	case len(s) > MaxEmail:
		v.Add(field, "validation.too_long")
	default:
		if a, err := netmail.ParseAddress(s); err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
			v.Add(field, "validation.email")
		}
	}
	return s
}

// rulesChanged makes a change of an account's memberships, platform role
// or state hold at once: here by bringing that account's rules in line,
// on other instances through a "rules" event naming the account, which
// makes them do the same. Nobody else's rules or decisions are touched.
func (s *Service) rulesChanged(ctx context.Context, userID int64) error {
	if _, err := s.Authz.SyncUser(ctx, userID); err != nil {
		return err
	}
	if s.Events != nil {
		s.Events.Publish(ctx, realtime.Event{Topic: "rules", Entity: "rules", UserID: userID})
	}
	return nil
}
