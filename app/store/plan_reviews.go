package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreatePlanReview inserts r and fills its id.
func CreatePlanReview(ctx context.Context, db bun.IDB, r *model.PlanReview) error {
	_, err := db.NewInsert().Model(r).Returning("id").Exec(ctx)
	return err
}

// PlanReviews lists a plan's reviews, newest first, with the reviewers'
// names.
func PlanReviews(ctx context.Context, db bun.IDB, workspaceID, planID int64) ([]model.PlanReview, error) {
	var list []model.PlanReview
	err := db.NewSelect().Model(&list).
		Relation("Reviewer", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.plan_id = ?", planID).
		OrderExpr("?TableAlias.reviewed_on DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}
