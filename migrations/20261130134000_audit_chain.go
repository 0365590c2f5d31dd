package migrations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// auditLine20261130 is the audit log's line with the hash chain, frozen as
// this migration made it.
type auditLine20261130 struct {
	bun.BaseModel `bun:"table:audit_log"`

	ID          int64     `bun:"id,pk,autoincrement"`
	At          time.Time `bun:"at,notnull"`
	UserID      *int64    `bun:"user_id"`
	WorkspaceID *int64    `bun:"workspace_id"`
	Event       string    `bun:"event,notnull"`
	Object      string    `bun:"object,notnull"`
	ObjectID    int64     `bun:"object_id,notnull"`
	Detail      string    `bun:"detail,notnull"`
	PrevHash    string    `bun:"prev_hash,notnull"`
	Hash        string    `bun:"hash,notnull"`
}

// hash20261130 is a frozen copy of store.AuditHash as it was when this
// migration chained the lines written before: version 1 of the encoding.
func hash20261130(e *auditLine20261130) string {
	optional := func(id *int64) string {
		if id == nil {
			return ""
		}
		return strconv.FormatInt(*id, 10)
	}
	h := sha256.New()
	_, _ = io.WriteString(h, "schakel-audit-v1\n")
	for _, f := range []string{
		strconv.FormatInt(e.ID, 10),
		e.At.UTC().Format("2006-01-02T15:04:05.000000Z07:00"),
		optional(e.UserID),
		optional(e.WorkspaceID),
		e.Event,
		e.Object,
		strconv.FormatInt(e.ObjectID, 10),
		e.Detail,
		e.PrevHash,
	} {
		_, _ = fmt.Fprintf(h, "%d:%s\n", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// auditTriggers20261130 are the statements that drop and make again the
// triggers that keep the audit log append-only (made in 20261128180000).
func auditTriggers20261130(pg bool) (drop, create []string) {
	if pg {
		return []string{`DROP TRIGGER audit_log_no_update ON audit_log`},
			[]string{`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`}
	}
	return []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`},
		[]string{
			`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
			`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
		}
}

// chainAudit20261130 gives every line written so far its place in the
// chain, in id order. It runs in the migration's transaction with the
// append-only triggers lifted: nothing else can write meanwhile, and the
// triggers are back before anyone else sees the table.
func chainAudit20261130(ctx context.Context, tx bun.Tx) error {
	var lines []auditLine20261130
	if err := tx.NewSelect().Model(&lines).OrderExpr("id ASC").Scan(ctx); err != nil {
		return err
	}
	prev := ""
	for i := range lines {
		e := &lines[i]
		e.PrevHash = prev
		e.Hash = hash20261130(e)
		if _, err := tx.NewUpdate().Model(e).Column("prev_hash", "hash").WherePK().Exec(ctx); err != nil {
			return fmt.Errorf("chain audit line %d: %w", e.ID, err)
		}
		prev = e.Hash
	}
	return nil
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			drop, create := auditTriggers20261130(tx.Dialect().Name() == dialect.PG)
			exec := func(stmts ...string) func() error {
				return func() error {
					for _, s := range stmts {
						if _, err := tx.ExecContext(ctx, s); err != nil {
							return err
						}
					}
					return nil
				}
			}
			column := func(expr string) func() error {
				return func() error {
					_, err := tx.NewAddColumn().Model((*auditLine20261130)(nil)).ColumnExpr(expr).Exec(ctx)
					return err
				}
			}
			steps := []func() error{
				exec(drop...),
				column(`prev_hash VARCHAR NOT NULL DEFAULT ''`),
				column(`hash VARCHAR NOT NULL DEFAULT ''`),
				func() error { return chainAudit20261130(ctx, tx) },
				// One line after each: the chain cannot fork, whatever
				// slips past the append lock.
				func() error {
					_, err := tx.NewCreateIndex().Model((*auditLine20261130)(nil)).Unique().
						Index("audit_log_prev_hash_idx").Column("prev_hash").Exec(ctx)
					return err
				},
				// The log pages filter by person.
				func() error {
					_, err := tx.NewCreateIndex().Model((*auditLine20261130)(nil)).
						Index("audit_log_user_idx").Column("user_id", "id").Exec(ctx)
					return err
				},
				exec(create...),
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("audit chain step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for _, idx := range []string{"audit_log_user_idx", "audit_log_prev_hash_idx"} {
				if _, err := tx.NewDropIndex().Model((*auditLine20261130)(nil)).Index(idx).IfExists().Exec(ctx); err != nil {
					return err
				}
			}
			for _, col := range []string{"hash", "prev_hash"} {
				if _, err := tx.NewDropColumn().Model((*auditLine20261130)(nil)).Column(col).Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
	})
}
