package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/uptrace/bun"
)

// BoardStamp changes whenever anything a plan's board shows of its actions
// and their owner accounts changes; it is cheap to read, where the actions
// with their owners are not. Every write of an action raises its version
// (a move too; a renumbering keeps the order), so the count and the sum of
// the versions of all the plan's actions, deleted ones included, change
// with every edit, addition, deletion and undo. The owners' names are read
// as they are: an account renamed (by an administrator, even in the
// database) changes no action. Organisations are not in it: see
// service.BoardStamp.
type BoardStamp struct {
	Actions    int
	Deleted    int
	Versions   int64
	LastID     int64
	LastUpdate string
	// Owners are the ids and names of the accounts that own the plan's
	// actions that are not deleted.
	Owners string
}

// PlanBoardStamp reads the stamp of the plan's board: one pass over the
// plan's actions, and the names of the few accounts that own them.
func PlanBoardStamp(ctx context.Context, db bun.IDB, workspaceID, planID int64) (BoardStamp, error) {
	var st BoardStamp
	var last, owners sql.NullString
	// The distinct owner ids, as "3,7,12" (in any order).
	ownerIDs := "group_concat(DISTINCT CASE WHEN deleted_at IS NULL THEN owner_user_id END)"
	if IsPostgres(db) {
		ownerIDs = "string_agg(DISTINCT (CASE WHEN deleted_at IS NULL THEN owner_user_id END)::text, ',')"
	}
	err := db.NewSelect().TableExpr("actions").
		ColumnExpr("COUNT(*), COUNT(deleted_at), COALESCE(SUM(version), 0), COALESCE(MAX(id), 0), MAX(updated_at), "+ownerIDs).
		Where("workspace_id = ?", workspaceID).Where("plan_id = ?", planID).
		Scan(ctx, &st.Actions, &st.Deleted, &st.Versions, &st.LastID, &last, &owners)
	if err != nil {
		return st, err
	}
	st.LastUpdate = last.String
	var ids []int64
	for _, s := range strings.Split(owners.String, ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return st, nil
	}
	var names []struct {
		ID   int64  `bun:"id"`
		Name string `bun:"name"`
	}
	err = db.NewSelect().TableExpr("users").Column("id", "name").
		Where("id IN (?)", bun.In(ids)).OrderExpr("id").Scan(ctx, &names)
	if err != nil {
		return st, err
	}
	st.Owners = NamesStamp(len(names), func(i int) (int64, string) { return names[i].ID, names[i].Name })
	return st, nil
}

// NamesStamp writes n ids with their names as one string, in the order
// given, that no other list of ids and names writes: a name is free text,
// so its length goes in front of it.
func NamesStamp(n int, name func(i int) (int64, string)) string {
	var b strings.Builder
	for i := range n {
		id, s := name(i)
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	return b.String()
}
