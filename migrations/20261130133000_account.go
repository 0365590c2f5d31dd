package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// Frozen copies of the tables of one's own account: sessions that know
// their account and device, two-factor sign-in and password reset.
type session20261130 struct {
	bun.BaseModel `bun:"table:sessions"`

	ID         int64     `bun:"id,pk,autoincrement"`
	Key        string    `bun:"key,notnull,unique"`
	Data       []byte    `bun:"data,notnull"`
	ExpiresAt  time.Time `bun:"expires_at,notnull"`
	UserID     *int64    `bun:"user_id"`
	UserAgent  string    `bun:"user_agent,notnull"`
	CreatedAt  time.Time `bun:"created_at,notnull"`
	LastSeenAt time.Time `bun:"last_seen_at,notnull"`
}

type user20261130 struct {
	bun.BaseModel `bun:"table:users"`
}

type recoveryCode20261130 struct {
	bun.BaseModel `bun:"table:recovery_codes"`

	ID        int64      `bun:"id,pk,autoincrement"`
	UserID    int64      `bun:"user_id,notnull"`
	CodeHash  string     `bun:"code_hash,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
}

type passwordReset20261130 struct {
	bun.BaseModel `bun:"table:password_resets"`

	ID        int64      `bun:"id,pk,autoincrement"`
	UserID    int64      `bun:"user_id,notnull"`
	TokenHash string     `bun:"token_hash,notnull,unique"`
	ExpiresAt time.Time  `bun:"expires_at,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
}

// The columns added to users: the two-factor secret (encrypted), one being
// set up, when two-factor was switched on, the last time step whose code
// was used (a code is good once), and when the account was deleted.
func userColumns20261130(timestamp string) []string {
	return []string{
		`two_factor_secret VARCHAR NOT NULL DEFAULT ''`,
		`two_factor_pending VARCHAR NOT NULL DEFAULT ''`,
		`two_factor_at ` + timestamp,
		`two_factor_step BIGINT NOT NULL DEFAULT 0`,
		`deleted_at ` + timestamp,
	}
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			// Sessions so far knew no account: they are ended, and everyone
			// signs in once more (then with two-factor where it is due).
			steps := []func() error{
				func() error {
					_, err := tx.NewDropTable().Table("sessions").IfExists().Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*session20261130)(nil)).
						ForeignKey(`("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*session20261130)(nil)).
						Index("sessions_expires_at_idx").Column("expires_at").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*session20261130)(nil)).
						Index("sessions_user_idx").Column("user_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*recoveryCode20261130)(nil)).
						ForeignKey(`("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*recoveryCode20261130)(nil)).
						Index("recovery_codes_user_idx").Column("user_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*passwordReset20261130)(nil)).
						ForeignKey(`("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`).Exec(ctx)
					return err
				},
			}
			// Timestamps as bun makes them for time.Time in each dialect.
			timestamp := "TIMESTAMP"
			if tx.Dialect().Name() == dialect.PG {
				timestamp = "TIMESTAMPTZ"
			}
			for _, col := range userColumns20261130(timestamp) {
				steps = append(steps, func() error {
					_, err := tx.NewAddColumn().Model((*user20261130)(nil)).ColumnExpr(col).Exec(ctx)
					return err
				})
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("account step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, nil)
}
