package model

import (
	"time"

	"github.com/uptrace/bun"
)

// PlanStatus is where an action plan stands.
type PlanStatus string

// Plan statuses.
const (
	PlanDraft    PlanStatus = "concept"
	PlanAdopted  PlanStatus = "vastgesteld"
	PlanFinished PlanStatus = "afgerond"
)

// PlanStatuses lists the statuses in order.
var PlanStatuses = []PlanStatus{PlanDraft, PlanAdopted, PlanFinished}

// Valid reports whether s is one of PlanStatuses.
func (s PlanStatus) Valid() bool {
	return s == PlanDraft || s == PlanAdopted || s == PlanFinished
}

// Plan is a workspace's joint action plan, organised by theme.
type Plan struct {
	bun.BaseModel `bun:"table:plans"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Title       string     `bun:"title,notnull"`
	PeriodStart string     `bun:"period_start,notnull"` // YYYY-MM-DD or empty
	PeriodEnd   string     `bun:"period_end,notnull"`   // YYYY-MM-DD or empty
	Status      PlanStatus `bun:"status,notnull"`
	Framework   Framework  `bun:"framework,notnull"`
	Version     int        `bun:"version,notnull"`
	CreatedBy   int64      `bun:"created_by,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
	DeletedAt   *time.Time `bun:"deleted_at"`
}
