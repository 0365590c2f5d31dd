package service_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// programmeFixture writes rows straight into the database, so that the
// overview's arithmetic is checked against figures worked out by hand.
type programmeFixture struct {
	t   *testing.T
	db  *bun.DB
	ctx context.Context
	by  int64
}

func (p *programmeFixture) insert(rows any) {
	p.t.Helper()
	if _, err := p.db.NewInsert().Model(rows).Exec(p.ctx); err != nil {
		p.t.Fatal(err)
	}
}

func (p *programmeFixture) workspace(name string, kind model.WorkspaceKind) *model.Workspace {
	p.t.Helper()
	w := &model.Workspace{Name: name, Kind: kind, CreatedAt: time.Now()}
	if err := store.CreateWorkspace(p.ctx, p.db, w); err != nil {
		p.t.Fatal(err)
	}
	return w
}

func (p *programmeFixture) plan(w *model.Workspace, start string, st model.PlanStatus) *model.Plan {
	p.t.Helper()
	now := time.Now()
	pl := &model.Plan{WorkspaceID: w.ID, Title: "Plan " + start, PeriodStart: start, Status: st, Framework: model.FrameworkPillars,
		Version: 1, CreatedBy: p.by, CreatedAt: now, UpdatedAt: now}
	if err := store.CreatePlan(p.ctx, p.db, pl); err != nil {
		p.t.Fatal(err)
	}
	return pl
}

func (p *programmeFixture) meeting(w *model.Workspace, kind model.MeetingKind, date string, deleted bool) *model.Meeting {
	p.t.Helper()
	now := time.Now()
	m := &model.Meeting{WorkspaceID: w.ID, Title: string(kind) + " " + date, Kind: kind, Date: date, StartTime: "10:00",
		Duration: 60, State: model.MeetingPlanned, Version: 1, CreatedBy: p.by, CreatedAt: now, UpdatedAt: now}
	if deleted {
		m.DeletedAt = &now
	}
	if err := store.CreateMeeting(p.ctx, p.db, m); err != nil {
		p.t.Fatal(err)
	}
	return m
}

func newProgrammeFixture(t *testing.T, db *bun.DB) (*programmeFixture, *fixture) {
	f := setup(t, db)
	return &programmeFixture{t: t, db: db, ctx: context.Background(), by: f.anna.ID}, f
}

// TestProgrammeRowsAgainstHandFigures checks one workspace's line of the
// overview against figures worked out by hand, and against the plan page's
// own roll-up, filters and coverage.
func TestProgrammeRowsAgainstHandFigures(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		p, f := newProgrammeFixture(t, db)
		ctx := p.ctx
		w := p.workspace("Toetsgemeente", model.WorkspaceMunicipality)
		p.plan(w, "2024-01-01", model.PlanAdopted)
		current := p.plan(w, "2026-01-01", model.PlanDraft)
		p.plan(w, "2027-01-01", model.PlanFinished) // newest, but finished: not the current plan
		now := time.Now()
		actions := []model.Action{
			{Status: model.ActionPlanned, Progress: 0, DueDate: "2020-01-01", Rights: "2,34"},
			{Status: model.ActionInProgress, Progress: 50, DueDate: "2020-06-01", Rights: "3"},
			{Status: model.ActionDone, Progress: 100, DueDate: "2020-01-01", Rights: "12"},
			{Status: model.ActionBlocked, Progress: 25, Rights: ""},
			{Status: model.ActionDropped, Progress: 80, DueDate: "2020-01-01", Rights: "6"},
			{Status: model.ActionInProgress, Progress: 33, DueDate: "2999-01-01", Rights: "2,3"},
			{Status: model.ActionDone, Progress: 100, Rights: "6", DeletedAt: &now},
		}
		for i := range actions {
			a := &actions[i]
			a.WorkspaceID, a.PlanID, a.Title, a.Theme, a.Position = w.ID, current.ID, "Actie", model.PillarThemes[i%4], float64(i+1)
			a.Version, a.CreatedBy, a.CreatedAt, a.UpdatedAt = 1, p.by, now, now
		}
		p.insert(&actions)
		// Trainings held this year: on 1 January and today count; tomorrow,
		// last year, a case conference and a deleted training do not.
		today := service.Today()
		y := service.CurrentYear()
		tomorrow := time.Now().In(time.UTC).AddDate(0, 0, 1).Format(time.DateOnly)
		if tomorrow <= today {
			tomorrow = today[:8] + "31" // never a date this test meets
		}
		p.meeting(w, model.MeetingTraining, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), false)
		p.meeting(w, model.MeetingTraining, today, false)
		p.meeting(w, model.MeetingTraining, tomorrow, false)
		p.meeting(w, model.MeetingTraining, time.Date(y-1, 12, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), false)
		p.meeting(w, model.MeetingCaseConf, today, false)
		p.meeting(w, model.MeetingTraining, today, true)
		// Open advice, as the workspace's list of advice shows it: two on the
		// plan and one on a meeting; not an answered one, a remark, a
		// deleted one, a reply, nor one on a deleted action or meeting.
		caseConf := p.meeting(w, model.MeetingCaseConf, "2025-05-05", false)
		gone := p.meeting(w, model.MeetingCaseConf, "2025-05-06", true)
		advice := []model.Comment{
			{Kind: model.CommentAdvice, State: model.AdviceOpen},
			{Kind: model.CommentAdvice, State: model.AdviceOpen},
			{Kind: model.CommentAdvice, State: model.AdviceOpen, Subject: model.SubjectMeeting, SubjectID: caseConf.ID},
			{Kind: model.CommentAdvice, State: model.AdviceAnswered},
			{Kind: model.CommentRemark, State: model.AdviceNone},
			{Kind: model.CommentAdvice, State: model.AdviceOpen, DeletedAt: &now},
			{Kind: model.CommentAdvice, State: model.AdviceOpen, Subject: model.SubjectAction, SubjectID: actions[6].ID},
			{Kind: model.CommentAdvice, State: model.AdviceOpen, Subject: model.SubjectMeeting, SubjectID: gone.ID},
		}
		for i := range advice {
			c := &advice[i]
			if c.Subject == "" {
				c.Subject, c.SubjectID = model.SubjectPlan, current.ID
			}
			c.WorkspaceID, c.Body, c.AuthorID, c.Version, c.CreatedAt, c.UpdatedAt = w.ID, "Advies", p.by, 1, now, now
		}
		p.insert(&advice)
		reply := model.Comment{WorkspaceID: w.ID, Subject: model.SubjectPlan, SubjectID: current.ID, ParentID: &advice[0].ID,
			Kind: model.CommentAdvice, State: model.AdviceOpen, Body: "Antwoord", AuthorID: p.by, Version: 1, CreatedAt: now, UpdatedAt: now}
		p.insert(&reply)
		// A network with no plan, whose last activity is a change of
		// 4 March 2025, after its last meeting.
		n := p.workspace("Toetsnetwerk", model.WorkspaceNetwork)
		p.meeting(n, model.MeetingNetwork, "2025-02-01", false)
		p.insert(&model.Change{WorkspaceID: n.ID, Entity: model.EntityMeeting, EntityID: 1, Version: 1, UserID: p.by,
			Field: "title", CreatedAt: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)})

		o, err := f.svc.ProgrammeOverview(ctx, f.mo, y, service.ProgrammeFilter{}, service.ProgrammeSort{})
		if status(err) != 403 {
			// Mo is a member of workspaces of the demo, not of these two.
			for _, r := range o.Rows {
				if r.WorkspaceID == w.ID || r.WorkspaceID == n.ID {
					t.Fatalf("a member sees %s, which is not theirs", r.Name)
				}
			}
		}
		reviewer, err := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
		if err != nil {
			t.Fatal(err)
		}
		o, err = f.svc.ProgrammeOverview(ctx, reviewer, y, service.ProgrammeFilter{}, service.ProgrammeSort{})
		if err != nil {
			t.Fatal(err)
		}
		row, net := findRow(t, o, w.ID), findRow(t, o, n.ID)
		want := struct {
			plan                                  int64
			progress, actions, overdue, trainings int
			statuses                              map[model.ActionStatus]int
			served                                map[model.Right]int
			uncovered                             []model.Right
			advice                                int
			activity                              string
		}{
			current.ID, (0 + 50 + 100 + 25 + 33 + 2) / 5, 6, 2, 2,
			map[model.ActionStatus]int{model.ActionPlanned: 1, model.ActionInProgress: 2, model.ActionDone: 1, model.ActionBlocked: 1, model.ActionDropped: 1},
			map[model.Right]int{2: 2, 3: 2, 12: 1}, []model.Right{6}, 3, today,
		}
		if row.Plan == nil || row.Plan.ID != want.plan {
			t.Fatalf("current plan %+v, want %d", row.Plan, want.plan)
		}
		checks := []struct {
			name      string
			got, want any
		}{
			{"progress", row.Progress, want.progress},
			{"actions", row.Actions, want.actions},
			{"overdue", row.Overdue, want.overdue},
			{"trainings", row.Trainings, want.trainings},
			{"statuses", row.Statuses, want.statuses},
			{"served", row.Served, want.served},
			{"uncovered", row.Uncovered, want.uncovered},
			{"covered", row.Covered(), 3},
			{"open advice", row.OpenAdvice, want.advice},
			{"last activity", row.LastActivity, want.activity},
			{"network without plan", net.Plan, (*model.Plan)(nil)},
			{"network's coverage", net.Covered(), -1},
			{"network's last activity", net.LastActivity, "2025-03-04"},
			{"network's trainings", net.Trainings, 0},
		}
		for _, c := range checks {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
			}
		}
		// The plan page's way: its board's roll-up, its filters, and the
		// coverage of its actions.
		board, err := f.svc.Board(ctx, reviewer, w.ID, current.ID, service.ActionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if board.Progress != row.Progress || board.Total != row.Actions {
			t.Errorf("plan page: progress %d of %d actions, overview %d of %d", board.Progress, board.Total, row.Progress, row.Actions)
		}
		for _, st := range model.ActionStatuses {
			b, _ := f.svc.Board(ctx, reviewer, w.ID, current.ID, service.ActionFilter{Status: st})
			if b.Shown != row.Statuses[st] {
				t.Errorf("plan page filtered on %s shows %d, overview %d", st, b.Shown, row.Statuses[st])
			}
		}
		b, _ := f.svc.Board(ctx, reviewer, w.ID, current.ID, service.ActionFilter{Overdue: true})
		if b.Shown != row.Overdue {
			t.Errorf("plan page filtered on overdue shows %d, overview %d", b.Shown, row.Overdue)
		}
		stored, err := store.Actions(ctx, db, w.ID, current.ID)
		if err != nil {
			t.Fatal(err)
		}
		cov := service.CoverageOf(current.Framework.Themes(), stored)
		if !reflect.DeepEqual(cov.Uncovered, row.Uncovered) {
			t.Errorf("CoverageOf leaves %v uncovered, overview %v", cov.Uncovered, row.Uncovered)
		}
		for _, r := range model.GeneralPrinciples {
			if cov.PerRight[r].Total() != row.Served[r] {
				t.Errorf("art. %d: CoverageOf %d, overview %d", r, cov.PerRight[r].Total(), row.Served[r])
			}
		}
	})
}

func findRow(t *testing.T, o *service.ProgrammeOverview, id int64) *service.ProgrammeRow {
	t.Helper()
	for i := range o.Rows {
		if o.Rows[i].WorkspaceID == id {
			return &o.Rows[i]
		}
	}
	t.Fatalf("workspace %d is not on the overview", id)
	return nil
}

// TestProgrammeReachAgainstHandFigures counts a programme year's reach in
// a fixture worked out by hand: who counts, and each person once.
func TestProgrammeReachAgainstHandFigures(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		p, f := newProgrammeFixture(t, db)
		ctx := p.ctx
		reviewer, _ := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
		if _, err := f.svc.SaveProgrammeYear(ctx, reviewer, service.ProgrammeYearInput{Year: "2021", Municipalities: "2", Professionals: "10"}); err != nil {
			t.Fatal(err)
		}
		m1 := p.workspace("Toets Een", model.WorkspaceMunicipality)
		m2 := p.workspace("Toets Twee", model.WorkspaceMunicipality)
		m3 := p.workspace("Toets Drie", model.WorkspaceMunicipality)
		n1 := p.workspace("Toets Netwerk", model.WorkspaceNetwork)
		u1, u2, u3, u4, u5 := f.anna.ID, f.mo.ID, f.sanne.ID, f.yousef.ID, f.pieter.ID
		attend := func(m *model.Meeting, user *int64, guest, org string, rsvp model.RSVP, presence model.Presence) {
			p.insert(&model.Attendee{WorkspaceID: m.WorkspaceID, MeetingID: m.ID, UserID: user, GuestName: guest,
				GuestOrganisation: org, RSVP: rsvp, Presence: presence, CreatedAt: time.Now()})
		}
		// Presence taken: the present member and guest count, the absent one not.
		t1 := p.meeting(m1, model.MeetingTraining, "2021-03-01", false)
		attend(t1, &u1, "", "", model.RSVPComing, model.PresenceHere)
		attend(t1, &u2, "", "", model.RSVPComing, model.PresenceAbsent)
		attend(t1, nil, "Ans de Wit", "GGD", model.RSVPNone, model.PresenceHere)
		// Presence not taken: those who said they would come count; u1 and
		// the same guest (other spaces and capitals) once.
		t2 := p.meeting(m1, model.MeetingTraining, "2021-09-01", false)
		attend(t2, &u1, "", "", model.RSVPComing, model.PresenceUnknown)
		attend(t2, &u3, "", "", model.RSVPComing, model.PresenceUnknown)
		attend(t2, &u4, "", "", model.RSVPDeclined, model.PresenceUnknown)
		attend(t2, &u2, "", "", model.RSVPNone, model.PresenceUnknown)
		attend(t2, nil, " ans  de WIT ", "ggd", model.RSVPComing, model.PresenceUnknown)
		// Not in the year's reach: a case conference, a deleted training,
		// trainings of the years before and after.
		c := p.meeting(m2, model.MeetingCaseConf, "2021-05-01", false)
		attend(c, &u4, "", "", model.RSVPComing, model.PresenceHere)
		d := p.meeting(m2, model.MeetingTraining, "2021-06-01", true)
		attend(d, &u4, "", "", model.RSVPComing, model.PresenceHere)
		p.meeting(m2, model.MeetingTraining, "2022-01-05", false)
		p.meeting(m3, model.MeetingTraining, "2020-12-31", false)
		// A network's training counts for the network.
		t3 := p.meeting(n1, model.MeetingTraining, "2021-10-10", false)
		attend(t3, &u5, "", "", model.RSVPComing, model.PresenceHere)

		r, err := f.svc.ProgrammeReach(ctx, reviewer, 2021)
		if err != nil {
			t.Fatal(err)
		}
		names := func(list []service.TrainedWorkspace) []string {
			var out []string
			for _, w := range list {
				out = append(out, w.Name+":"+itoa(int64(w.Trainings)))
			}
			return out
		}
		checks := []struct {
			name      string
			got, want any
		}{
			{"municipalities", names(r.Municipalities), []string{"Toets Een:2"}},
			{"networks", names(r.Networks), []string{"Toets Netwerk:1"}},
			{"members trained (u1, u3, u5)", r.Members, 3},
			{"guests trained (Ans de Wit once)", r.Guests, 1},
			{"professionals", r.Professionals, 4},
			{"target", r.Programme.TargetMunicipalities, 2},
			{"networks without target", r.Programme.TargetNetworks, 0},
		}
		for _, c := range checks {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
			}
		}
		if _, err := f.svc.ProgrammeReach(ctx, reviewer, 2019); status(err) != 404 {
			t.Errorf("a year without a programme: %v, want 404", err)
		}
		if _, err := f.svc.ProgrammeReach(ctx, f.anna, 2021); status(err) != 403 {
			t.Errorf("a coordinator asks the reach: %v, want 403", err)
		}
	})
}

// TestProgrammeYearTargets sets targets as Defence for Children would, and
// refuses what is no target, with a message on the field.
func TestProgrammeYearTargets(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		_, f := newProgrammeFixture(t, db)
		ctx := context.Background()
		reviewer, _ := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
		admin, _ := store.UserByEmail(ctx, db, "beheer@schakel.example")
		tests := []struct {
			name  string
			who   *model.User
			in    service.ProgrammeYearInput
			want  int
			field string
		}{
			{"a year with one target", reviewer, service.ProgrammeYearInput{Year: "2030", Municipalities: "5"}, 200, ""},
			{"its follow-up", admin, service.ProgrammeYearInput{Year: "2031", Municipalities: " 6 ", Networks: "2", Professionals: "120", FollowUpOf: "2030"}, 200, ""},
			{"changed targets", reviewer, service.ProgrammeYearInput{Year: "2030", Municipalities: "7"}, 200, ""},
			{"zero", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "0"}, 422, "municipalities"},
			{"negative", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "-5"}, 422, "municipalities"},
			{"a fraction", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "5", Networks: "1.5"}, 422, "networks"},
			{"a word", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "5", Professionals: "veel"}, 422, "professionals"},
			{"no municipalities target", reviewer, service.ProgrammeYearInput{Year: "2032"}, 422, "municipalities"},
			{"too large", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "99999999999"}, 422, "municipalities"},
			{"no year", reviewer, service.ProgrammeYearInput{Municipalities: "5"}, 422, "year"},
			{"a year out of range", reviewer, service.ProgrammeYearInput{Year: "12023", Municipalities: "5"}, 422, "year"},
			{"follow-up of a year that is not there", reviewer, service.ProgrammeYearInput{Year: "2032", Municipalities: "5", FollowUpOf: "2029"}, 422, "follow_up_of"},
			{"follow-up of a later year", reviewer, service.ProgrammeYearInput{Year: "2029", Municipalities: "5", FollowUpOf: "2030"}, 422, "follow_up_of"},
			{"a coordinator", f.anna, service.ProgrammeYearInput{Year: "2033", Municipalities: "5"}, 403, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := f.svc.SaveProgrammeYear(ctx, tt.who, tt.in)
				if got := status(err); got != tt.want {
					t.Fatalf("status %d, want %d (%v)", got, tt.want, err)
				}
				if tt.field != "" {
					if e, _ := asAppErr(err); e == nil || e.Fields[tt.field] == "" {
						t.Fatalf("no message on %s: %v", tt.field, err)
					}
				}
			})
		}
		years, err := f.svc.ProgrammeYears(ctx, reviewer)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, y := range years {
			s := itoa(int64(y.Year)) + ":" + itoa(int64(y.TargetMunicipalities)) + "/" + itoa(int64(y.TargetNetworks)) + "/" + itoa(int64(y.TargetProfessionals))
			if y.FollowUpOf != nil {
				s += "<" + itoa(int64(*y.FollowUpOf))
			}
			got = append(got, s)
		}
		// The demo's years come after: 2023, its follow-up 2024, this year.
		if len(got) < 2 || got[0] != "2031:6/2/120<2030" || got[1] != "2030:7/0/0" {
			t.Fatalf("programme years %v", got)
		}
		// Each target saved is in the audit log, with who set it; the
		// refused ones are not.
		n, err := db.NewSelect().Model((*model.AuditEntry)(nil)).Where("event = ?", model.AuditProgrammeYearSave).Count(ctx)
		if err != nil || n != 3 {
			t.Fatalf("%d audit lines of saved targets (%v), want 3", n, err)
		}
	})
}

func asAppErr(err error) (*apperr.Error, bool) { return apperr.As(err) }

// TestProgrammeOverviewScope gives each person the workspaces the overview
// is theirs for: every workspace to a reviewer, one's own to a member,
// nothing to a guest.
func TestProgrammeOverviewScope(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		_, f := newProgrammeFixture(t, db)
		ctx := context.Background()
		reviewer, _ := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
		guest := &model.User{Name: "Gast", Email: "gast@toets.example", OrganisationID: f.anna.OrganisationID, CreatedAt: time.Now(), UpdatedAt: time.Now()}
		if err := store.CreateUser(ctx, db, guest); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateMembership(ctx, db, &model.Membership{WorkspaceID: f.ws, UserID: guest.ID, Role: model.RoleGuest, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Authz.Reload(); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name   string
			who    *model.User
			filter service.ProgrammeFilter
			want   []string
			status int
		}{
			{"reviewer", reviewer, service.ProgrammeFilter{}, []string{"Bergvliet", "Havenstad", "Lindendal", "Regio Lindendal", "Rietveen", "Waterzande"}, 200},
			{"reviewer, networks", reviewer, service.ProgrammeFilter{Kind: model.WorkspaceNetwork}, []string{"Regio Lindendal"}, 200},
			{"coordinator of Havenstad", f.anna, service.ProgrammeFilter{}, []string{"Havenstad"}, 200},
			{"coordinator of Lindendal and its network", f.pieter, service.ProgrammeFilter{}, []string{"Lindendal", "Regio Lindendal"}, 200},
			{"editor and contributor elsewhere", f.mo, service.ProgrammeFilter{}, []string{"Havenstad", "Lindendal", "Waterzande"}, 200},
			{"guest", guest, service.ProgrammeFilter{}, nil, 403},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				o, err := f.svc.ProgrammeOverview(ctx, tt.who, 2026, tt.filter, service.ProgrammeSort{Column: "name"})
				if status(err) != tt.status {
					t.Fatalf("status %d, want %d", status(err), tt.status)
				}
				if err != nil {
					return
				}
				var got []string
				for _, r := range o.Rows {
					got = append(got, r.Name)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("rows %v, want %v", got, tt.want)
				}
				if o.All != (tt.who == reviewer) {
					t.Fatalf("All = %v", o.All)
				}
			})
		}
	})
}

// TestSortProgramme orders rows by each kind of column, rows without a
// plan last on the plan's columns, ties by name.
func TestSortProgramme(t *testing.T) {
	plan := &model.Plan{ID: 1}
	rows := func() []service.ProgrammeRow {
		return []service.ProgrammeRow{
			{WorkspaceID: 1, Name: "Bergvliet", Region: "Lindendal", Plan: plan, Progress: 40, Trainings: 1, LastActivity: "2026-01-02"},
			{WorkspaceID: 2, Name: "Aalten", Region: "Kustland", Progress: 0, Trainings: 3, LastActivity: ""},
			{WorkspaceID: 3, Name: "Cadzand", Region: "Kustland", Plan: plan, Progress: 40, Trainings: 0, LastActivity: "2026-03-01", Uncovered: []model.Right{2, 3}},
			{WorkspaceID: 4, Name: "Delft", Region: "Haaglanden", Plan: plan, Progress: 90, Trainings: 1, LastActivity: "2025-12-31", Uncovered: []model.Right{2}},
		}
	}
	tests := []struct {
		sort service.ProgrammeSort
		want string
	}{
		{service.ProgrammeSort{Column: "name"}, "Aalten Bergvliet Cadzand Delft"},
		{service.ProgrammeSort{Column: "name", Desc: true}, "Delft Cadzand Bergvliet Aalten"},
		{service.ProgrammeSort{Column: "region"}, "Delft Aalten Cadzand Bergvliet"},
		{service.ProgrammeSort{Column: "progress", Desc: true}, "Delft Bergvliet Cadzand Aalten"},
		{service.ProgrammeSort{Column: "progress"}, "Bergvliet Cadzand Delft Aalten"},
		{service.ProgrammeSort{Column: "trainings", Desc: true}, "Aalten Bergvliet Delft Cadzand"},
		{service.ProgrammeSort{Column: "activity", Desc: true}, "Cadzand Bergvliet Delft Aalten"},
		{service.ProgrammeSort{Column: "coverage"}, "Cadzand Delft Bergvliet Aalten"},
		{service.ProgrammeSort{Column: "no-such-column"}, "Aalten Bergvliet Cadzand Delft"},
	}
	for _, tt := range tests {
		t.Run(tt.sort.Column, func(t *testing.T) {
			r := rows()
			service.SortProgramme(r, tt.sort)
			var got []string
			for _, row := range r {
				got = append(got, row.Name)
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Fatalf("got %s, want %s", s, tt.want)
			}
		})
	}
}

// TestProgrammeTalliesFollowEveryChange reads the overview after each kind
// of change to an action: the tallies it keeps between reads never show
// an action as it was. The plan page's roll-up is asked each time too.
func TestProgrammeTalliesFollowEveryChange(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		_, f := newProgrammeFixture(t, db)
		ctx := context.Background()
		reviewer, _ := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
		// f.plan (2027) is Havenstad's current plan: the newest that is not finished.
		row := func() *service.ProgrammeRow {
			t.Helper()
			o, err := f.svc.ProgrammeOverview(ctx, reviewer, 2026, service.ProgrammeFilter{}, service.ProgrammeSort{})
			if err != nil {
				t.Fatal(err)
			}
			r := findRow(t, o, f.ws)
			if r.Plan == nil || r.Plan.ID != f.plan.ID {
				t.Fatalf("current plan %+v, want %d", r.Plan, f.plan.ID)
			}
			b, err := f.svc.Board(ctx, reviewer, f.ws, f.plan.ID, service.ActionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if b.Progress != r.Progress || b.Total != r.Actions {
				t.Fatalf("plan page %d%% of %d, overview %d%% of %d", b.Progress, b.Total, r.Progress, r.Actions)
			}
			return r
		}
		a := f.action(t, "Eerste actie", model.ThemePrevention)
		set := func(field, value string) {
			t.Helper()
			cur, err := store.Action(ctx, db, f.ws, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, field, value, cur.Version); err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			name   string
			change func()
			check  func(r *service.ProgrammeRow) bool
		}{
			{"added", func() {}, func(r *service.ProgrammeRow) bool { return r.Actions == 1 && r.Statuses[model.ActionPlanned] == 1 }},
			{"in progress", func() { set("status", "bezig") }, func(r *service.ProgrammeRow) bool {
				return r.Statuses[model.ActionInProgress] == 1 && r.Progress == 50
			}},
			{"progress", func() { set("progress", "70") }, func(r *service.ProgrammeRow) bool { return r.Progress == 70 }},
			{"overdue", func() { set("due_date", "2020-02-02") }, func(r *service.ProgrammeRow) bool { return r.Overdue == 1 }},
			{"serves art. 2, 3, 6 and 12", func() { set("rights", "2,3,6,12") }, func(r *service.ProgrammeRow) bool { return len(r.Uncovered) == 0 }},
			{"deleted", func() {
				if _, err := f.svc.DeleteAction(ctx, f.anna, f.ws, a.ID); err != nil {
					t.Fatal(err)
				}
			}, func(r *service.ProgrammeRow) bool { return r.Actions == 0 && len(r.Uncovered) == 4 }},
			{"restored", func() {
				if _, err := f.svc.RestoreAction(ctx, f.anna, f.ws, a.ID); err != nil {
					t.Fatal(err)
				}
			}, func(r *service.ProgrammeRow) bool { return r.Actions == 1 && r.Overdue == 1 && len(r.Uncovered) == 0 }},
		}
		for _, st := range steps {
			st.change()
			if r := row(); !st.check(r) {
				t.Fatalf("%s: the overview shows %d actions, %d%%, statuses %v, %d overdue, uncovered %v",
					st.name, r.Actions, r.Progress, r.Statuses, r.Overdue, r.Uncovered)
			}
		}
	})
}
