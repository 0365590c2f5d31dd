package service_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// recorder keeps the events published, to check that only committed
// changes are announced.
type recorder struct {
	mu     sync.Mutex
	events []realtime.Event
}

func (r *recorder) Publish(_ context.Context, ev realtime.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
}

func (r *recorder) take() []realtime.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	ev := r.events
	r.events = nil
	return ev
}

type fixture struct {
	svc    *service.Service
	events *recorder
	db     *bun.DB
	ws     int64
	other  int64 // a workspace the users below are not in
	plan   *model.Plan
	anna   *model.User // coordinator
	mo     *model.User // editor
	sanne  *model.User // contributor
	yousef *model.User // viewer
	pieter *model.User // coordinator elsewhere
}

func setup(t *testing.T, db *bun.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	if err := demo.Seed(ctx, db, testkit.FastHashing); err != nil {
		t.Fatal(err)
	}
	az, err := authz.New(db)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{events: &recorder{}, db: db}
	f.svc = service.New(db, az, f.events)
	user := func(email string) *model.User {
		u, err := store.UserByEmail(ctx, db, email)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	f.anna = user("anna.devries@havenstad.example")
	f.mo = user("mo.bakker@veiligthuis-kustland.example")
	f.sanne = user("sanne.jansen@politie-kustland.example")
	f.yousef = user("youssef.elamrani@jeugdbescherming-kustland.example")
	f.pieter = user("pieter.smit@lindendal.example")
	ws, _ := store.WorkspaceByName(ctx, db, "Havenstad")
	other, _ := store.WorkspaceByName(ctx, db, "Lindendal")
	f.ws, f.other = ws.ID, other.ID
	f.plan, err = f.svc.CreatePlan(ctx, f.anna, f.ws, service.PlanInput{Title: "Plan van aanpak 2027", PeriodStart: "2027-01-01", PeriodEnd: "2027-12-31", Framework: model.FrameworkPillars})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) action(t *testing.T, title string, theme model.Theme) *model.Action {
	t.Helper()
	a, err := f.svc.CreateAction(context.Background(), f.anna, f.ws, f.plan.ID, service.ActionInput{Title: title, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func status(err error) int {
	var c *service.Conflict
	if errors.As(err, &c) {
		return http.StatusConflict
	}
	if e, ok := apperr.As(err); ok {
		return e.Status
	}
	if err != nil {
		return http.StatusInternalServerError
	}
	return http.StatusOK
}

func TestUpdateActionFieldValidates(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Training signalen herkennen voor jongerenwerkers", model.ThemeSignalling)
		f.events.take()
		tests := []struct {
			name, field, value string
			want               int
			stored             string
		}{
			{"title", "title", "Training voor jongerenwerkers en wijkagenten", 200, "Training voor jongerenwerkers en wijkagenten"},
			{"empty title", "title", "   ", 422, ""},
			{"100 kB title", "title", strings.Repeat("t", 100000), 422, ""},
			{"HTML is kept as text", "title", "<script>alert(1)</script>", 200, "<script>alert(1)</script>"},
			{"theme of the plan", "theme", "zorg", 200, "zorg"},
			{"theme of another framework", "theme", "bewustwording", 422, ""},
			{"due date", "due_date", "2027-03-31", 200, "2027-03-31"},
			{"invalid date", "due_date", "2027-02-30", 422, ""},
			{"date in words", "due_date", "volgende week", 422, ""},
			{"progress", "progress", "40", 200, "40"},
			{"progress over 100", "progress", "101", 422, ""},
			{"negative progress", "progress", "-1", 422, ""},
			{"status", "status", "bezig", 200, "bezig"},
			{"unknown status", "status", "misschien", 422, ""},
			{"rights", "rights", "34, 3,12,3", 200, "3,12,34"},
			{"right that is not in the convention list", "rights", "3,99", 422, ""},
			{"owner who is a member", "owner", itoa(f.sanne.ID), 200, itoa(f.sanne.ID)},
			{"owner who is not a member", "owner", itoa(f.pieter.ID), 422, ""},
			{"owner that is no id", "owner", "anna", 422, ""},
			{"no owner", "owner", "", 200, ""},
			{"description", "description", "Twee bijeenkomsten per stadsdeel.\r\nMet casuïstiek.", 200, "Twee bijeenkomsten per stadsdeel.\nMet casuïstiek."},
			{"unknown field", "created_by", "1", 404, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				cur, _ := store.Action(ctx, db, f.ws, a.ID)
				got, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, tt.field, tt.value, cur.Version)
				if status(err) != tt.want {
					t.Fatalf("status %d (%v), want %d", status(err), err, tt.want)
				}
				events := f.events.take()
				after, _ := store.Action(ctx, db, f.ws, a.ID)
				if tt.want != 200 {
					if after.Version != cur.Version || len(events) != 0 {
						t.Fatalf("refused write changed version %d → %d or published %d events", cur.Version, after.Version, len(events))
					}
					return
				}
				if v := service.ActionField(after, tt.field); v != tt.stored {
					t.Fatalf("stored %q, want %q", v, tt.stored)
				}
				if got.Version != cur.Version+1 || len(events) != 1 || events[0].Version != got.Version {
					t.Fatalf("version %d → %d, events %+v", cur.Version, got.Version, events)
				}
			})
		}
	})
}

func TestStatusSetsDefaultProgressAndRollsUp(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Voorlichting op scholen", model.ThemePrevention)
		b := f.action(t, "Meldcode opfrissen", model.ThemePrevention)
		c := f.action(t, "Opvangplekken inventariseren", model.ThemeCare)
		set := func(x *model.Action, field, value string) {
			t.Helper()
			cur, _ := store.Action(ctx, db, f.ws, x.ID)
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, x.ID, field, value, cur.Version); err != nil {
				t.Fatal(err)
			}
		}
		set(a, "status", "gereed")
		set(b, "status", "bezig")
		set(c, "status", "vervallen")
		board, err := f.svc.Board(ctx, f.yousef, f.ws, f.plan.ID, service.ActionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if board.Themes[0].Theme != model.ThemePrevention || board.Themes[0].Progress != 75 {
			t.Fatalf("prevention progress %d, want 75 (100 and 50)", board.Themes[0].Progress)
		}
		if board.Themes[3].Progress != 0 || board.Themes[3].Total != 1 {
			t.Fatalf("care: a dropped action does not count: %+v", board.Themes[3])
		}
		if board.Progress != 75 {
			t.Fatalf("plan progress %d, want 75", board.Progress)
		}
		hist, _ := f.svc.ActionHistory(ctx, f.anna, f.ws, a.ID)
		if hist[0].Field != "status" && hist[1].Field != "status" {
			t.Fatalf("history lacks the status change: %+v", hist[:2])
		}
		filtered, _ := f.svc.Board(ctx, f.yousef, f.ws, f.plan.ID, service.ActionFilter{Status: model.ActionInProgress})
		if filtered.Shown != 1 || filtered.Progress != 75 {
			t.Fatalf("filter: shown %d, progress %d", filtered.Shown, filtered.Progress)
		}
	})
}

func TestStaleWrites(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Casusoverleg inrichten", model.ThemeCare)
		base := a.Version

		t.Run("a stale write of a short field is a conflict", func(t *testing.T) {
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, "title", "Casusoverleg maandelijks", base); err != nil {
				t.Fatal(err)
			}
			f.events.take()
			_, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "title", "Casusoverleg tweewekelijks", base)
			var c *service.Conflict
			if !errors.As(err, &c) {
				t.Fatalf("got %v, want a conflict", err)
			}
			if c.Theirs != "Casusoverleg maandelijks" || c.Mine != "Casusoverleg tweewekelijks" || c.ByUserID != f.anna.ID {
				t.Fatalf("conflict %+v", c)
			}
			if ev := f.events.take(); len(ev) != 0 {
				t.Fatalf("a refused write published %v", ev)
			}
			cur, _ := store.Action(ctx, db, f.ws, a.ID)
			if cur.Title != "Casusoverleg maandelijks" {
				t.Fatalf("title overwritten: %q", cur.Title)
			}
		})
		t.Run("a stale write of another field goes through", func(t *testing.T) {
			if _, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "due_date", "2027-06-30", base); err != nil {
				t.Fatalf("write of an untouched field refused: %v", err)
			}
		})
		t.Run("the same value as theirs is no conflict", func(t *testing.T) {
			if _, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "title", "Casusoverleg maandelijks", base); err != nil {
				t.Fatalf("agreeing write refused: %v", err)
			}
		})
		t.Run("a version that never existed", func(t *testing.T) {
			for _, v := range []int{0, -3, 999} {
				if _, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "title", "X", v); status(err) != 422 {
					t.Fatalf("version %d: %v", v, err)
				}
			}
		})
		t.Run("descriptions that do not overlap are merged", func(t *testing.T) {
			cur, _ := store.Action(ctx, db, f.ws, a.ID)
			start := "Doel: elke maand een casusoverleg.\n\nDeelnemers: politie en Veilig Thuis.\n\nVerslag: door de gemeente."
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, "description", start, cur.Version); err != nil {
				t.Fatal(err)
			}
			cur, _ = store.Action(ctx, db, f.ws, a.ID)
			annas := strings.Replace(start, "elke maand", "elke twee weken", 1)
			mos := strings.Replace(start, "politie en Veilig Thuis", "politie, Veilig Thuis en jeugdbescherming", 1)
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, "description", annas, cur.Version); err != nil {
				t.Fatal(err)
			}
			got, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "description", mos, cur.Version)
			if err != nil {
				t.Fatalf("merge refused: %v", err)
			}
			for _, want := range []string{"elke twee weken", "politie, Veilig Thuis en jeugdbescherming", "Verslag: door de gemeente."} {
				if !strings.Contains(got.Description, want) {
					t.Fatalf("merged description lost %q:\n%s", want, got.Description)
				}
			}
		})
		t.Run("descriptions that overlap are a conflict", func(t *testing.T) {
			cur, _ := store.Action(ctx, db, f.ws, a.ID)
			one := strings.Replace(cur.Description, "door de gemeente", "door de zorgcoördinator", 1)
			two := strings.Replace(cur.Description, "door de gemeente", "door de politie", 1)
			if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, "description", one, cur.Version); err != nil {
				t.Fatal(err)
			}
			_, err := f.svc.UpdateActionField(ctx, f.mo, f.ws, a.ID, "description", two, cur.Version)
			var c *service.Conflict
			if !errors.As(err, &c) || c.Mine != two || c.Theirs != one {
				t.Fatalf("got %v, want a conflict carrying both texts", err)
			}
		})
	})
}

func TestConcurrentStaleWritesOneWins(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Folder voor ouders", model.ThemePrevention)
		var wg sync.WaitGroup
		results := make([]error, 2)
		for i, u := range []*model.User{f.anna, f.mo} {
			wg.Add(1)
			go func(i int, u *model.User) {
				defer wg.Done()
				_, results[i] = f.svc.UpdateActionField(ctx, u, f.ws, a.ID, "title", "Folder versie "+strconv.Itoa(i+1), a.Version)
			}(i, u)
		}
		wg.Wait()
		var wins, conflicts int
		for _, err := range results {
			var c *service.Conflict
			switch {
			case err == nil:
				wins++
			case errors.As(err, &c):
				conflicts++
			default:
				t.Fatalf("unexpected error %v", err)
			}
		}
		if wins != 1 || conflicts != 1 {
			t.Fatalf("%d wins and %d conflicts, want one of each", wins, conflicts)
		}
	})
}

func TestActionPermissionsAndScope(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Netwerkkaart maken", model.ThemeSignalling)
		tests := []struct {
			name string
			user *model.User
			ws   int64
			want int
		}{
			{"coordinator", f.anna, f.ws, 200},
			{"editor", f.mo, f.ws, 200},
			{"contributor", f.sanne, f.ws, 200},
			{"viewer", f.yousef, f.ws, 403},
			{"member of another workspace", f.pieter, f.ws, 404},
			{"own workspace, another's action id", f.pieter, f.other, 404},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				cur, _ := store.Action(ctx, db, f.ws, a.ID)
				_, err := f.svc.UpdateActionField(ctx, tt.user, tt.ws, a.ID, "progress", "10", cur.Version)
				if status(err) != tt.want {
					t.Fatalf("update: %d (%v), want %d", status(err), err, tt.want)
				}
				if _, err := f.svc.Board(ctx, tt.user, tt.ws, f.plan.ID, service.ActionFilter{}); tt.want == 404 && status(err) != 404 {
					t.Fatalf("board of a foreign plan: %v", err)
				}
			})
		}
		if _, err := f.svc.CreatePlan(ctx, f.sanne, f.ws, service.PlanInput{Title: "Eigen plan", Framework: model.FrameworkVNG}); status(err) != 403 {
			t.Fatalf("contributor creating a plan: %v", err)
		}
	})
}

func TestMoveDeleteRestoreAndHistory(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Eerste", model.ThemePrevention)
		b := f.action(t, "Tweede", model.ThemePrevention)
		c := f.action(t, "Derde", model.ThemePrevention)
		order := func(theme model.Theme) string {
			board, err := f.svc.Board(ctx, f.anna, f.ws, f.plan.ID, service.ActionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, g := range board.Themes {
				if g.Theme == theme {
					for _, x := range g.Actions {
						titles = append(titles, x.Title)
					}
				}
			}
			return strings.Join(titles, ",")
		}
		steps := []struct {
			name  string
			id    int64
			theme model.Theme
			after int64
			want  string
		}{
			{"last to first", c.ID, model.ThemePrevention, 0, "Derde,Eerste,Tweede"},
			{"first to the middle", c.ID, model.ThemePrevention, a.ID, "Eerste,Derde,Tweede"},
			{"to the end", a.ID, model.ThemePrevention, b.ID, "Derde,Tweede,Eerste"},
		}
		for _, st := range steps {
			if _, err := f.svc.MoveAction(ctx, f.sanne, f.ws, st.id, st.theme, st.after); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if got := order(model.ThemePrevention); got != st.want {
				t.Fatalf("%s: order %s, want %s", st.name, got, st.want)
			}
		}
		// Fifty moves into one gap: positions run out and are renumbered.
		for i := 0; i < 60; i++ {
			if _, err := f.svc.MoveAction(ctx, f.sanne, f.ws, b.ID, model.ThemePrevention, c.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.svc.MoveAction(ctx, f.sanne, f.ws, a.ID, model.ThemePrevention, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		if got := order(model.ThemePrevention); got != "Derde,Eerste,Tweede" {
			t.Fatalf("after many moves: %s", got)
		}
		moved, err := f.svc.MoveAction(ctx, f.sanne, f.ws, a.ID, model.ThemeCare, 0)
		if err != nil || moved.Theme != model.ThemeCare || order(model.ThemeCare) != "Eerste" {
			t.Fatalf("move to another theme: %v %v", moved, err)
		}
		if _, err := f.svc.MoveAction(ctx, f.sanne, f.ws, a.ID, model.ThemeCare, 999999); status(err) != 404 {
			t.Fatalf("move after an unknown action: %v", err)
		}
		if _, err := f.svc.MoveAction(ctx, f.sanne, f.ws, a.ID, model.ThemeAwareness, 0); status(err) != 422 {
			t.Fatalf("move to a theme outside the plan: %v", err)
		}

		f.events.take()
		if _, err := f.svc.DeleteAction(ctx, f.sanne, f.ws, b.ID); err != nil {
			t.Fatal(err)
		}
		if got := order(model.ThemePrevention); got != "Derde" {
			t.Fatalf("after delete: %s", got)
		}
		if _, err := f.svc.RestoreAction(ctx, f.sanne, f.ws, b.ID); err != nil {
			t.Fatal(err)
		}
		if got := order(model.ThemePrevention); got != "Derde,Tweede" {
			t.Fatalf("after undo: %s", got)
		}
		if ev := f.events.take(); len(ev) != 2 || ev[0].Kind != realtime.Deleted || ev[1].Kind != realtime.Restored {
			t.Fatalf("events %+v", ev)
		}

		cur, _ := store.Action(ctx, db, f.ws, c.ID)
		if _, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, c.ID, "title", "Derde, herschreven", cur.Version); err != nil {
			t.Fatal(err)
		}
		hist, err := f.svc.ActionHistory(ctx, f.mo, f.ws, c.ID)
		if err != nil || hist[0].Field != "title" || hist[0].OldValue != "Derde" || hist[0].User == nil || hist[0].User.Name != "Anna de Vries" {
			t.Fatalf("history %+v %v", hist, err)
		}
		restored, err := f.svc.RestoreValue(ctx, f.mo, f.ws, c.ID, hist[0].ID)
		if err != nil || restored.Title != "Derde" {
			t.Fatalf("restore: %v %v", restored, err)
		}
		if hist, _ := f.svc.ActionHistory(ctx, f.mo, f.ws, c.ID); hist[0].NewValue != "Derde" || hist[0].OldValue != "Derde, herschreven" {
			t.Fatalf("restore is not a change on top: %+v", hist[0])
		}
	})
}
