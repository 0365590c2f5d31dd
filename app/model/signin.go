package model

import (
	"time"

	"github.com/uptrace/bun"
)

// AuditSignInDelayed is the audit event of a failed sign-in after which
// the account's or the address's sign-ins wait.
const AuditSignInDelayed = "signin_delayed"

// SignInCount is the count of failed sign-ins of one account or from one
// address, kept in the database so that every instance of Schakel on the
// same database counts together. Key is a keyed hash of the e-mail address
// or the client address (never the address itself): the table holds no
// personal data in the clear, also not of addresses that were mistyped.
type SignInCount struct {
	bun.BaseModel `bun:"table:signin_counts"`

	Key      string    `bun:"key_hash,pk"`
	Failures int       `bun:"failures,notnull"`
	LastAt   time.Time `bun:"last_at,notnull"`
	// Version moves on with every write, so that a change is made only
	// on the row as it was read (see store.UpdateSignInCount).
	Version int `bun:"version,notnull"`
}
