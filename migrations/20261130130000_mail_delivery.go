package migrations

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// mailDelivery20261130 is the outbox as delivery needs it: a message that
// was given up on carries the moment it was.
type mailDelivery20261130 struct {
	bun.BaseModel `bun:"table:mail_outbox"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			typ := "TIMESTAMP"
			if tx.Dialect().Name() == dialect.PG {
				typ = "TIMESTAMPTZ"
			}
			_, err := tx.NewAddColumn().Model((*mailDelivery20261130)(nil)).ColumnExpr("failed_at " + typ).Exec(ctx)
			return err
		})
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.NewDropColumn().Model((*mailDelivery20261130)(nil)).Column("failed_at").Exec(ctx)
		return err
	})
}
