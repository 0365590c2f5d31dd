package model

import (
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"
)

// ActionStatus is where an action stands.
type ActionStatus string

// Action statuses.
const (
	ActionPlanned    ActionStatus = "gepland"
	ActionInProgress ActionStatus = "bezig"
	ActionDone       ActionStatus = "gereed"
	ActionBlocked    ActionStatus = "geblokkeerd"
	ActionDropped    ActionStatus = "vervallen"
)

// ActionStatuses lists the statuses in order.
var ActionStatuses = []ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionBlocked, ActionDropped}

// Valid reports whether s is one of ActionStatuses.
func (s ActionStatus) Valid() bool {
	for _, v := range ActionStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// DefaultProgress is the progress an action takes on when it gets this
// status; a dropped action has none and does not count in roll-ups.
func (s ActionStatus) DefaultProgress() int {
	switch s {
	case ActionInProgress:
		return 50
	case ActionBlocked:
		return 25
	case ActionDone:
		return 100
	}
	return 0
}

// Counts reports whether actions of this status count in progress roll-ups.
func (s ActionStatus) Counts() bool { return s != ActionDropped }

// Closed reports whether an action of this status needs no more work, so
// it cannot be overdue.
func (s ActionStatus) Closed() bool { return s == ActionDone || s == ActionDropped }

// Action is one agreed piece of work in a plan.
type Action struct {
	bun.BaseModel `bun:"table:actions"`

	ID                  int64         `bun:"id,pk,autoincrement"`
	WorkspaceID         int64         `bun:"workspace_id,notnull"`
	PlanID              int64         `bun:"plan_id,notnull"`
	Title               string        `bun:"title,notnull"`
	Description         string        `bun:"description,notnull"`
	Theme               Theme         `bun:"theme,notnull"`
	OwnerOrganisationID *int64        `bun:"owner_organisation_id"`
	OwnerOrganisation   *Organisation `bun:"rel:belongs-to,join:owner_organisation_id=id"`
	OwnerUserID         *int64        `bun:"owner_user_id"`
	OwnerUser           *User         `bun:"rel:belongs-to,join:owner_user_id=id"`
	DueDate             string        `bun:"due_date,notnull"` // YYYY-MM-DD or empty
	Status              ActionStatus  `bun:"status,notnull"`
	Progress            int           `bun:"progress,notnull"`
	Position            float64       `bun:"position,notnull"`
	Rights              string        `bun:"rights,notnull"` // article numbers, comma-separated, ascending
	// MeetingID and AgendaItemID name the meeting item the action was
	// agreed at, if any.
	MeetingID    *int64     `bun:"meeting_id"`
	AgendaItemID *int64     `bun:"agenda_item_id"`
	Version      int        `bun:"version,notnull"`
	CreatedBy    int64      `bun:"created_by,notnull"`
	CreatedAt    time.Time  `bun:"created_at,notnull"`
	UpdatedAt    time.Time  `bun:"updated_at,notnull"`
	DeletedAt    *time.Time `bun:"deleted_at"`
}

// RightList returns the articles the action serves.
func (a *Action) RightList() []Right {
	var out []Right
	for _, s := range strings.Split(a.Rights, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			out = append(out, Right(n))
		}
	}
	return out
}

// Overdue reports whether the action's due date has passed on day today
// (YYYY-MM-DD) while work remains.
func (a *Action) Overdue(today string) bool {
	return a.DueDate != "" && a.DueDate < today && !a.Status.Closed()
}
