package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Session is one server-side web session. Its data is opaque to Schakel: the
// session middleware encodes it.
type Session struct {
	bun.BaseModel `bun:"table:sessions"`

	Key       string    `bun:"key,pk"`
	Data      []byte    `bun:"data,notnull"`
	ExpiresAt time.Time `bun:"expires_at,notnull"`
}
