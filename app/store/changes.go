package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// AddChanges appends entries to the change history.
func AddChanges(ctx context.Context, db bun.IDB, changes []model.Change) error {
	if len(changes) == 0 {
		return nil
	}
	_, err := db.NewInsert().Model(&changes).Exec(ctx)
	return err
}

// Change loads one history entry of the workspace.
func Change(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Change, error) {
	c := new(model.Change)
	err := db.NewSelect().Model(c).Where("workspace_id = ?", workspaceID).Where("id = ?", id).Scan(ctx)
	return c, notFound(err)
}

// Changes lists an object's history, newest first, with who made each change.
func Changes(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64) ([]model.Change, error) {
	var list []model.Change
	err := db.NewSelect().Model(&list).
		Relation("User", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.entity = ?", entity).Where("?TableAlias.entity_id = ?", id).
		OrderExpr("?TableAlias.version DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}

// ChangeAuthor returns who made the change of an object that produced
// version, with their id and name only, or ErrNotFound.
func ChangeAuthor(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64, version int) (*model.User, error) {
	c := new(model.Change)
	err := db.NewSelect().Model(c).
		Relation("User", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.entity = ?", entity).Where("?TableAlias.entity_id = ?", id).
		Where("?TableAlias.version = ?", version).
		OrderExpr("?TableAlias.id DESC").Limit(1).Scan(ctx)
	if err != nil {
		return nil, notFound(err)
	}
	if c.User == nil {
		return nil, ErrNotFound
	}
	return c.User, nil
}

// FieldChangesSince lists the changes to one field of an object made after
// version, oldest first.
func FieldChangesSince(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64, field string, version int) ([]model.Change, error) {
	var list []model.Change
	err := db.NewSelect().Model(&list).
		Where("workspace_id = ?", workspaceID).
		Where("entity = ?", entity).Where("entity_id = ?", id).
		Where("field = ?", field).Where("version > ?", version).
		OrderExpr("version ASC, id ASC").Scan(ctx)
	return list, err
}

// ChangedFieldsSince lists the distinct fields of an object changed after
// version, in the order of their first change.
func ChangedFieldsSince(ctx context.Context, db bun.IDB, workspaceID int64, entity model.Entity, id int64, version int) ([]string, error) {
	var list []model.Change
	err := db.NewSelect().Model(&list).Column("field").
		Where("workspace_id = ?", workspaceID).
		Where("entity = ?", entity).Where("entity_id = ?", id).
		Where("version > ?", version).
		OrderExpr("version ASC, id ASC").Scan(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var fields []string
	for _, c := range list {
		if !seen[c.Field] {
			seen[c.Field] = true
			fields = append(fields, c.Field)
		}
	}
	return fields, nil
}
