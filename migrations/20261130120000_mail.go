package migrations

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

type mailMessage20261130 struct {
	bun.BaseModel `bun:"table:mail_outbox"`

	ID            int64      `bun:"id,pk,autoincrement"`
	Kind          string     `bun:"kind,notnull"`
	To            string     `bun:"to_address,notnull"`
	Subject       string     `bun:"subject,notnull"`
	Text          string     `bun:"text_body,notnull"`
	HTML          string     `bun:"html_body,notnull"`
	Attempts      int        `bun:"attempts,notnull"`
	LastError     string     `bun:"last_error,notnull"`
	NextAttemptAt time.Time  `bun:"next_attempt_at,notnull"`
	SentAt        *time.Time `bun:"sent_at"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewCreateTable().Model((*mailMessage20261130)(nil)).Exec(ctx); err != nil {
				return err
			}
			_, err := tx.NewCreateIndex().Model((*mailMessage20261130)(nil)).
				Index("mail_outbox_due_idx").Column("sent_at", "next_attempt_at").Exec(ctx)
			return err
		})
	}, nil)
}
