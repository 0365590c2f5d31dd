package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateAction inserts a and fills its id.
func CreateAction(ctx context.Context, db bun.IDB, a *model.Action) error {
	_, err := db.NewInsert().Model(a).Returning("id").Exec(ctx)
	return err
}

func actionQuery(db bun.IDB, a any, workspaceID int64) *bun.SelectQuery {
	return db.NewSelect().Model(a).
		Relation("OwnerOrganisation").
		Relation("OwnerUser", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Column("id", "name", "organisation_id")
		}).
		Where("?TableAlias.workspace_id = ?", workspaceID)
}

// Action loads one action of the workspace, with its owners. Deleted
// actions are found too, so that they can be restored.
func Action(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Action, error) {
	a := new(model.Action)
	err := actionQuery(db, a, workspaceID).Where("?TableAlias.id = ?", id).Scan(ctx)
	return a, notFound(err)
}

// ActionForUpdate loads an action like Action, with its owners, and, on
// PostgreSQL, locks its row (not its owners') until the transaction ends.
func ActionForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Action, error) {
	a := new(model.Action)
	q := actionQuery(db, a, workspaceID).Where("?TableAlias.id = ?", id)
	if IsPostgres(db) {
		q = q.For("UPDATE OF ?TableAlias")
	}
	return a, notFound(q.Scan(ctx))
}

// Actions lists the plan's actions that are not deleted, in plan order.
func Actions(ctx context.Context, db bun.IDB, workspaceID, planID int64) ([]model.Action, error) {
	var list []model.Action
	err := actionQuery(db, &list, workspaceID).
		Where("?TableAlias.plan_id = ?", planID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.position ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// ActionVersions maps every action of the plan, deleted ones included, to
// its version and whether it is deleted; for catching up a reconnecting
// client.
func ActionVersions(ctx context.Context, db bun.IDB, workspaceID, planID int64) ([]model.Action, error) {
	var list []model.Action
	err := db.NewSelect().Model(&list).Column("id", "version", "deleted_at", "theme", "position").
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID).Scan(ctx)
	return list, err
}

// LastPosition returns the highest position among the plan's actions, or 0.
func LastPosition(ctx context.Context, db bun.IDB, planID int64) (float64, error) {
	var pos []float64
	err := db.NewSelect().Model((*model.Action)(nil)).ColumnExpr("position").
		Where("plan_id = ?", planID).Where("deleted_at IS NULL").
		OrderExpr("position DESC").Limit(1).Scan(ctx, &pos)
	if err != nil || len(pos) == 0 {
		return 0, err
	}
	return pos[0], nil
}

// UpdateAction writes the named columns of a, and its version and update
// time, if the stored version is still a.Version-1.
func UpdateAction(ctx context.Context, db bun.IDB, a *model.Action, columns ...string) error {
	res, err := db.NewUpdate().Model(a).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", a.WorkspaceID).Where("id = ?", a.ID).
		Where("version = ?", a.Version-1).Exec(ctx)
	return affected(res, err)
}

// SetActionPositions rewrites the positions of the given actions without
// touching their versions: renumbering is bookkeeping, not an edit.
func SetActionPositions(ctx context.Context, db bun.IDB, workspaceID int64, positions map[int64]float64) error {
	for id, pos := range positions {
		_, err := db.NewUpdate().Model((*model.Action)(nil)).Set("position = ?", pos).
			Where("workspace_id = ?", workspaceID).Where("id = ?", id).Exec(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}
