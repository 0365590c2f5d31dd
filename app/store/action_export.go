package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// MeetingNames loads the id, title and date (and nothing else) of the
// workspace's meetings among ids that are not deleted, by id: what a list
// of actions says of the meetings they were agreed at.
func MeetingNames(ctx context.Context, db bun.IDB, workspaceID int64, ids []int64) (map[int64]*model.Meeting, error) {
	out := map[int64]*model.Meeting{}
	if len(ids) == 0 {
		return out, nil
	}
	var list []model.Meeting
	err := db.NewSelect().Model(&list).Column("id", "workspace_id", "title", "date").
		Where("workspace_id = ?", workspaceID).Where("id IN (?)", bun.In(ids)).
		Where("deleted_at IS NULL").Scan(ctx)
	for i := range list {
		out[list[i].ID] = &list[i]
	}
	return out, err
}

// PlanActionIDs lists the ids of every action of the plan, deleted ones
// included, with whether each is deleted.
func PlanActionIDs(ctx context.Context, db bun.IDB, workspaceID, planID int64) (map[int64]bool, error) {
	var list []model.Action
	err := db.NewSelect().Model(&list).Column("id", "deleted_at").
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID).Scan(ctx)
	out := make(map[int64]bool, len(list))
	for _, a := range list {
		out[a.ID] = a.DeletedAt != nil
	}
	return out, err
}
