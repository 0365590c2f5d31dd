package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// progressFixture builds a plan's history through the service, then moves
// every change to the moment the story below gives it, as if it had been
// made then.
type progressFixture struct {
	*fixture
	plan *model.Plan
}

// backdate moves the changes of an action that produced version to when
// (Dutch time, "2006-01-02 15:04").
func (f *progressFixture) backdate(t *testing.T, a *model.Action, version int, when string) {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", when, i18n.Amsterdam())
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.db.NewUpdate().Model((*model.Change)(nil)).Set("created_at = ?", at.UTC()).
		Where("entity = ?", model.EntityAction).Where("entity_id = ?", a.ID).Where("version = ?", version).Exec(context.Background())
	if n, _ := res.RowsAffected(); err != nil || n == 0 {
		t.Fatalf("backdate version %d of %q: %v (%d rows)", version, a.Title, err, n)
	}
}

func (f *progressFixture) status(t *testing.T, a *model.Action, st model.ActionStatus, when string) {
	t.Helper()
	cur, err := store.Action(context.Background(), f.db, f.ws, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := f.svc.UpdateActionField(context.Background(), f.anna, f.ws, a.ID, "status", string(st), cur.Version)
	if err != nil {
		t.Fatal(err)
	}
	f.backdate(t, a, saved.Version, when)
}

func (f *progressFixture) create(t *testing.T, title, when string) *model.Action {
	t.Helper()
	a, err := f.svc.CreateAction(context.Background(), f.anna, f.ws, f.plan.ID, service.ActionInput{Title: title, Theme: model.ThemePrevention})
	if err != nil {
		t.Fatal(err)
	}
	f.backdate(t, a, 1, when)
	return a
}

func (f *progressFixture) deleted(t *testing.T, a *model.Action, deleted bool, when string) {
	t.Helper()
	var err error
	var saved *model.Action
	if deleted {
		saved, err = f.svc.DeleteAction(context.Background(), f.anna, f.ws, a.ID)
	} else {
		saved, err = f.svc.RestoreAction(context.Background(), f.anna, f.ws, a.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
	f.backdate(t, a, saved.Version, when)
}

func TestPlanProgress(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := &progressFixture{fixture: setup(t, db)}
		ctx := context.Background()
		var err error
		f.plan, err = f.svc.CreatePlan(ctx, f.anna, f.ws, service.PlanInput{Title: "Plan 2025", PeriodStart: "2025-01-01", PeriodEnd: "2025-12-31", Framework: model.FrameworkPillars})
		if err != nil {
			t.Fatal(err)
		}
		// The story of the plan, month by month.
		a := f.create(t, "Voorlichting", "2025-01-10 09:00")
		f.status(t, a, model.ActionInProgress, "2025-02-05 10:00")
		f.status(t, a, model.ActionDone, "2025-03-20 10:00")
		reopened := f.create(t, "Heropend", "2025-01-20 09:00")
		f.status(t, reopened, model.ActionDone, "2025-02-10 10:00")
		f.status(t, reopened, model.ActionInProgress, "2025-04-02 10:00")
		dropped := f.create(t, "Vervallen", "2025-01-05 09:00")
		f.status(t, dropped, model.ActionDropped, "2025-03-01 08:00")
		f.create(t, "Halverwege maart", "2025-03-15 12:00")
		gone := f.create(t, "Verwijderd", "2025-02-01 09:00")
		f.deleted(t, gone, true, "2025-05-10 10:00")
		// Half past midnight on 1 May in the Netherlands is still 30 April
		// in UTC: the action counts from May.
		f.create(t, "Eerste mei", "2025-05-01 00:30")
		back := f.create(t, "Teruggezet", "2025-06-03 09:00")
		f.deleted(t, back, true, "2025-06-20 10:00")
		f.deleted(t, back, false, "2025-08-05 10:00")
		// An action of the workspace's other plan counts nowhere here.
		other := f.create(t, "Ander plan", "2025-01-02 09:00")
		if _, err := db.NewUpdate().Model((*model.Action)(nil)).Set("plan_id = ?", f.fixture.plan.ID).Where("id = ?", other.ID).Exec(ctx); err != nil {
			t.Fatal(err)
		}

		// Hand-counted, at the end of each month.
		want := map[string][2]int{ // month → planned, done
			"2025-01": {3, 0}, // Voorlichting, Heropend, Vervallen
			"2025-02": {4, 1}, // + Verwijderd; Heropend done
			"2025-03": {4, 2}, // Vervallen dropped, + Halverwege maart; Voorlichting done
			"2025-04": {4, 1}, // Heropend reopened
			"2025-05": {4, 1}, // Verwijderd deleted, + Eerste mei
			"2025-06": {4, 1}, // Teruggezet made and deleted
			"2025-07": {4, 1},
			"2025-08": {5, 1}, // Teruggezet restored
			"2025-12": {5, 1},
		}
		for _, who := range []*model.User{f.anna, f.yousef} {
			p, err := f.svc.PlanProgress(ctx, who, f.ws, f.plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !p.HasActions || len(p.Months) < 12 || p.Months[0].Month.Format("2006-01") != "2025-01" {
				t.Fatalf("months from %v, %d of them", p.Months[0].Month, len(p.Months))
			}
			for _, m := range p.Months {
				if w, ok := want[m.Month.Format("2006-01")]; ok && (m.Planned != w[0] || m.Done != w[1]) {
					t.Errorf("%s: %d planned, %d done; want %d, %d", m.Month.Format("2006-01"), m.Planned, m.Done, w[0], w[1])
				}
			}
			// The latest month is the plan page's: actions not dropped, and
			// those done.
			last := p.Latest()
			if now := time.Now().In(i18n.Amsterdam()).Format("2006-01"); last.Month.Format("2006-01") != now {
				t.Errorf("the series ends in %s, not this month (%s)", last.Month.Format("2006-01"), now)
			}
			board, err := f.svc.Board(ctx, who, f.ws, f.plan.ID, service.ActionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			planned, done := 0, 0
			for _, g := range board.Themes {
				for _, a := range g.Actions {
					if a.Status.Counts() {
						planned++
					}
					if a.Status == model.ActionDone {
						done++
					}
				}
			}
			if last.Planned != planned || last.Done != done || planned != 5 || done != 1 {
				t.Errorf("this month %d planned, %d done; the plan page %d, %d", last.Planned, last.Done, planned, done)
			}
		}

		t.Run("a plan without actions is an empty series, not an error", func(t *testing.T) {
			empty, err := f.svc.CreatePlan(ctx, f.anna, f.ws, service.PlanInput{Title: "Leeg", Framework: model.FrameworkVNG})
			if err != nil {
				t.Fatal(err)
			}
			p, err := f.svc.PlanProgress(ctx, f.anna, f.ws, empty.ID)
			if err != nil || p.HasActions || len(p.Months) != 1 || p.Latest().Planned != 0 {
				t.Fatalf("%+v, %v", p, err)
			}
		})
		t.Run("another workspace's plan is not found", func(t *testing.T) {
			if _, err := f.svc.PlanProgress(ctx, f.anna, f.other, f.plan.ID); status(err) != 404 {
				t.Fatalf("in a workspace she is not in: %v", err)
			}
			if _, err := f.svc.PlanProgress(ctx, f.pieter, f.other, f.plan.ID); status(err) != 404 {
				t.Fatalf("Havenstad's plan in Lindendal: %v", err)
			}
		})
	})
}
