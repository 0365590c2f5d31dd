package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Session is one server-side web session. Its data is opaque to Schakel: the
// session middleware encodes it. A session that carries a signed-in account
// names it, with the browser it was started in, so that its owner can see
// and end it.
type Session struct {
	bun.BaseModel `bun:"table:sessions"`

	ID        int64     `bun:"id,pk,autoincrement"`
	Key       string    `bun:"key,notnull,unique"`
	Data      []byte    `bun:"data,notnull"`
	ExpiresAt time.Time `bun:"expires_at,notnull"`
	// UserID is the signed-in account; nil before sign-in and in the half
	// signed-in state between the password and the second step.
	UserID     *int64    `bun:"user_id"`
	UserAgent  string    `bun:"user_agent,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	LastSeenAt time.Time `bun:"last_seen_at,notnull"`
}
