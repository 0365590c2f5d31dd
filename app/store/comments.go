package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// commentQuery selects comments of the workspace with their authors' names
// and organisations (never more of the account).
func commentQuery(db bun.IDB, dst any, workspaceID int64) *bun.SelectQuery {
	return db.NewSelect().Model(dst).
		Relation("Author", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Column("id", "name", "organisation_id", "platform_role")
		}).
		Relation("Author.Organisation", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Column("id", "name")
		}).
		Where("?TableAlias.workspace_id = ?", workspaceID)
}

// CreateComment inserts c and fills its id.
func CreateComment(ctx context.Context, db bun.IDB, c *model.Comment) error {
	_, err := db.NewInsert().Model(c).Returning("id").Exec(ctx)
	return err
}

// Comment loads one comment of the workspace with its author, deleted or
// not (a deleted one is drawn as deleted).
func Comment(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Comment, error) {
	c := new(model.Comment)
	err := commentQuery(db, c, workspaceID).Where("?TableAlias.id = ?", id).Scan(ctx)
	return c, notFound(err)
}

// CommentForUpdate loads a comment like Comment, without its author, and,
// on PostgreSQL, locks its row until the transaction ends.
func CommentForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Comment, error) {
	c := new(model.Comment)
	q := db.NewSelect().Model(c).Where("workspace_id = ?", workspaceID).Where("id = ?", id)
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return c, notFound(q.Scan(ctx))
}

// Comments lists the comments and replies on the subjects, deleted ones
// included, oldest first.
func Comments(ctx context.Context, db bun.IDB, workspaceID int64, subject model.Subject, subjectIDs ...int64) ([]model.Comment, error) {
	var list []model.Comment
	if len(subjectIDs) == 0 {
		return list, nil
	}
	err := commentQuery(db, &list, workspaceID).
		Where("?TableAlias.subject = ?", subject).
		Where("?TableAlias.subject_id IN (?)", bun.In(subjectIDs)).
		OrderExpr("?TableAlias.created_at ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// UpdateComment writes the named columns of c, and its version and update
// time, if the stored version is still c.Version-1.
func UpdateComment(ctx context.Context, db bun.IDB, c *model.Comment, columns ...string) error {
	res, err := db.NewUpdate().Model(c).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", c.WorkspaceID).Where("id = ?", c.ID).
		Where("version = ?", c.Version-1).Exec(ctx)
	return affected(res, err)
}

// AdviceList lists the workspace's advice that is not deleted, in the
// given state (all states when empty), newest first, with authors.
func AdviceList(ctx context.Context, db bun.IDB, workspaceID int64, state model.AdviceState) ([]model.Comment, error) {
	var list []model.Comment
	q := commentQuery(db, &list, workspaceID).
		Where("?TableAlias.kind = ?", model.CommentAdvice).
		Where("?TableAlias.parent_id IS NULL").
		Where("?TableAlias.deleted_at IS NULL")
	if state != model.AdviceNone {
		q = q.Where("?TableAlias.state = ?", state)
	}
	err := q.OrderExpr("?TableAlias.created_at DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}

// ReplyCounts maps each of the comments to its number of replies that are
// not deleted.
func ReplyCounts(ctx context.Context, db bun.IDB, workspaceID int64, parentIDs []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(parentIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ParentID int64 `bun:"parent_id"`
		N        int   `bun:"n"`
	}
	err := db.NewSelect().Model((*model.Comment)(nil)).ColumnExpr("parent_id, COUNT(*) AS n").
		Where("workspace_id = ?", workspaceID).Where("parent_id IN (?)", bun.In(parentIDs)).
		Where("deleted_at IS NULL").GroupExpr("parent_id").Scan(ctx, &rows)
	for _, r := range rows {
		out[r.ParentID] = r.N
	}
	return out, err
}
