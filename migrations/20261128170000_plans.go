package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copies of the plan tables as they were created.
type plan20261128 struct {
	bun.BaseModel `bun:"table:plans"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Title       string     `bun:"title,notnull"`
	PeriodStart string     `bun:"period_start,notnull"`
	PeriodEnd   string     `bun:"period_end,notnull"`
	Status      string     `bun:"status,notnull"`
	Framework   string     `bun:"framework,notnull"`
	Version     int        `bun:"version,notnull"`
	CreatedBy   int64      `bun:"created_by,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
	DeletedAt   *time.Time `bun:"deleted_at"`
}

type action20261128 struct {
	bun.BaseModel `bun:"table:actions"`

	ID                  int64      `bun:"id,pk,autoincrement"`
	WorkspaceID         int64      `bun:"workspace_id,notnull"`
	PlanID              int64      `bun:"plan_id,notnull"`
	Title               string     `bun:"title,notnull"`
	Description         string     `bun:"description,notnull"`
	Theme               string     `bun:"theme,notnull"`
	OwnerOrganisationID *int64     `bun:"owner_organisation_id"`
	OwnerUserID         *int64     `bun:"owner_user_id"`
	DueDate             string     `bun:"due_date,notnull"`
	Status              string     `bun:"status,notnull"`
	Progress            int        `bun:"progress,notnull"`
	Position            float64    `bun:"position,notnull"`
	Rights              string     `bun:"rights,notnull"`
	Version             int        `bun:"version,notnull"`
	CreatedBy           int64      `bun:"created_by,notnull"`
	CreatedAt           time.Time  `bun:"created_at,notnull"`
	UpdatedAt           time.Time  `bun:"updated_at,notnull"`
	DeletedAt           *time.Time `bun:"deleted_at"`
}

type change20261128 struct {
	bun.BaseModel `bun:"table:changes"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	Entity      string    `bun:"entity,notnull"`
	EntityID    int64     `bun:"entity_id,notnull"`
	Version     int       `bun:"version,notnull"`
	UserID      int64     `bun:"user_id,notnull"`
	Field       string    `bun:"field,notnull"`
	OldValue    string    `bun:"old_value,notnull"`
	NewValue    string    `bun:"new_value,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*plan20261128)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("created_by") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*plan20261128)(nil)).
						Index("plans_workspace_idx").Column("workspace_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*action20261128)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("plan_id") REFERENCES "plans" ("id") ON DELETE CASCADE`).
						ForeignKey(`("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE SET NULL`).
						ForeignKey(`("owner_user_id") REFERENCES "users" ("id") ON DELETE SET NULL`).
						ForeignKey(`("created_by") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*action20261128)(nil)).
						Index("actions_plan_position_idx").Column("plan_id", "position").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*change20261128)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("user_id") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*change20261128)(nil)).
						Index("changes_entity_idx").Column("entity", "entity_id", "version").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("plans step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for _, m := range []any{(*change20261128)(nil), (*action20261128)(nil), (*plan20261128)(nil)} {
				if _, err := tx.NewDropTable().Model(m).IfExists().Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
