package migrations

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

type signInCount20261130 struct {
	bun.BaseModel `bun:"table:signin_counts"`

	Key      string    `bun:"key_hash,pk"`
	Failures int       `bun:"failures,notnull"`
	LastAt   time.Time `bun:"last_at,notnull"`
	Version  int       `bun:"version,notnull"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewCreateTable().Model((*signInCount20261130)(nil)).Exec(ctx); err != nil {
				return err
			}
			_, err := tx.NewCreateIndex().Model((*signInCount20261130)(nil)).
				Index("signin_counts_last_at_idx").Column("last_at").Exec(ctx)
			return err
		})
	}, nil)
}
