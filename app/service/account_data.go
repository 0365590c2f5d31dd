package service

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// AccountData is everything Schakel keeps about one person, for their
// right of access (AVG art. 15): the account, its memberships, the actions
// it owns, the meetings it was on the list of, and the audit lines of what
// it did and of what was done to it. Other people's names, case notes and
// the content of meetings are not in it.
type AccountData struct {
	ExportedAt  time.Time        `json:"exported_at"`
	Account     DataAccount      `json:"account"`
	Memberships []DataMembership `json:"memberships"`
	Actions     []DataAction     `json:"actions_owned"`
	Meetings    []DataMeeting    `json:"meetings_attended"`
	Sessions    []DataSession    `json:"sessions"`
	Audit       []DataAudit      `json:"audit_log"`
	TwoFactor   DataTwoFactor    `json:"two_factor"`
	Calendar    *DataCalendar    `json:"calendar_address,omitempty"`
}

// DataAccount is the account itself, without its password hash.
type DataAccount struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	Email        string     `json:"email"`
	Organisation string     `json:"organisation"`
	PlatformRole string     `json:"platform_role,omitempty"`
	Language     string     `json:"language"`
	DisabledAt   *time.Time `json:"disabled_at,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// DataMembership is one workspace the account belongs to, with its role.
type DataMembership struct {
	WorkspaceID int64     `json:"workspace_id"`
	Workspace   string    `json:"workspace"`
	Role        string    `json:"role"`
	Since       time.Time `json:"since"`
}

// DataAction is one action the account owns.
type DataAction struct {
	ID          int64  `json:"id"`
	WorkspaceID int64  `json:"workspace_id"`
	PlanID      int64  `json:"plan_id"`
	Title       string `json:"title"`
	Status      string `json:"status"`
	Progress    int    `json:"progress"`
	DueDate     string `json:"due_date,omitempty"`
}

// DataMeeting is one meeting the account was invited to, with its answer
// and presence; of the meeting only its title, date and time.
type DataMeeting struct {
	MeetingID   int64  `json:"meeting_id"`
	WorkspaceID int64  `json:"workspace_id"`
	Title       string `json:"title"`
	Date        string `json:"date"`
	StartTime   string `json:"start_time"`
	Answer      string `json:"answer"`
	Presence    string `json:"presence"`
}

// DataSession is one of the account's sessions.
type DataSession struct {
	Browser    string    `json:"browser"`
	StartedAt  time.Time `json:"started_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
}

// DataAudit is one audit line about the account; ByMe says whether the
// account itself did it (who else did is not told).
type DataAudit struct {
	At          time.Time `json:"at"`
	Event       string    `json:"event"`
	Object      string    `json:"object"`
	ObjectID    int64     `json:"object_id"`
	WorkspaceID *int64    `json:"workspace_id,omitempty"`
	ByMe        bool      `json:"by_me"`
}

// DataTwoFactor says whether two-factor is on, never its secret.
type DataTwoFactor struct {
	Enabled       bool       `json:"enabled"`
	Since         *time.Time `json:"since,omitempty"`
	RecoveryCodes int        `json:"recovery_codes_left"`
}

// DataCalendar says when the personal calendar address was made,
// never the address.
type DataCalendar struct {
	CreatedAt time.Time `json:"created_at"`
}

// ExportAccountData gathers the account's data for its owner, and records
// in the audit log that it was downloaded.
func (s *Service) ExportAccountData(ctx context.Context, u *model.User) (*AccountData, error) {
	d := &AccountData{ExportedAt: time.Now().UTC()}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.auditAccount(ctx, tx, u.ID, model.AuditAccountDataDownloaded, "user", u.ID, ""); err != nil {
			return err
		}
		return s.readAccountData(ctx, tx, u.ID, d)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Service) readAccountData(ctx context.Context, db bun.IDB, userID int64, d *AccountData) error {
	u, err := store.User(ctx, db, userID)
	if err != nil {
		return err
	}
	d.Account = DataAccount{ID: u.ID, Name: u.Name, Email: u.Email, PlatformRole: string(u.PlatformRole),
		Language: u.Locale, DisabledAt: u.DisabledAt, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
	if u.Organisation != nil {
		d.Account.Organisation = u.Organisation.Name
	}
	d.TwoFactor = DataTwoFactor{Enabled: u.TwoFactor(), Since: u.TwoFactorAt}
	if d.TwoFactor.RecoveryCodes, err = store.RecoveryCodesLeft(ctx, db, userID); err != nil {
		return err
	}
	members, err := store.MembershipsOfUser(ctx, db, userID)
	if err != nil {
		return err
	}
	d.Memberships = []DataMembership{}
	for _, m := range members {
		r := DataMembership{WorkspaceID: m.WorkspaceID, Role: string(m.Role), Since: m.CreatedAt}
		if m.Workspace != nil {
			r.Workspace = m.Workspace.Name
		}
		d.Memberships = append(d.Memberships, r)
	}
	actions, err := store.ActionsOwnedBy(ctx, db, userID)
	if err != nil {
		return err
	}
	d.Actions = []DataAction{}
	for _, a := range actions {
		d.Actions = append(d.Actions, DataAction{ID: a.ID, WorkspaceID: a.WorkspaceID, PlanID: a.PlanID,
			Title: a.Title, Status: string(a.Status), Progress: a.Progress, DueDate: a.DueDate})
	}
	attendances, err := store.AttendancesOf(ctx, db, userID)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(attendances))
	byMeeting := map[int64]model.Attendee{}
	for _, a := range attendances {
		ids = append(ids, a.MeetingID)
		byMeeting[a.MeetingID] = a
	}
	meetings, err := store.MeetingsByID(ctx, db, ids)
	if err != nil {
		return err
	}
	d.Meetings = []DataMeeting{}
	for _, m := range meetings {
		a := byMeeting[m.ID]
		d.Meetings = append(d.Meetings, DataMeeting{MeetingID: m.ID, WorkspaceID: m.WorkspaceID, Title: m.Title,
			Date: m.Date, StartTime: m.StartTime, Answer: string(a.RSVP), Presence: string(a.Presence)})
	}
	sessions, err := store.UserSessions(ctx, db, userID)
	if err != nil {
		return err
	}
	d.Sessions = []DataSession{}
	for _, ss := range sessions {
		d.Sessions = append(d.Sessions, DataSession{Browser: ss.UserAgent, StartedAt: ss.CreatedAt, LastSeenAt: ss.LastSeenAt})
	}
	audit, err := store.AuditOfUser(ctx, db, userID)
	if err != nil {
		return err
	}
	d.Audit = []DataAudit{}
	for _, e := range audit {
		d.Audit = append(d.Audit, DataAudit{At: e.At, Event: e.Event, Object: e.Object, ObjectID: e.ObjectID,
			WorkspaceID: e.WorkspaceID, ByMe: e.UserID != nil && *e.UserID == userID})
	}
	if tok, err := store.CalendarTokenOf(ctx, db, userID); err == nil {
		d.Calendar = &DataCalendar{CreatedAt: tok.CreatedAt}
	} else if err != store.ErrNotFound {
		return err
	}
	return nil
}
