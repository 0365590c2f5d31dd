package model

import (
	"time"

	"github.com/uptrace/bun"
)

// RecoveryCode is one single-use code that signs in instead of the
// authenticator app, stored as a keyed hash.
type RecoveryCode struct {
	bun.BaseModel `bun:"table:recovery_codes"`

	ID        int64      `bun:"id,pk,autoincrement"`
	UserID    int64      `bun:"user_id,notnull"`
	CodeHash  string     `bun:"code_hash,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
}

// PasswordReset is one link to set a new password, sent by e-mail: good
// once, until ExpiresAt. Only the hash of its token is kept.
type PasswordReset struct {
	bun.BaseModel `bun:"table:password_resets"`

	ID        int64      `bun:"id,pk,autoincrement"`
	UserID    int64      `bun:"user_id,notnull"`
	TokenHash string     `bun:"token_hash,notnull,unique"`
	ExpiresAt time.Time  `bun:"expires_at,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
}

// Audit events of one's own account. Their detail never holds a secret.
const (
	AuditPasswordChanged       = "password_changed"
	AuditPasswordResetAsked    = "password_reset_requested"
	AuditPasswordResetDone     = "password_reset_completed"
	AuditTwoFactorOn           = "two_factor_enabled"
	AuditTwoFactorOff          = "two_factor_disabled"
	AuditRecoveryCodeUsed      = "recovery_code_used"
	AuditRecoveryCodesRenewed  = "recovery_codes_renewed"
	AuditSessionRevoked        = "session_revoked"
	AuditAccountDataDownloaded = "account_data_downloaded"
	AuditAccountDeleted        = "account_deleted"
)
