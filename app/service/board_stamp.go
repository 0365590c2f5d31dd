package service

import (
	"context"
	"database/sql"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// BoardStamp tells whether what a plan's board shows of its actions is
// still what it was: it changes with the plan's version, with every write
// of any of its actions, and with the names of their owners. It is
// comparable, to be part of a cache key; the day by which due dates are
// judged is not in it.
type BoardStamp struct {
	plan    int64
	version int
	actions store.BoardStamp
}

// BoardStamp reads the stamp of plan p, just loaded with Plan: two reads of
// a few aggregates and the owners' names, where the board itself reads
// every action with its owners.
func (s *Service) BoardStamp(ctx context.Context, u *model.User, p *model.Plan) (BoardStamp, error) {
	if err := s.require(u, p.WorkspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return BoardStamp{}, err
	}
	st, err := store.PlanBoardStamp(ctx, s.DB, p.WorkspaceID, p.ID)
	if err != nil {
		return BoardStamp{}, err
	}
	return BoardStamp{plan: p.ID, version: p.Version, actions: st}, nil
}

// DayOf is the day (YYYY-MM-DD) it is at t in the Netherlands: Today for
// a given moment.
func DayOf(t time.Time) string {
	return t.In(amsterdam()).Format(time.DateOnly)
}

// StampedBoard is BoardOf with the board's stamp, both read as of one
// moment (one read-only transaction: a snapshot on PostgreSQL as on
// SQLite), so that a board kept under its stamp shows exactly what the
// stamp stands for, even when a change commits while it is read.
func (s *Service) StampedBoard(ctx context.Context, u *model.User, p *model.Plan, f ActionFilter) (*PlanBoard, BoardStamp, error) {
	if err := s.require(u, p.WorkspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, BoardStamp{}, err
	}
	var actions []model.Action
	var st store.BoardStamp
	opts := &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	if !store.IsPostgres(s.DB) {
		// SQLite's transactions are snapshots; it knows no levels.
		opts.Isolation = sql.LevelDefault
	}
	err := s.DB.RunInTx(ctx, opts, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if st, err = store.PlanBoardStamp(ctx, tx, p.WorkspaceID, p.ID); err != nil {
			return err
		}
		actions, err = store.Actions(ctx, tx, p.WorkspaceID, p.ID)
		return err
	})
	if err != nil {
		return nil, BoardStamp{}, err
	}
	return BuildBoard(p, actions, u, f), BoardStamp{plan: p.ID, version: p.Version, actions: st}, nil
}
