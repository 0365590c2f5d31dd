package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// PlanActionStates lists every action of the plan, deleted ones included,
// with what its state over time is reckoned back from: its status, when it
// was created and whether it is deleted.
func PlanActionStates(ctx context.Context, db bun.IDB, workspaceID, planID int64) ([]model.Action, error) {
	var list []model.Action
	err := db.NewSelect().Model(&list).Column("id", "status", "created_at", "deleted_at").
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID).
		OrderExpr("id ASC").Scan(ctx)
	return list, err
}

// PlanActionEvents lists the changes of the plan's actions that decide
// whether an action counts as planned or done: creation, deletion,
// restoring and status, oldest first.
func PlanActionEvents(ctx context.Context, db bun.IDB, workspaceID, planID int64) ([]model.Change, error) {
	var list []model.Change
	ids := db.NewSelect().Model((*model.Action)(nil)).Column("id").
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID)
	err := db.NewSelect().Model(&list).
		Column("id", "entity_id", "field", "old_value", "new_value", "created_at").
		Where("workspace_id = ?", workspaceID).
		Where("entity = ?", model.EntityAction).
		Where("entity_id IN (?)", ids).
		Where("field IN (?)", bun.In([]string{model.FieldCreated, model.FieldDeleted, model.FieldRestored, "status"})).
		OrderExpr("created_at ASC, id ASC").Scan(ctx)
	return list, err
}
