package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/uptrace/bun"
)

// BoardStamp changes whenever anything a plan's board shows of its actions
// changes; it is cheap to read, where the actions with their owners are
// not. Every write of an action raises its version (a move too; a
// renumbering keeps the order), so the count and the sum of the versions
// of all the plan's actions, deleted ones included, change with every edit,
// addition, deletion and undo. The names of the owners are read as they
// are: an account or organisation renamed (by an administrator, even in
// the database) changes no action.
type BoardStamp struct {
	Actions    int
	Deleted    int
	Versions   int64
	LastID     int64
	LastUpdate string
	// Owners are the ids and names of the accounts and organisations that
	// own the plan's actions that are not deleted.
	Owners string
}

// PlanBoardStamp reads the stamp of the plan's board.
func PlanBoardStamp(ctx context.Context, db bun.IDB, workspaceID, planID int64) (BoardStamp, error) {
	var st BoardStamp
	var last sql.NullString
	err := db.NewSelect().TableExpr("actions").
		ColumnExpr("COUNT(*), COUNT(deleted_at), COALESCE(SUM(version), 0), COALESCE(MAX(id), 0), MAX(updated_at)").
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID).
		Scan(ctx, &st.Actions, &st.Deleted, &st.Versions, &st.LastID, &last)
	if err != nil {
		return st, err
	}
	st.LastUpdate = last.String
	var owners []struct {
		Kind string `bun:"kind"`
		ID   int64  `bun:"id"`
		Name string `bun:"name"`
	}
	err = db.NewRaw(`SELECT 'u' AS kind, id, name FROM users WHERE id IN
			(SELECT owner_user_id FROM actions WHERE workspace_id = ? AND plan_id = ? AND deleted_at IS NULL)
		UNION ALL SELECT 'o' AS kind, id, name FROM organisations WHERE id IN
			(SELECT owner_organisation_id FROM actions WHERE workspace_id = ? AND plan_id = ? AND deleted_at IS NULL)
		ORDER BY kind, id`, workspaceID, planID, workspaceID, planID).Scan(ctx, &owners)
	if err != nil {
		return st, err
	}
	var b strings.Builder
	for _, o := range owners {
		// A name is free text: its length in front keeps "a" + "b,c" apart
		// from "a,b" + "c".
		b.WriteString(o.Kind)
		b.WriteString(strconv.FormatInt(o.ID, 10))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(len(o.Name)))
		b.WriteByte(':')
		b.WriteString(o.Name)
	}
	st.Owners = b.String()
	return st, nil
}
