package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copies of the foundation tables as they were created.
type organisation20261128 struct {
	bun.BaseModel `bun:"table:organisations"`

	ID        int64     `bun:"id,pk,autoincrement"`
	Name      string    `bun:"name,notnull,unique"`
	Kind      string    `bun:"kind,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}

type user20261128 struct {
	bun.BaseModel `bun:"table:users"`

	ID             int64      `bun:"id,pk,autoincrement"`
	Email          string     `bun:"email,notnull,unique"`
	Name           string     `bun:"name,notnull"`
	PasswordHash   string     `bun:"password_hash,notnull"`
	OrganisationID int64      `bun:"organisation_id,notnull"`
	PlatformRole   string     `bun:"platform_role,notnull"`
	Locale         string     `bun:"locale,notnull"`
	DisabledAt     *time.Time `bun:"disabled_at"`
	CreatedAt      time.Time  `bun:"created_at,notnull"`
	UpdatedAt      time.Time  `bun:"updated_at,notnull"`
}

type workspace20261128 struct {
	bun.BaseModel `bun:"table:workspaces"`

	ID          int64     `bun:"id,pk,autoincrement"`
	Name        string    `bun:"name,notnull,unique"`
	Kind        string    `bun:"kind,notnull"`
	Description string    `bun:"description,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

type membership20261128 struct {
	bun.BaseModel `bun:"table:memberships"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	UserID      int64     `bun:"user_id,notnull"`
	Role        string    `bun:"role,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

type session20261128 struct {
	bun.BaseModel `bun:"table:sessions"`

	Key       string    `bun:"key,pk"`
	Data      []byte    `bun:"data,notnull"`
	ExpiresAt time.Time `bun:"expires_at,notnull"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*organisation20261128)(nil)).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*user20261128)(nil)).
						ForeignKey(`("organisation_id") REFERENCES "organisations" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*workspace20261128)(nil)).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*membership20261128)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*membership20261128)(nil)).
						Index("memberships_workspace_user_idx").Unique().Column("workspace_id", "user_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*membership20261128)(nil)).
						Index("memberships_user_idx").Column("user_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*session20261128)(nil)).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*session20261128)(nil)).
						Index("sessions_expires_at_idx").Column("expires_at").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("foundation step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for _, m := range []any{(*session20261128)(nil), (*membership20261128)(nil), (*workspace20261128)(nil), (*user20261128)(nil), (*organisation20261128)(nil)} {
				if _, err := tx.NewDropTable().Model(m).IfExists().Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
