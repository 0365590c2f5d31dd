package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// The programme overview reads every workspace's figures with a few
// set-based queries, one per kind of figure, never one per workspace.

// OverviewWorkspace is a workspace as the programme overview lists it,
// with the figures that need no plan: its region, its latest change and
// meeting, the trainings of a period and its open advice.
type OverviewWorkspace struct {
	ID       int64               `bun:"id"`
	Name     string              `bun:"name"`
	Kind     model.WorkspaceKind `bun:"kind"`
	RegionID *int64              `bun:"region_id"`
	Region   string              `bun:"region"`
	// LastChange is the newest entry of the change history; LastMeeting
	// the date of the newest meeting on or before the day asked.
	LastChange  bun.NullTime `bun:"last_change"`
	LastMeeting string       `bun:"last_meeting"`
	Trainings   int          `bun:"trainings"`
	OpenAdvice  int          `bun:"open_advice"`
}

// OverviewWorkspaces reads the workspaces with the given ids (every
// workspace when ids is nil), by name. Trainings counts the meetings of
// kind training dated from..until, both included; LastMeeting looks at
// meetings up to today.
func OverviewWorkspaces(ctx context.Context, db bun.IDB, ids []int64, from, until, today string) ([]OverviewWorkspace, error) {
	if ids != nil && len(ids) == 0 {
		return nil, nil
	}
	// The meetings' figures in one pass over the meetings, grouped; the
	// newest change and the open advice one step down an index each.
	meetings := db.NewSelect().TableExpr("meetings").
		ColumnExpr("workspace_id").
		ColumnExpr("MAX(CASE WHEN date <= ? THEN date END) AS last_meeting", today).
		ColumnExpr("SUM(CASE WHEN kind = ? AND date >= ? AND date <= ? THEN 1 ELSE 0 END) AS trainings", model.MeetingTraining, from, until).
		Where("deleted_at IS NULL").
		GroupExpr("workspace_id")
	if ids != nil {
		meetings = meetings.Where("workspace_id IN (?)", bun.In(ids))
	}
	var list []OverviewWorkspace
	q := db.NewSelect().TableExpr("workspaces AS w").
		ColumnExpr("w.id, w.name, w.kind, w.region_id").
		ColumnExpr("COALESCE(r.name, '') AS region").
		ColumnExpr("(SELECT MAX(c.created_at) FROM changes AS c WHERE c.workspace_id = w.id) AS last_change").
		ColumnExpr("COALESCE(mt.last_meeting, '') AS last_meeting").
		ColumnExpr("COALESCE(mt.trainings, 0) AS trainings").
		ColumnExpr("(SELECT COUNT(*) FROM comments AS k WHERE k.workspace_id = w.id AND k.deleted_at IS NULL AND k.parent_id IS NULL AND k.kind = ? AND k.state = ? AND "+adviceSubjectThere("k")+") AS open_advice",
			model.CommentAdvice, model.AdviceOpen).
		Join("LEFT JOIN regions AS r ON r.id = w.region_id").
		Join("LEFT JOIN (?) AS mt ON mt.workspace_id = w.id", meetings).
		OrderExpr("w.name ASC, w.id ASC")
	if ids != nil {
		q = q.Where("w.id IN (?)", bun.In(ids))
	}
	err := q.Scan(ctx, &list)
	return list, err
}

// OverviewPlans lists the plans that are not deleted of the workspaces
// with the given ids (all when nil), per workspace newest period first:
// within a workspace in the order of Plans, so that the current plan is
// chosen the same way everywhere.
func OverviewPlans(ctx context.Context, db bun.IDB, ids []int64) ([]model.Plan, error) {
	var list []model.Plan
	q := db.NewSelect().Model(&list).
		Column("id", "workspace_id", "title", "period_start", "period_end", "status", "framework").
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.workspace_id ASC, ?TableAlias.period_start DESC, ?TableAlias.id DESC")
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		q = q.Where("?TableAlias.workspace_id IN (?)", bun.In(ids))
	}
	err := q.Scan(ctx)
	return list, err
}

// ActionTally adds up the actions of one status in one plan: how many,
// their progress summed, how many are overdue, and the lists of articles
// they serve (model.Action.Rights), joined by ";".
type ActionTally struct {
	PlanID   int64              `bun:"plan_id"`
	Status   model.ActionStatus `bun:"status"`
	Count    int                `bun:"n"`
	Progress int                `bun:"progress"`
	Overdue  int                `bun:"overdue"`
	Rights   string             `bun:"rights"`
}

// RightLists splits the tally's lists of articles, one per action.
func (t ActionTally) RightLists() []string {
	if t.Rights == "" {
		return nil
	}
	return strings.Split(t.Rights, ";")
}

// ActionTallies adds up the actions that are not deleted of the given
// plans per plan and status, in one pass over an index that holds every
// column it reads (actions_tally_idx). Overdue follows
// model.Action.Overdue on day today.
func ActionTallies(ctx context.Context, db bun.IDB, planIDs []int64, today string) ([]ActionTally, error) {
	if len(planIDs) == 0 {
		return nil, nil
	}
	rights := "group_concat(rights, ';')"
	if IsPostgres(db) {
		rights = "string_agg(rights, ';')"
	}
	var list []ActionTally
	err := db.NewSelect().TableExpr("actions").
		ColumnExpr("plan_id, status, COUNT(*) AS n, COALESCE(SUM(progress), 0) AS progress").
		ColumnExpr("SUM(CASE WHEN due_date <> '' AND due_date < ? AND status NOT IN (?, ?) THEN 1 ELSE 0 END) AS overdue",
			today, model.ActionDone, model.ActionDropped).
		ColumnExpr("COALESCE("+rights+", '') AS rights").
		Where("deleted_at IS NULL").
		Where("plan_id IN (?)", bun.In(planIDs)).
		GroupExpr("plan_id, status").
		Scan(ctx, &list)
	return list, err
}

// ActionsStamp changes whenever any action is added, changed, deleted or
// restored: every write of an action raises its version (see BoardStamp,
// whose rule for one plan this is for all of them). It reads the count,
// the sum of the versions and the highest id of every action, deleted ones
// included, from actions_tally_idx.
func ActionsStamp(ctx context.Context, db bun.IDB) (string, error) {
	var n, versions, last int64
	err := db.NewSelect().TableExpr("actions").
		ColumnExpr("COUNT(*), COALESCE(SUM(version), 0), COALESCE(MAX(id), 0)").
		Scan(ctx, &n, &versions, &last)
	return strconv.FormatInt(n, 10) + "/" + strconv.FormatInt(versions, 10) + "/" + strconv.FormatInt(last, 10), err
}

// TrainedPerson is one attendee counted as trained: a member (UserID) or
// a guest without an account (name and organisation).
type TrainedPerson struct {
	UserID            *int64 `bun:"user_id"`
	GuestName         string `bun:"guest_name"`
	GuestOrganisation string `bun:"guest_organisation"`
}

// TrainedPeople lists, without repeats of the same row, the attendees of
// trainings dated from..until who count as trained: those marked present
// (aanwezig) where the meeting's presence was taken, and those who said
// they would come (komt) where nobody's presence was taken.
func TrainedPeople(ctx context.Context, db bun.IDB, from, until string) ([]TrainedPerson, error) {
	var list []TrainedPerson
	// The meetings whose presence was taken, read once (not per attendee).
	taken := db.NewSelect().TableExpr("attendees AS b").ColumnExpr("b.meeting_id").Where("b.presence <> ''")
	err := db.NewSelect().TableExpr("attendees AS a").Distinct().
		ColumnExpr("a.user_id, a.guest_name, a.guest_organisation").
		Join("JOIN meetings AS m ON m.id = a.meeting_id AND m.workspace_id = a.workspace_id").
		Where("m.kind = ?", model.MeetingTraining).
		Where("m.deleted_at IS NULL").
		Where("m.date >= ? AND m.date <= ?", from, until).
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Where("a.presence = ?", model.PresenceHere).
				WhereOr("a.presence = '' AND a.rsvp = ? AND a.meeting_id NOT IN (?)", model.RSVPComing, taken)
		}).
		Scan(ctx, &list)
	return list, err
}

// AdviceTally counts a workspace's advice in one state.
type AdviceTally struct {
	WorkspaceID int64             `bun:"workspace_id"`
	State       model.AdviceState `bun:"state"`
	Count       int               `bun:"n"`
}

// adviceSubjectThere is the condition that the advice (a comment) of
// alias is on a plan, action, meeting or agenda item that is still there:
// the workspace's list of advice (AdviceList and the service's
// AdviceList) leaves out advice whose object is gone, and the overview's
// counts must agree with it.
func adviceSubjectThere(alias string) string {
	there := func(subject model.Subject, table string) string {
		return "(" + alias + ".subject = '" + string(subject) + "' AND EXISTS (SELECT 1 FROM " + table + " AS s WHERE s.id = " +
			alias + ".subject_id AND s.workspace_id = " + alias + ".workspace_id AND s.deleted_at IS NULL))"
	}
	return "(" + there(model.SubjectPlan, "plans") + " OR " + there(model.SubjectAction, "actions") + " OR " +
		there(model.SubjectMeeting, "meetings") + " OR " + there(model.SubjectItem, "agenda_items") + ")"
}

// AdviceTallies counts per workspace and state the advice written
// from..until (times, until excluded) that the workspace's list of advice
// shows: not deleted, no reply, on an object that is still there.
func AdviceTallies(ctx context.Context, db bun.IDB, from, until time.Time) ([]AdviceTally, error) {
	var list []AdviceTally
	err := db.NewSelect().TableExpr("comments AS k").
		ColumnExpr("k.workspace_id, k.state, COUNT(*) AS n").
		Where("k.kind = ?", model.CommentAdvice).
		Where("k.deleted_at IS NULL").
		Where("k.parent_id IS NULL").
		Where(adviceSubjectThere("k")).
		Where("k.created_at >= ? AND k.created_at < ?", from, until).
		GroupExpr("k.workspace_id, k.state").
		Scan(ctx, &list)
	return list, err
}

// SignalsBetween lists the signals that are not deleted raised from..until
// (times, until excluded), by theme and then oldest first.
func SignalsBetween(ctx context.Context, db bun.IDB, from, until time.Time) ([]model.Signal, error) {
	var list []model.Signal
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.deleted_at IS NULL").
		Where("?TableAlias.created_at >= ? AND ?TableAlias.created_at < ?", from, until).
		OrderExpr("?TableAlias.theme ASC, ?TableAlias.created_at ASC, ?TableAlias.id ASC").
		Scan(ctx)
	return list, err
}

// ProgrammeYears lists the programme years, newest first.
func ProgrammeYears(ctx context.Context, db bun.IDB) ([]model.ProgrammeYear, error) {
	var list []model.ProgrammeYear
	err := db.NewSelect().Model(&list).OrderExpr("?TableAlias.year DESC").Scan(ctx)
	return list, err
}

// ProgrammeYearOf loads the programme year of a calendar year.
func ProgrammeYearOf(ctx context.Context, db bun.IDB, year int) (*model.ProgrammeYear, error) {
	y := new(model.ProgrammeYear)
	err := db.NewSelect().Model(y).Where("?TableAlias.year = ?", year).Scan(ctx)
	return y, notFound(err)
}

// CreateProgrammeYear inserts y and fills its id.
func CreateProgrammeYear(ctx context.Context, db bun.IDB, y *model.ProgrammeYear) error {
	_, err := db.NewInsert().Model(y).Returning("id").Exec(ctx)
	return duplicate(err)
}

// UpdateProgrammeYear writes y's targets and follow-up.
func UpdateProgrammeYear(ctx context.Context, db bun.IDB, y *model.ProgrammeYear) error {
	res, err := db.NewUpdate().Model(y).
		Column("target_municipalities", "target_networks", "target_professionals", "follow_up_of", "updated_by", "updated_at").
		Where("id = ?", y.ID).Exec(ctx)
	return affected(res, err)
}
