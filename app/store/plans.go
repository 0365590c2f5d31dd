package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreatePlan inserts p and fills its id.
func CreatePlan(ctx context.Context, db bun.IDB, p *model.Plan) error {
	_, err := db.NewInsert().Model(p).Returning("id").Exec(ctx)
	return err
}

// Plan loads one plan of the workspace that is not deleted.
func Plan(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Plan, error) {
	p := new(model.Plan)
	q := db.NewSelect().Model(p).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).
		Where("?TableAlias.deleted_at IS NULL")
	return p, notFound(q.Scan(ctx))
}

// PlanForUpdate loads a plan like Plan and, on PostgreSQL, locks its row
// until the transaction ends (SQLite's transactions lock the whole database).
func PlanForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Plan, error) {
	p := new(model.Plan)
	q := db.NewSelect().Model(p).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).
		Where("?TableAlias.deleted_at IS NULL")
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return p, notFound(q.Scan(ctx))
}

// Plans lists the workspace's plans, newest period first.
func Plans(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.Plan, error) {
	var list []model.Plan
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.period_start DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}

// UpdatePlan writes the named columns of p, and its version and update
// time, if the stored version is still p.Version-1.
func UpdatePlan(ctx context.Context, db bun.IDB, p *model.Plan, columns ...string) error {
	res, err := db.NewUpdate().Model(p).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", p.WorkspaceID).Where("id = ?", p.ID).
		Where("version = ?", p.Version-1).Exec(ctx)
	return affected(res, err)
}
