package model

import (
	"time"

	"github.com/uptrace/bun"
)

// ProgrammeYear is one year of Defence for Children's programme, January
// to December, with its targets for reach: how many municipalities and
// networks a training reached, and how many professionals were trained.
// A target of 0 is not set; a set target is a positive whole number.
type ProgrammeYear struct {
	bun.BaseModel `bun:"table:programme_years"`

	ID                   int64 `bun:"id,pk,autoincrement"`
	Year                 int   `bun:"year,notnull,unique"`
	TargetMunicipalities int   `bun:"target_municipalities,notnull"`
	TargetNetworks       int   `bun:"target_networks,notnull"`
	TargetProfessionals  int   `bun:"target_professionals,notnull"`
	// FollowUpOf is the programme year this one continues, if any (2024
	// was the follow-up of 2023).
	FollowUpOf *int      `bun:"follow_up_of"`
	UpdatedBy  *int64    `bun:"updated_by"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	UpdatedAt  time.Time `bun:"updated_at,notnull"`
}

// Audit event and object of the programme's targets.
const (
	// AuditProgrammeYearSave is a programme year created or its targets
	// changed; Detail gives the targets.
	AuditProgrammeYearSave   = "programme_year_save"
	AuditObjectProgrammeYear = "programme_year"
)
