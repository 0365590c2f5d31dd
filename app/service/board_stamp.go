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
// of any of its actions, and with the names of their owners, accounts and
// organisations. It is comparable, to be part of a cache key; the day by
// which due dates are judged is not in it.
type BoardStamp struct {
	plan    int64
	version int
	actions store.BoardStamp
	// organisations are the names of every organisation: any of them can
	// own an action, and the plan page reads them all anyway.
	organisations string
}

// BoardStamp reads the stamp of plan p, just loaded with Plan, with orgs,
// every organisation as just loaded with Organisations (for the page's
// filter): one pass over the plan's actions and the names of their owner
// accounts, where the board itself reads every action with its owners.
func (s *Service) BoardStamp(ctx context.Context, u *model.User, p *model.Plan, orgs []model.Organisation) (BoardStamp, error) {
	if err := s.require(u, p.WorkspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return BoardStamp{}, err
	}
	st, err := store.PlanBoardStamp(ctx, s.DB, p.WorkspaceID, p.ID)
	if err != nil {
		return BoardStamp{}, err
	}
	return boardStamp(p, st, orgs), nil
}

func boardStamp(p *model.Plan, st store.BoardStamp, orgs []model.Organisation) BoardStamp {
	names := store.NamesStamp(len(orgs), func(i int) (int64, string) { return orgs[i].ID, orgs[i].Name })
	return BoardStamp{plan: p.ID, version: p.Version, actions: st, organisations: names}
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
	var orgs []model.Organisation
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
		if orgs, err = store.Organisations(ctx, tx); err != nil {
			return err
		}
		actions, err = store.Actions(ctx, tx, p.WorkspaceID, p.ID)
		return err
	})
	if err != nil {
		return nil, BoardStamp{}, err
	}
	return BuildBoard(p, actions, u, f), boardStamp(p, st, orgs), nil
}

// DayOf is the day (YYYY-MM-DD) it is at t in the Netherlands: Today for
// a given moment.
func DayOf(t time.Time) string {
	return t.In(amsterdam()).Format(time.DateOnly)
}
