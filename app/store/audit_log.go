package store

import (
	"context"
	"slices"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// AuditFilter narrows the audit log. WorkspaceID > 0 keeps one workspace's
// lines; NoWorkspace keeps the lines of no workspace (sign-ins and the
// administrators' work); Event and UserID keep one event and one person.
type AuditFilter struct {
	WorkspaceID int64
	NoWorkspace bool
	Event       string
	UserID      int64
}

func (f AuditFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.WorkspaceID > 0 {
		q = q.Where("?TableAlias.workspace_id = ?", f.WorkspaceID)
	}
	if f.NoWorkspace {
		q = q.Where("?TableAlias.workspace_id IS NULL")
	}
	if f.Event != "" {
		q = q.Where("?TableAlias.event = ?", f.Event)
	}
	if f.UserID > 0 {
		q = q.Where("?TableAlias.user_id = ?", f.UserID)
	}
	return q
}

// AuditLines lists the lines that f keeps, newest first, with the names of
// their person and workspace: at most limit, after skipping offset, and
// with before > 0 only lines older than the line before.
func AuditLines(ctx context.Context, db bun.IDB, f AuditFilter, before int64, offset, limit int) ([]model.AuditEntry, error) {
	var list []model.AuditEntry
	q := db.NewSelect().Model(&list).
		Relation("User", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Relation("Workspace", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") })
	q = f.apply(q)
	if before > 0 {
		q = q.Where("?TableAlias.id < ?", before)
	}
	err := q.OrderExpr("?TableAlias.id DESC").Offset(offset).Limit(limit).Scan(ctx)
	return list, err
}

// CountAuditLines counts the lines that f keeps.
func CountAuditLines(ctx context.Context, db bun.IDB, f AuditFilter) (int, error) {
	return f.apply(db.NewSelect().Model((*model.AuditEntry)(nil))).Count(ctx)
}

// AuditPeople lists, by name, the accounts that appear in the lines of a
// workspace (or, for 0, of the whole log), for filtering by person.
func AuditPeople(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.User, error) {
	ids := db.NewSelect().Model((*model.AuditEntry)(nil)).Column("user_id").Distinct().Where("user_id IS NOT NULL")
	if workspaceID > 0 {
		ids = ids.Where("workspace_id = ?", workspaceID)
	}
	var list []model.User
	err := db.NewSelect().Model(&list).Column("id", "name").Where("id IN (?)", ids).OrderExpr("name ASC, id ASC").Scan(ctx)
	return list, err
}

// AuditEvents lists the events that appear in the lines of a workspace
// (or, for 0, of the whole log).
func AuditEvents(ctx context.Context, db bun.IDB, workspaceID int64) ([]string, error) {
	var list []string
	q := db.NewSelect().Model((*model.AuditEntry)(nil)).Column("event").Distinct()
	if workspaceID > 0 {
		q = q.Where("workspace_id = ?", workspaceID)
	}
	err := q.OrderExpr("event ASC").Scan(ctx, &list)
	return list, err
}

// AuditItem is an agenda item as the audit log names it: its title and
// its meeting's.
type AuditItem struct {
	Title        string
	MeetingTitle string
	MeetingDate  string
}

// AuditObjects are the names of what audit lines are about, by id: the
// accounts, organisations, workspaces, meetings, agenda items and plans
// they name. What no longer exists has no name.
type AuditObjects struct {
	Users         map[int64]string
	Organisations map[int64]string
	Workspaces    map[int64]string
	Meetings      map[int64]model.Meeting
	Items         map[int64]AuditItem
	Plans         map[int64]string
}

// AuditObjectNames looks up the names of what lines are about. With
// workspaceID > 0 it finds meetings and items of that workspace only.
func AuditObjectNames(ctx context.Context, db bun.IDB, workspaceID int64, lines []model.AuditEntry) (AuditObjects, error) {
	o := AuditObjects{
		Users: map[int64]string{}, Organisations: map[int64]string{}, Workspaces: map[int64]string{},
		Meetings: map[int64]model.Meeting{}, Items: map[int64]AuditItem{}, Plans: map[int64]string{},
	}
	ids := map[string][]int64{}
	for _, l := range lines {
		if l.ObjectID > 0 && !slices.Contains(ids[l.Object], l.ObjectID) {
			ids[l.Object] = append(ids[l.Object], l.ObjectID)
		}
	}
	names := func(table string, list []int64, into map[int64]string) error {
		if len(list) == 0 {
			return nil
		}
		var rows []struct {
			ID   int64  `bun:"id"`
			Name string `bun:"name"`
		}
		err := db.NewSelect().Table(table).Column("id", "name").Where("id IN (?)", bun.In(list)).Scan(ctx, &rows)
		for _, r := range rows {
			into[r.ID] = r.Name
		}
		return err
	}
	if err := names("users", ids[model.AuditObjectUser], o.Users); err != nil {
		return o, err
	}
	if err := names("organisations", ids[model.AuditObjectOrganisation], o.Organisations); err != nil {
		return o, err
	}
	if err := names("workspaces", ids[model.AuditObjectWorkspace], o.Workspaces); err != nil {
		return o, err
	}
	if list := ids[model.AuditObjectMeeting]; len(list) > 0 {
		var meetings []model.Meeting
		q := db.NewSelect().Model(&meetings).Column("id", "title", "date").Where("id IN (?)", bun.In(list))
		if workspaceID > 0 {
			q = q.Where("workspace_id = ?", workspaceID)
		}
		if err := q.Scan(ctx); err != nil {
			return o, err
		}
		for _, m := range meetings {
			o.Meetings[m.ID] = m
		}
	}
	if list := ids[model.AuditObjectItem]; len(list) > 0 {
		var rows []struct {
			ID           int64  `bun:"id"`
			Title        string `bun:"title"`
			MeetingTitle string `bun:"meeting_title"`
			MeetingDate  string `bun:"meeting_date"`
		}
		q := db.NewSelect().TableExpr("agenda_items AS i").Join("JOIN meetings AS m ON m.id = i.meeting_id").
			ColumnExpr("i.id, i.title, m.title AS meeting_title, m.date AS meeting_date").
			Where("i.id IN (?)", bun.In(list))
		if workspaceID > 0 {
			q = q.Where("i.workspace_id = ?", workspaceID)
		}
		if err := q.Scan(ctx, &rows); err != nil {
			return o, err
		}
		for _, r := range rows {
			o.Items[r.ID] = AuditItem{Title: r.Title, MeetingTitle: r.MeetingTitle, MeetingDate: r.MeetingDate}
		}
	}
	if list := ids[model.AuditObjectPlan]; len(list) > 0 {
		var plans []model.Plan
		q := db.NewSelect().Model(&plans).Column("id", "title").Where("id IN (?)", bun.In(list))
		if workspaceID > 0 {
			q = q.Where("workspace_id = ?", workspaceID)
		}
		if err := q.Scan(ctx); err != nil {
			return o, err
		}
		for _, p := range plans {
			o.Plans[p.ID] = p.Title
		}
	}
	return o, nil
}
