package testkit

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/store"
)

// TamperAudit runs query on the audit log as someone with direct access to
// the database would: with the triggers that keep the log append-only
// lifted for the moment, and put back afterwards.
func TamperAudit(t testing.TB, db *bun.DB, query string, args ...any) {
	t.Helper()
	ctx := context.Background()
	lift := []string{`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`}
	restore := []string{`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`}
	if !store.IsPostgres(db) {
		lift = []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}
		restore = []string{
			`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
			`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
		}
	}
	err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, s := range lift {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return err
		}
		for _, s := range restore {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("tamper with the audit log: %v", err)
	}
}
