package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// Audit appends one line to the end of the audit log's hash chain, filling
// in its id, hash and the hash of the line before (and its time, when
// unset). Given a transaction it writes in it, so that the line stands or
// falls with the change it records; otherwise in one of its own. On
// PostgreSQL it holds the log's append lock until that transaction ends:
// call it late in a transaction. The log has no update or delete: the
// database refuses both.
func Audit(ctx context.Context, db bun.IDB, e *model.AuditEntry) error {
	switch tx := db.(type) {
	case bun.Tx:
		return appendAudit(ctx, tx, e)
	case *bun.Tx:
		return appendAudit(ctx, *tx, e)
	}
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return appendAudit(ctx, tx, e)
	})
}

// AuditLog lists a workspace's audit lines, newest first, at most limit.
func AuditLog(ctx context.Context, db bun.IDB, workspaceID int64, limit int) ([]model.AuditEntry, error) {
	var list []model.AuditEntry
	err := db.NewSelect().Model(&list).
		Relation("User", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		OrderExpr("?TableAlias.at DESC, ?TableAlias.id DESC").Limit(limit).Scan(ctx)
	return list, err
}

// SetCalendarToken stores the hash of a user's calendar feed token,
// replacing any earlier one.
func SetCalendarToken(ctx context.Context, db bun.IDB, t *model.CalendarToken) error {
	if _, err := db.NewDelete().Model((*model.CalendarToken)(nil)).Where("user_id = ?", t.UserID).Exec(ctx); err != nil {
		return err
	}
	_, err := db.NewInsert().Model(t).Exec(ctx)
	return err
}

// RevokeCalendarToken removes a user's calendar feed token.
func RevokeCalendarToken(ctx context.Context, db bun.IDB, userID int64) error {
	_, err := db.NewDelete().Model((*model.CalendarToken)(nil)).Where("user_id = ?", userID).Exec(ctx)
	return err
}

// CalendarTokenByHash finds the token with the given hash.
func CalendarTokenByHash(ctx context.Context, db bun.IDB, hash string) (*model.CalendarToken, error) {
	t := new(model.CalendarToken)
	err := db.NewSelect().Model(t).Where("token_hash = ?", hash).Scan(ctx)
	return t, notFound(err)
}

// CalendarTokenOf finds a user's token, if they made one.
func CalendarTokenOf(ctx context.Context, db bun.IDB, userID int64) (*model.CalendarToken, error) {
	t := new(model.CalendarToken)
	err := db.NewSelect().Model(t).Where("user_id = ?", userID).Scan(ctx)
	return t, notFound(err)
}
