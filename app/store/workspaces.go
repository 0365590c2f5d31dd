package store

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateWorkspace inserts w and fills its id.
func CreateWorkspace(ctx context.Context, db bun.IDB, w *model.Workspace) error {
	_, err := db.NewInsert().Model(w).Returning("id").Exec(ctx)
	return duplicate(err)
}

// Workspace loads one workspace. The workspace id is its own scope: whether
// the caller may see it is the authorizer's question, asked before this.
func Workspace(ctx context.Context, db bun.IDB, id int64) (*model.Workspace, error) {
	w := new(model.Workspace)
	err := db.NewSelect().Model(w).Where("?TableAlias.id = ?", id).Scan(ctx)
	return w, notFound(err)
}

// WorkspaceByName loads the workspace with exactly this name.
func WorkspaceByName(ctx context.Context, db bun.IDB, name string) (*model.Workspace, error) {
	w := new(model.Workspace)
	err := db.NewSelect().Model(w).Where("?TableAlias.name = ?", name).Scan(ctx)
	return w, notFound(err)
}

// WorkspaceSummary is a workspace as listed on the overview: with the number
// of members and, for a member, their role.
type WorkspaceSummary struct {
	model.Workspace `bun:",extend"`

	Members int        `bun:"members"`
	Role    model.Role `bun:"role"`
}

// AllWorkspaces lists every workspace by name, for platform roles.
func AllWorkspaces(ctx context.Context, db bun.IDB) ([]WorkspaceSummary, error) {
	var list []WorkspaceSummary
	err := db.NewSelect().Model(&list).
		ColumnExpr("?TableAlias.*").
		ColumnExpr("(SELECT COUNT(*) FROM memberships AS m WHERE m.workspace_id = ?TableAlias.id) AS members").
		ColumnExpr("'' AS role").
		OrderExpr("?TableAlias.name ASC").Scan(ctx)
	return list, err
}

// WorkspacesOfUser lists the workspaces the account is a member of, by
// name; not those where it is a meeting's guest only.
func WorkspacesOfUser(ctx context.Context, db bun.IDB, userID int64) ([]WorkspaceSummary, error) {
	var list []WorkspaceSummary
	err := db.NewSelect().Model(&list).
		ColumnExpr("?TableAlias.*").
		ColumnExpr("(SELECT COUNT(*) FROM memberships AS m WHERE m.workspace_id = ?TableAlias.id) AS members").
		ColumnExpr("my.role AS role").
		Join("JOIN memberships AS my ON my.workspace_id = ?TableAlias.id AND my.user_id = ?", userID).
		Where("my.role <> ?", model.RoleGuest).
		OrderExpr("?TableAlias.name ASC").Scan(ctx)
	return list, err
}

// affected turns an update or delete that touched no row into ErrNotFound.
func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
