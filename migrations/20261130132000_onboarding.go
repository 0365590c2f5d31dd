package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copies of the onboarding tables as they were created.
type region20261130 struct {
	bun.BaseModel `bun:"table:regions"`

	ID        int64     `bun:"id,pk,autoincrement"`
	Name      string    `bun:"name,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}

type organisationRegion20261130 struct {
	bun.BaseModel `bun:"table:organisations"`

	RegionID *int64 `bun:"region_id"`
}

type workspaceRegion20261130 struct {
	bun.BaseModel `bun:"table:workspaces"`

	RegionID *int64 `bun:"region_id"`
}

type invitation20261130 struct {
	bun.BaseModel `bun:"table:invitations"`

	ID                int64      `bun:"id,pk,autoincrement"`
	WorkspaceID       int64      `bun:"workspace_id,notnull"`
	MeetingID         *int64     `bun:"meeting_id"`
	Email             string     `bun:"email,notnull"`
	Name              string     `bun:"name,notnull"`
	Role              string     `bun:"role,notnull"`
	OrganisationID    *int64     `bun:"organisation_id"`
	Locale            string     `bun:"locale,notnull"`
	TokenHash         string     `bun:"token_hash,notnull,unique"`
	PreviousTokenHash *string    `bun:"previous_token_hash"`
	InvitedBy         *int64     `bun:"invited_by"`
	Sends             int        `bun:"sends,notnull"`
	CreatedAt         time.Time  `bun:"created_at,notnull"`
	SentAt            time.Time  `bun:"sent_at,notnull"`
	ExpiresAt         time.Time  `bun:"expires_at,notnull"`
	AcceptedAt        *time.Time `bun:"accepted_at"`
	AcceptedBy        *int64     `bun:"accepted_by"`
	RevokedAt         *time.Time `bun:"revoked_at"`
	RevokedBy         *int64     `bun:"revoked_by"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			users := func(col string) string {
				return `("` + col + `") REFERENCES "users" ("id") ON DELETE SET NULL`
			}
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*region20261130)(nil)).Exec(ctx)
					return err
				},
				func() error {
					// One region per name, whatever its capitals.
					_, err := tx.NewCreateIndex().Model((*region20261130)(nil)).
						Index("regions_name_idx").Unique().ColumnExpr("lower(name)").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewAddColumn().Model((*organisationRegion20261130)(nil)).
						ColumnExpr(`region_id BIGINT REFERENCES regions (id) ON DELETE SET NULL`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewAddColumn().Model((*workspaceRegion20261130)(nil)).
						ColumnExpr(`region_id BIGINT REFERENCES regions (id) ON DELETE SET NULL`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*invitation20261130)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE`).
						ForeignKey(`("organisation_id") REFERENCES "organisations" ("id") ON DELETE SET NULL`).
						ForeignKey(users("invited_by")).
						ForeignKey(users("accepted_by")).
						ForeignKey(users("revoked_by")).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*invitation20261130)(nil)).
						Index("invitations_workspace_idx").Column("workspace_id", "email").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*invitation20261130)(nil)).
						Index("invitations_previous_token_idx").Column("previous_token_hash").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("onboarding step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewDropTable().Model((*invitation20261130)(nil)).IfExists().Exec(ctx); err != nil {
				return err
			}
			for _, m := range []any{(*workspaceRegion20261130)(nil), (*organisationRegion20261130)(nil)} {
				if _, err := tx.NewDropColumn().Model(m).Column("region_id").Exec(ctx); err != nil {
					return err
				}
			}
			_, err := tx.NewDropTable().Model((*region20261130)(nil)).IfExists().Exec(ctx)
			return err
		})
	})
}
