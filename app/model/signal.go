package model

import (
	"time"

	"github.com/uptrace/bun"
)

// SignalSource names what a signal for national policy was raised on.
type SignalSource string

// Sources of a signal: an outcome of an agenda item, an action, or an
// advice (a comment of kind advice).
const (
	SignalFromOutcome SignalSource = "outcome"
	SignalFromAction  SignalSource = "action"
	SignalFromAdvice  SignalSource = "advice"
)

// Valid reports whether s is one of the sources.
func (s SignalSource) Valid() bool {
	return s == SignalFromOutcome || s == SignalFromAction || s == SignalFromAdvice
}

// Bottleneck is the sort of obstacle a signal reports to national policy.
type Bottleneck string

// Bottlenecks, in the order forms offer them.
const (
	BottleneckRules       Bottleneck = "regelgeving"
	BottleneckFunding     Bottleneck = "financiering"
	BottleneckCooperation Bottleneck = "samenwerking"
	BottleneckCareSupply  Bottleneck = "zorgcapaciteit"
)

// Bottlenecks lists the sorts in the order forms offer them.
var Bottlenecks = []Bottleneck{BottleneckRules, BottleneckFunding, BottleneckCooperation, BottleneckCareSupply}

// Valid reports whether b is one of Bottlenecks.
func (b Bottleneck) Valid() bool {
	for _, v := range Bottlenecks {
		if v == b {
			return true
		}
	}
	return false
}

// Signal is a bottleneck that members of a workspace pass on as input for
// the national programme "Samen tegen Mensenhandel", raised on an outcome,
// action or advice. It never holds case material.
type Signal struct {
	bun.BaseModel `bun:"table:signals"`

	ID          int64        `bun:"id,pk,autoincrement"`
	WorkspaceID int64        `bun:"workspace_id,notnull"`
	Source      SignalSource `bun:"source,notnull"`
	SourceID    int64        `bun:"source_id,notnull"`
	Bottleneck  Bottleneck   `bun:"bottleneck,notnull"`
	Theme       Theme        `bun:"theme,notnull"`
	Description string       `bun:"description,notnull"`
	CreatedBy   int64        `bun:"created_by,notnull"`
	CreatedAt   time.Time    `bun:"created_at,notnull"`
	DeletedAt   *time.Time   `bun:"deleted_at"`
}
