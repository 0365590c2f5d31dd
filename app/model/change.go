package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Entity names the kind of object a change belongs to.
type Entity string

// Entities with a change history.
const (
	EntityPlan    Entity = "plan"
	EntityAction  Entity = "action"
	EntityMeeting Entity = "meeting"
	EntityItem    Entity = "agenda_item"
)

// Change kinds other than a field name.
const (
	FieldCreated  = "_created"
	FieldDeleted  = "_deleted"
	FieldRestored = "_restored"
)

// Change is one entry of the append-only change history: who changed which
// field of which object when, from what to what. Every write of a versioned
// object adds one or more, all with the version the write produced.
type Change struct {
	bun.BaseModel `bun:"table:changes"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	Entity      Entity    `bun:"entity,notnull"`
	EntityID    int64     `bun:"entity_id,notnull"`
	Version     int       `bun:"version,notnull"`
	UserID      int64     `bun:"user_id,notnull"`
	User        *User     `bun:"rel:belongs-to,join:user_id=id"`
	Field       string    `bun:"field,notnull"`
	OldValue    string    `bun:"old_value,notnull"`
	NewValue    string    `bun:"new_value,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}
