package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateSignal inserts s and fills its id.
func CreateSignal(ctx context.Context, db bun.IDB, s *model.Signal) error {
	_, err := db.NewInsert().Model(s).Returning("id").Exec(ctx)
	return err
}

// Signal loads one signal of the workspace that was not withdrawn.
func Signal(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Signal, error) {
	s := new(model.Signal)
	err := db.NewSelect().Model(s).Where("workspace_id = ?", workspaceID).Where("id = ?", id).
		Where("deleted_at IS NULL").Scan(ctx)
	return s, notFound(err)
}

// WithdrawSignal marks a signal withdrawn.
func WithdrawSignal(ctx context.Context, db bun.IDB, s *model.Signal, at time.Time) error {
	res, err := db.NewUpdate().Model((*model.Signal)(nil)).Set("deleted_at = ?", at).
		Where("workspace_id = ?", s.WorkspaceID).Where("id = ?", s.ID).Where("deleted_at IS NULL").Exec(ctx)
	return affected(res, err)
}

// SignalFilter narrows the list of signals: to the workspaces one may
// read (none: no signals), one bottleneck ("": all), one workspace (0: all).
type SignalFilter struct {
	Workspaces  []int64
	Bottleneck  model.Bottleneck
	WorkspaceID int64
}

// Signals lists the signals that were not withdrawn in the workspaces the
// filter allows, by theme and then newest first.
func Signals(ctx context.Context, db bun.IDB, f SignalFilter) ([]model.Signal, error) {
	var list []model.Signal
	if len(f.Workspaces) == 0 {
		return list, nil
	}
	q := db.NewSelect().Model(&list).Where("deleted_at IS NULL")
	q = q.Where("workspace_id IN (?)", bun.In(f.Workspaces))
	if f.Bottleneck != "" {
		q = q.Where("bottleneck = ?", f.Bottleneck)
	}
	if f.WorkspaceID != 0 {
		q = q.Where("workspace_id = ?", f.WorkspaceID)
	}
	err := q.OrderExpr("theme ASC, created_at DESC, id DESC").Scan(ctx)
	return list, err
}

// SignalsOn lists the signals that were not withdrawn on one source.
func SignalsOn(ctx context.Context, db bun.IDB, workspaceID int64, source model.SignalSource, sourceID int64) ([]model.Signal, error) {
	var list []model.Signal
	err := db.NewSelect().Model(&list).Where("workspace_id = ?", workspaceID).
		Where("source = ?", source).Where("source_id = ?", sourceID).
		Where("deleted_at IS NULL").OrderExpr("id ASC").Scan(ctx)
	return list, err
}
