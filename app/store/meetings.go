package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateMeeting inserts m and fills its id.
func CreateMeeting(ctx context.Context, db bun.IDB, m *model.Meeting) error {
	_, err := db.NewInsert().Model(m).Returning("id").Exec(ctx)
	return err
}

// Meeting loads one meeting of the workspace that is not deleted.
func Meeting(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Meeting, error) {
	m := new(model.Meeting)
	err := db.NewSelect().Model(m).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).
		Where("?TableAlias.deleted_at IS NULL").Scan(ctx)
	return m, notFound(err)
}

// MeetingForUpdate loads a meeting like Meeting and, on PostgreSQL, locks
// its row until the transaction ends.
func MeetingForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Meeting, error) {
	m := new(model.Meeting)
	q := db.NewSelect().Model(m).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).
		Where("?TableAlias.deleted_at IS NULL")
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return m, notFound(q.Scan(ctx))
}

// Meetings lists the workspace's meetings, soonest first.
func Meetings(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.Meeting, error) {
	var list []model.Meeting
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.date ASC, ?TableAlias.start_time ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// MeetingsOf lists the meetings, in any workspace, that the user attends
// or is invited to, from the given date on.
func MeetingsOf(ctx context.Context, db bun.IDB, userID int64, from string) ([]model.Meeting, error) {
	var list []model.Meeting
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.deleted_at IS NULL").
		Where("?TableAlias.date >= ?", from).
		// The subquery names its table without a model: a model would make
		// ?TableAlias in this condition stand for the attendee.
		Where("?TableAlias.id IN (?)", db.NewSelect().Table("attendees").Column("meeting_id").Where("user_id = ?", userID)).
		OrderExpr("?TableAlias.date ASC, ?TableAlias.start_time ASC").Scan(ctx)
	return list, err
}

// UpdateMeeting writes the named columns of m, and its version and update
// time, if the stored version is still m.Version-1.
func UpdateMeeting(ctx context.Context, db bun.IDB, m *model.Meeting, columns ...string) error {
	res, err := db.NewUpdate().Model(m).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", m.WorkspaceID).Where("id = ?", m.ID).
		Where("version = ?", m.Version-1).Exec(ctx)
	return affected(res, err)
}

// CreateItem inserts an agenda item and fills its id.
func CreateItem(ctx context.Context, db bun.IDB, it *model.AgendaItem) error {
	_, err := db.NewInsert().Model(it).Returning("id").Exec(ctx)
	return err
}

// Item loads one agenda item of the workspace, deleted or not.
func Item(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.AgendaItem, error) {
	it := new(model.AgendaItem)
	err := db.NewSelect().Model(it).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).Scan(ctx)
	return it, notFound(err)
}

// ItemForUpdate loads an item like Item and, on PostgreSQL, locks its row.
func ItemForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.AgendaItem, error) {
	it := new(model.AgendaItem)
	q := db.NewSelect().Model(it).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id)
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return it, notFound(q.Scan(ctx))
}

// Items lists a meeting's agenda items that are not deleted, in order.
func Items(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) ([]model.AgendaItem, error) {
	var list []model.AgendaItem
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.meeting_id = ?", meetingID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.position ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// ItemVersions lists every item of the meeting, deleted ones included,
// with its version; for catching up a reconnecting client.
func ItemVersions(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) ([]model.AgendaItem, error) {
	var list []model.AgendaItem
	err := db.NewSelect().Model(&list).Column("id", "version", "deleted_at", "position").
		Where("workspace_id = ?", workspaceID).Where("meeting_id = ?", meetingID).Scan(ctx)
	return list, err
}

// LastItemPosition returns the highest position on the meeting's agenda, or 0.
func LastItemPosition(ctx context.Context, db bun.IDB, meetingID int64) (float64, error) {
	var pos []float64
	err := db.NewSelect().Model((*model.AgendaItem)(nil)).ColumnExpr("position").
		Where("meeting_id = ?", meetingID).Where("deleted_at IS NULL").
		OrderExpr("position DESC").Limit(1).Scan(ctx, &pos)
	if err != nil || len(pos) == 0 {
		return 0, err
	}
	return pos[0], nil
}

// UpdateItem writes the named columns of it, and its version and update
// time, if the stored version is still it.Version-1.
func UpdateItem(ctx context.Context, db bun.IDB, it *model.AgendaItem, columns ...string) error {
	res, err := db.NewUpdate().Model(it).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", it.WorkspaceID).Where("id = ?", it.ID).
		Where("version = ?", it.Version-1).Exec(ctx)
	return affected(res, err)
}

// SetItemPositions rewrites positions without touching versions.
func SetItemPositions(ctx context.Context, db bun.IDB, workspaceID int64, positions map[int64]float64) error {
	for id, pos := range positions {
		_, err := db.NewUpdate().Model((*model.AgendaItem)(nil)).Set("position = ?", pos).
			Where("workspace_id = ?", workspaceID).Where("id = ?", id).Exec(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

// CaseItemsToPurge lists the case notes of meetings held before the given
// date that still hold text, across all workspaces.
func CaseItemsToPurge(ctx context.Context, db bun.IDB, before string) ([]model.AgendaItem, error) {
	var list []model.AgendaItem
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.case_purged_at IS NULL").
		Where("?TableAlias.case_notes <> ''").
		Where("agenda_item.meeting_id IN (?)", db.NewSelect().TableExpr("meetings").Column("id").Where("date < ?", before)).
		Scan(ctx)
	return list, err
}

// PurgeCaseNotes empties one item's case notes and marks when, without a
// new version: the purge is not an edit, and nobody may restore it.
func PurgeCaseNotes(ctx context.Context, db bun.IDB, it *model.AgendaItem, at time.Time) error {
	_, err := db.NewUpdate().Model((*model.AgendaItem)(nil)).
		Set("case_notes = ''").Set("case_purged_at = ?", at).
		Where("workspace_id = ?", it.WorkspaceID).Where("id = ?", it.ID).Exec(ctx)
	if err != nil {
		return err
	}
	// The change history must not keep what was purged either.
	_, err = db.NewUpdate().Model((*model.Change)(nil)).
		Set("old_value = ''").Set("new_value = ''").
		Where("workspace_id = ?", it.WorkspaceID).Where("entity = ?", model.EntityItem).
		Where("entity_id = ?", it.ID).Where("field = ?", "case_notes").Exec(ctx)
	return err
}

// CreateAttendee inserts an attendee and fills its id.
func CreateAttendee(ctx context.Context, db bun.IDB, a *model.Attendee) error {
	_, err := db.NewInsert().Model(a).Returning("id").Exec(ctx)
	return duplicate(err)
}

// Attendees lists a meeting's attendees, members first, by name.
func Attendees(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) ([]model.Attendee, error) {
	var list []model.Attendee
	err := db.NewSelect().Model(&list).
		Relation("User", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Column("id", "name", "email", "organisation_id")
		}).
		Relation("User.Organisation").
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.meeting_id = ?", meetingID).
		OrderExpr("?TableAlias.user_id IS NULL, ?TableAlias.id").Scan(ctx)
	return list, err
}

// Attendee loads one attendee of the workspace.
func Attendee(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Attendee, error) {
	a := new(model.Attendee)
	err := db.NewSelect().Model(a).Where("workspace_id = ?", workspaceID).Where("id = ?", id).Scan(ctx)
	return a, notFound(err)
}

// AttendeeOf finds the user among a meeting's attendees.
func AttendeeOf(ctx context.Context, db bun.IDB, meetingID, userID int64) (*model.Attendee, error) {
	a := new(model.Attendee)
	err := db.NewSelect().Model(a).Where("meeting_id = ?", meetingID).Where("user_id = ?", userID).Limit(1).Scan(ctx)
	return a, notFound(err)
}

// SetAttendee writes the RSVP and presence of an attendee.
func SetAttendee(ctx context.Context, db bun.IDB, a *model.Attendee) error {
	res, err := db.NewUpdate().Model(a).Column("rsvp", "presence").
		Where("workspace_id = ?", a.WorkspaceID).Where("id = ?", a.ID).Exec(ctx)
	return affected(res, err)
}

// DeleteAttendee removes an attendee.
func DeleteAttendee(ctx context.Context, db bun.IDB, workspaceID, id int64) error {
	res, err := db.NewDelete().Model((*model.Attendee)(nil)).
		Where("workspace_id = ?", workspaceID).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// CreateOutcome inserts an outcome and fills its id.
func CreateOutcome(ctx context.Context, db bun.IDB, o *model.Outcome) error {
	_, err := db.NewInsert().Model(o).Returning("id").Exec(ctx)
	return err
}

// Outcomes lists a meeting's outcomes that are not deleted, with the
// actions they created.
func Outcomes(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) ([]model.Outcome, error) {
	var list []model.Outcome
	err := db.NewSelect().Model(&list).
		Relation("Action").
		Relation("Action.OwnerOrganisation").
		Relation("Action.OwnerUser", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Column("id", "name", "organisation_id")
		}).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.meeting_id = ?", meetingID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// Outcome loads one outcome of the workspace.
func Outcome(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Outcome, error) {
	o := new(model.Outcome)
	err := db.NewSelect().Model(o).Where("workspace_id = ?", workspaceID).Where("id = ?", id).
		Where("deleted_at IS NULL").Scan(ctx)
	return o, notFound(err)
}

// DeleteOutcome marks an outcome deleted.
func DeleteOutcome(ctx context.Context, db bun.IDB, o *model.Outcome, at time.Time) error {
	res, err := db.NewUpdate().Model((*model.Outcome)(nil)).Set("deleted_at = ?", at).
		Where("workspace_id = ?", o.WorkspaceID).Where("id = ?", o.ID).Exec(ctx)
	return affected(res, err)
}

// CreateTemplate inserts an agenda template.
func CreateTemplate(ctx context.Context, db bun.IDB, t *model.AgendaTemplate) error {
	_, err := db.NewInsert().Model(t).Returning("id").Exec(ctx)
	return err
}

// Templates lists the workspace's saved agenda templates by name.
func Templates(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.AgendaTemplate, error) {
	var list []model.AgendaTemplate
	err := db.NewSelect().Model(&list).Where("workspace_id = ?", workspaceID).OrderExpr("name ASC, id ASC").Scan(ctx)
	return list, err
}

// Template loads one saved agenda template of the workspace.
func Template(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.AgendaTemplate, error) {
	t := new(model.AgendaTemplate)
	err := db.NewSelect().Model(t).Where("workspace_id = ?", workspaceID).Where("id = ?", id).Scan(ctx)
	return t, notFound(err)
}

// MeetingActions lists the actions agreed at a meeting, in any plan of
// its workspace, deleted ones left out.
func MeetingActions(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) ([]model.Action, error) {
	var list []model.Action
	err := actionQuery(db, &list, workspaceID).
		Where("?TableAlias.meeting_id = ?", meetingID).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// KnownNames are the names of the people known to a workspace, as the
// privacy guard looks for them: its members, and the guests of one
// meeting.
type KnownNames struct {
	// Members are the names of the workspace's members, but for its
	// guests.
	Members []string
	// Guests are the names of the meeting's guests as they were typed or
	// as their accounts have them, role words and all ("Iris
	// (ervaringsdeskundige)").
	Guests []string
	// Places are the names of every workspace, region and organisation
	// ("Havenstad", "Kustland", "Jeugdhulp De Brug"): names that are no
	// person's, whatever word looks like a name in them.
	Places []string
}

// KnownNamesOf lists the names of a workspace's members and, when
// meetingID is not 0, of that meeting's guests: with an account (members
// whose role is guest) or without. A guest of one meeting is nobody in
// another.
func KnownNamesOf(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) (KnownNames, error) {
	var k KnownNames
	err := db.NewSelect().Model((*model.User)(nil)).Column("name").
		Where("id IN (?)", db.NewSelect().TableExpr("memberships").Column("user_id").
			Where("workspace_id = ?", workspaceID).Where("role <> ?", model.RoleGuest)).
		Scan(ctx, &k.Members)
	if err != nil {
		return k, err
	}
	for _, table := range []string{"workspaces", "regions", "organisations"} {
		var names []string
		if err := db.NewSelect().TableExpr(table).Column("name").Scan(ctx, &names); err != nil {
			return k, err
		}
		k.Places = append(k.Places, names...)
	}
	if meetingID == 0 {
		return k, nil
	}
	err = db.NewSelect().Model((*model.Attendee)(nil)).Column("guest_name").
		Where("workspace_id = ?", workspaceID).Where("meeting_id = ?", meetingID).Where("user_id IS NULL").
		Scan(ctx, &k.Guests)
	if err != nil {
		return k, err
	}
	var accounts []string
	err = db.NewSelect().Model((*model.User)(nil)).Column("name").
		Where("id IN (?)", db.NewSelect().TableExpr("attendees").Column("user_id").
			Where("workspace_id = ?", workspaceID).Where("meeting_id = ?", meetingID).Where("user_id IS NOT NULL")).
		Where("id IN (?)", db.NewSelect().TableExpr("memberships").Column("user_id").
			Where("workspace_id = ?", workspaceID).Where("role = ?", model.RoleGuest)).
		Scan(ctx, &accounts)
	k.Guests = append(k.Guests, accounts...)
	return k, err
}

// GuestMeeting is a meeting with the name of its workspace.
type GuestMeeting struct {
	model.Meeting `bun:",extend"`

	WorkspaceName string `bun:"workspace_name"`
}

// GuestMeetingsOf lists the meetings the user attends in workspaces where
// the user is a guest, soonest first.
func GuestMeetingsOf(ctx context.Context, db bun.IDB, userID int64) ([]GuestMeeting, error) {
	var list []GuestMeeting
	err := db.NewSelect().Model(&list).
		ColumnExpr("?TableAlias.*").
		ColumnExpr("w.name AS workspace_name").
		Join("JOIN workspaces AS w ON w.id = ?TableAlias.workspace_id").
		Join("JOIN attendees AS a ON a.meeting_id = ?TableAlias.id AND a.user_id = ?", userID).
		Join("JOIN memberships AS my ON my.workspace_id = ?TableAlias.workspace_id AND my.user_id = ? AND my.role = ?", userID, model.RoleGuest).
		Where("?TableAlias.deleted_at IS NULL").
		OrderExpr("?TableAlias.date ASC, ?TableAlias.start_time ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}
