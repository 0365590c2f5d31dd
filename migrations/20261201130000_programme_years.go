package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copy of the table of programme years and their targets.
type programmeYear20261201 struct {
	bun.BaseModel `bun:"table:programme_years"`

	ID                   int64     `bun:"id,pk,autoincrement"`
	Year                 int       `bun:"year,notnull,unique"`
	TargetMunicipalities int       `bun:"target_municipalities,notnull"`
	TargetNetworks       int       `bun:"target_networks,notnull"`
	TargetProfessionals  int       `bun:"target_professionals,notnull"`
	FollowUpOf           *int      `bun:"follow_up_of"`
	UpdatedBy            *int64    `bun:"updated_by"`
	CreatedAt            time.Time `bun:"created_at,notnull"`
	UpdatedAt            time.Time `bun:"updated_at,notnull"`
}

// changeAt20261201 and actionTally20261201 name the change history and
// the actions for their indexes only.
type changeAt20261201 struct {
	bun.BaseModel `bun:"table:changes"`
}

type actionTally20261201 struct {
	bun.BaseModel `bun:"table:actions"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*programmeYear20261201)(nil)).
						ForeignKey(`("updated_by") REFERENCES "users" ("id") ON DELETE SET NULL`).Exec(ctx)
					return err
				},
				func() error {
					// The programme overview reads each workspace's latest
					// change: one step down this index per workspace.
					_, err := tx.NewCreateIndex().Model((*changeAt20261201)(nil)).
						Index("changes_workspace_at_idx").Column("workspace_id", "created_at").Exec(ctx)
					return err
				},
				func() error {
					// It adds up the current plans' actions per status, and
					// reads the stamp of every action that says whether the
					// tallies kept are still right, from this index alone,
					// without reading the actions' rows.
					_, err := tx.NewCreateIndex().Model((*actionTally20261201)(nil)).
						Index("actions_tally_idx").Column("plan_id", "status", "rights", "progress", "due_date", "deleted_at", "version").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("programme years step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, nil)
}
