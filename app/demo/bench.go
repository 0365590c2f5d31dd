package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// Programme benchmark data: as many workspaces as the Netherlands has
// municipalities, each with a plan of 60 actions and 12 meetings, for
// measuring the programme overview (docs/benchmarks.md). Fictional and
// clearly named as such; never for a real deployment.
const (
	BenchMunicipalities = 342
	benchActions        = 60
	benchMeetings       = 12
	benchMembers        = 4
	benchRegions        = 25
)

// SeedProgrammeBench adds n benchmark workspaces ("Benchgemeente 001" …)
// to a database that has the demo data, each with a region, four members,
// a plan of 60 actions of every status on the four pillars, and 12 meetings
// over the year (three of them trainings, with attendance and guests), with
// their change history and some advice. Workspaces already there are left
// alone, so that seeding twice adds nothing.
func SeedProgrammeBench(ctx context.Context, db *bun.DB, n int, hashing password.Params) error {
	hash, err := password.Hash(Password, hashing)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	today := now.In(i18n.Amsterdam())
	reviewer, err := store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example")
	if err != nil {
		return fmt.Errorf("the demo data comes first: %w", err)
	}
	org, err := store.OrganisationByName(ctx, db, "Jeugdhulp De Brug")
	if err != nil {
		return fmt.Errorf("the demo data comes first: %w", err)
	}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("Benchgemeente %03d", i)
		if _, err := store.WorkspaceByName(ctx, db, name); err == nil {
			continue
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			return seedBenchWorkspace(ctx, tx, i, name, hash, org.ID, reviewer.ID, now, today)
		})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// seedBenchWorkspace writes one benchmark workspace with everything in it.
func seedBenchWorkspace(ctx context.Context, tx bun.Tx, i int, name, hash string, orgID, reviewerID int64, now, today time.Time) error {
	regionName := fmt.Sprintf("Benchregio %02d", i%benchRegions+1)
	region, err := store.RegionByName(ctx, tx, regionName)
	if errors.Is(err, store.ErrNotFound) {
		region = &model.Region{Name: regionName, CreatedAt: now}
		err = store.CreateRegion(ctx, tx, region)
	}
	if err != nil {
		return err
	}
	kind := model.WorkspaceMunicipality
	if i%12 == 0 {
		kind = model.WorkspaceNetwork
	}
	w := &model.Workspace{Name: name, Kind: kind, Description: "Voorbeeld voor de meting van het programma-overzicht.", CreatedAt: now, RegionID: &region.ID}
	if err := store.CreateWorkspace(ctx, tx, w); err != nil {
		return err
	}
	users := make([]int64, benchMembers)
	for m := range users {
		u := &model.User{Name: fmt.Sprintf("Lid %d van %s", m+1, name), Email: fmt.Sprintf("lid%d.bench%03d@bench.example", m+1, i),
			PasswordHash: hash, OrganisationID: orgID, Locale: i18n.Default, CreatedAt: now, UpdatedAt: now}
		if err := store.CreateUser(ctx, tx, u); err != nil {
			return err
		}
		role := model.RoleContributor
		if m == 0 {
			role = model.RoleCoordinator
		}
		if err := store.CreateMembership(ctx, tx, &model.Membership{WorkspaceID: w.ID, UserID: u.ID, Role: role, CreatedAt: now}); err != nil {
			return err
		}
		users[m] = u.ID
	}
	p := &model.Plan{WorkspaceID: w.ID, Title: "Plan van aanpak " + name, PeriodStart: fmt.Sprintf("%d-01-01", today.Year()),
		PeriodEnd: fmt.Sprintf("%d-12-31", today.Year()+1), Status: model.PlanAdopted, Framework: model.FrameworkPillars,
		Version: 1, CreatedBy: users[0], CreatedAt: now, UpdatedAt: now}
	if err := store.CreatePlan(ctx, tx, p); err != nil {
		return err
	}
	rights := []string{"3,34", "2,3,19", "12,19", "6,39", "3,12,35", "16,34", ""}
	actions := make([]model.Action, benchActions)
	for a := range actions {
		st := model.ActionStatuses[(a+i)%len(model.ActionStatuses)]
		actions[a] = model.Action{WorkspaceID: w.ID, PlanID: p.ID, Title: fmt.Sprintf("Actie %d van %s", a+1, name),
			Theme: model.PillarThemes[a%len(model.PillarThemes)], Status: st, Progress: st.DefaultProgress(),
			Position: float64(a + 1), Rights: rights[(a+i)%len(rights)], Version: 1, CreatedBy: users[0],
			DueDate: today.AddDate(0, 0, (a*13+i)%240-120).Format(time.DateOnly), CreatedAt: now, UpdatedAt: now}
		if i%50 == 0 {
			// Some plans leave art. 2 uncovered.
			actions[a].Rights = "3,34"
		}
	}
	if _, err := tx.NewInsert().Model(&actions).Exec(ctx); err != nil {
		return err
	}
	meetings := make([]model.Meeting, benchMeetings)
	for m := range meetings {
		kind := model.MeetingKinds[1+m%(len(model.MeetingKinds)-1)]
		if m%4 == 0 {
			kind = model.MeetingTraining
		}
		date := time.Date(today.Year(), time.Month(m+1), 1+i%27, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		meetings[m] = model.Meeting{WorkspaceID: w.ID, Title: fmt.Sprintf("%s %d", kind, m+1), Kind: kind, Date: date,
			StartTime: "10:00", Duration: 120, State: model.MeetingPlanned, PlanID: &p.ID, Version: 1, CreatedBy: users[0],
			CreatedAt: now, UpdatedAt: now}
	}
	if _, err := tx.NewInsert().Model(&meetings).Exec(ctx); err != nil {
		return err
	}
	var attendees []model.Attendee
	var changes []model.Change
	for _, m := range meetings {
		changes = append(changes, model.Change{WorkspaceID: w.ID, Entity: model.EntityMeeting, EntityID: m.ID, Version: 1,
			UserID: users[0], Field: model.FieldCreated, NewValue: m.Title, CreatedAt: now})
		if m.Kind != model.MeetingTraining {
			continue
		}
		for _, u := range users {
			attendees = append(attendees, model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, UserID: &u, RSVP: model.RSVPComing, Presence: model.PresenceHere, CreatedAt: now})
		}
		for g := 1; g <= 3; g++ {
			attendees = append(attendees, model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, GuestName: fmt.Sprintf("Gast %d", g),
				GuestOrganisation: name, RSVP: model.RSVPComing, CreatedAt: now})
		}
	}
	if _, err := tx.NewInsert().Model(&attendees).Exec(ctx); err != nil {
		return err
	}
	for _, a := range actions {
		changes = append(changes, model.Change{WorkspaceID: w.ID, Entity: model.EntityAction, EntityID: a.ID, Version: 1,
			UserID: users[0], Field: model.FieldCreated, NewValue: a.Title, CreatedAt: now})
	}
	if err := store.AddChanges(ctx, tx, changes); err != nil {
		return err
	}
	advice := make([]model.Comment, 3)
	for k := range advice {
		advice[k] = model.Comment{WorkspaceID: w.ID, Subject: model.SubjectPlan, SubjectID: p.ID, Kind: model.CommentAdvice,
			State: model.AdviceStates[(k+i)%len(model.AdviceStates)], Body: "Advies bij het plan.", AuthorID: reviewerID,
			Version: 1, CreatedAt: now, UpdatedAt: now}
	}
	_, err = tx.NewInsert().Model(&advice).Exec(ctx)
	return err
}
