package model

import (
	"time"

	"github.com/uptrace/bun"
)

// PlatformRole is a role that holds in every workspace.
type PlatformRole string

// Platform roles. PlatformNone is an ordinary account whose rights come from
// its memberships alone.
const (
	PlatformNone          PlatformRole = ""
	PlatformReviewer      PlatformRole = "reviewer"
	PlatformAdministrator PlatformRole = "administrator"
)

// PlatformRoles lists the roles an administrator can give an account.
var PlatformRoles = []PlatformRole{PlatformNone, PlatformReviewer, PlatformAdministrator}

// Valid reports whether r is one of PlatformRoles.
func (r PlatformRole) Valid() bool {
	for _, v := range PlatformRoles {
		if r == v {
			return true
		}
	}
	return false
}

// User is an account: one person who signs in.
type User struct {
	bun.BaseModel `bun:"table:users"`

	ID             int64         `bun:"id,pk,autoincrement"`
	Email          string        `bun:"email,notnull,unique"`
	Name           string        `bun:"name,notnull"`
	PasswordHash   string        `bun:"password_hash,notnull"`
	OrganisationID int64         `bun:"organisation_id,notnull"`
	Organisation   *Organisation `bun:"rel:belongs-to,join:organisation_id=id"`
	PlatformRole   PlatformRole  `bun:"platform_role,notnull"`
	Locale         string        `bun:"locale,notnull"`
	DisabledAt     *time.Time    `bun:"disabled_at"`
	CreatedAt      time.Time     `bun:"created_at,notnull"`
	UpdatedAt      time.Time     `bun:"updated_at,notnull"`

	// TwoFactorSecret is the TOTP secret, encrypted, once two-factor is on;
	// TwoFactorPending one being set up. TwoFactorStep is the last time
	// step whose code was accepted: a code is good once.
	TwoFactorSecret  string     `bun:"two_factor_secret,notnull"`
	TwoFactorPending string     `bun:"two_factor_pending,notnull"`
	TwoFactorAt      *time.Time `bun:"two_factor_at"`
	TwoFactorStep    int64      `bun:"two_factor_step,notnull"`
	// DeletedAt is when the owner deleted the account: its name and
	// address are gone, and its work shows under "deleted user".
	DeletedAt *time.Time `bun:"deleted_at"`
}

// Disabled reports whether the account may no longer sign in.
func (u *User) Disabled() bool { return u.DisabledAt != nil }

// TwoFactor reports whether the account signs in with a second step.
func (u *User) TwoFactor() bool { return u.TwoFactorAt != nil && u.TwoFactorSecret != "" }

// Deleted reports whether the owner deleted the account.
func (u *User) Deleted() bool { return u.DeletedAt != nil }
