package web_test

import (
	"context"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/testkit"
)

// boardPage loads the plan page at path three times: twice as it comes
// (from the board cache, the second time surely), and once with the cache
// off, its rows rendered with the page. It fails unless the three are the
// same bytes, and returns the page.
func boardPage(t *testing.T, env *testkit.Env, c *testkit.Client, path string) *testkit.Response {
	t.Helper()
	first, second := c.Get(path), c.Get(path)
	env.Server.SetBoardCache(false)
	whole := c.Get(path)
	env.Server.SetBoardCache(true)
	for i, r := range []*testkit.Response{first, second} {
		if r.Status != 200 || r.Body != whole.Body {
			t.Fatalf("page %d of %s (%d) is not the page rendered whole (%d): %s", i+1, path, r.Status, whole.Status, firstDifference(r.Body, whole.Body))
		}
	}
	return second
}

// firstDifference shows where two pages part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return "…" + a[from:min(i+80, len(a))] + "… where the whole page has …" + b[from:min(i+80, len(b))] + "…"
}

// rowText is the trimmed text of the element sel within an action's row.
func rowText(r *testkit.Response, a *model.Action, sel string) string {
	return strings.TrimSpace(r.Doc.Find("#action-" + itoa(a.ID) + " " + sel).First().Text())
}

// TestBoardCacheShowsEveryChange: the plan page comes from the board cache
// byte for byte as it is rendered whole, and the page after any change
// shows the change, whatever it touched: an action, the plan, an owner's
// name in the database, the day.
func TestBoardCacheShowsEveryChange(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		var now atomic.Int64
		now.Store(time.Date(2027, 3, 10, 12, 0, 0, 0, time.UTC).Unix())
		env.Server.SetBoardClock(func() time.Time { return time.Unix(now.Load(), 0) })
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		anna, mo := userByEmail(t, db, coordinator), userByEmail(t, db, editor)
		org := organisationID(t, db, "Veilig Thuis Kustland")
		p := newPlan(t, env, ws, coordinator, "Samen tegen uitbuiting", model.FrameworkPillars)
		one := addAction(t, env, p, "Training signalen herkennen", model.ThemePrevention,
			"owner", itoa(mo.ID), "owner_organisation", itoa(org), "due_date", "2027-03-10", "status", "bezig")
		two := addAction(t, env, p, "Voorlichting op scholen", model.ThemePrevention)
		three := addAction(t, env, p, "Meldcode bijwerken", model.ThemePrevention)
		board := planURL(ws, p.ID, "")
		c := env.Client(t)
		c.SignIn(coordinator)
		boardPage(t, env, c, board)
		if env.Server.BoardCacheEntries() == 0 {
			t.Fatal("the board cache keeps nothing")
		}
		latest := func(a *model.Action) *model.Action { return stored(t, db, a) }
		prevention := func(r *testkit.Response) string { return strings.Join(listed(r, model.ThemePrevention), " | ") }

		tests := []struct {
			name   string
			change func(t *testing.T)
			seen   func(r *testkit.Response) string
			want   string
		}{
			{"an action's status",
				func(t *testing.T) {
					if _, err := env.Svc.UpdateActionField(ctx, anna, ws, one.ID, "status", "gereed", latest(one).Version); err != nil {
						t.Fatal(err)
					}
				},
				func(r *testkit.Response) string { return rowText(r, one, ".schakel-summary__status dd") }, "Gereed"},
			{"an action's title",
				func(t *testing.T) {
					if _, err := env.Svc.UpdateActionField(ctx, anna, ws, two.ID, "title", "Voorlichting op alle scholen", latest(two).Version); err != nil {
						t.Fatal(err)
					}
				},
				prevention, "Training signalen herkennen | Voorlichting op alle scholen | Meldcode bijwerken"},
			{"a new action",
				func(t *testing.T) {
					if _, err := env.Svc.CreateAction(ctx, anna, ws, p.ID, service.ActionInput{Title: "Ketenkaart", Theme: model.ThemePrevention}); err != nil {
						t.Fatal(err)
					}
				},
				prevention, "Training signalen herkennen | Voorlichting op alle scholen | Meldcode bijwerken | Ketenkaart"},
			{"a delete",
				func(t *testing.T) {
					if _, err := env.Svc.DeleteAction(ctx, anna, ws, two.ID); err != nil {
						t.Fatal(err)
					}
				},
				prevention, "Training signalen herkennen | Meldcode bijwerken | Ketenkaart"},
			{"its undo",
				func(t *testing.T) {
					if _, err := env.Svc.RestoreAction(ctx, anna, ws, two.ID); err != nil {
						t.Fatal(err)
					}
				},
				prevention, "Training signalen herkennen | Voorlichting op alle scholen | Meldcode bijwerken | Ketenkaart"},
			{"a move",
				func(t *testing.T) {
					if _, err := env.Svc.MoveAction(ctx, anna, ws, three.ID, model.ThemePrevention, 0); err != nil {
						t.Fatal(err)
					}
				},
				prevention, "Meldcode bijwerken | Training signalen herkennen | Voorlichting op alle scholen | Ketenkaart"},
			{"the plan's title",
				func(t *testing.T) {
					if _, err := env.Svc.UpdatePlanField(ctx, anna, ws, p.ID, "title", "Samen tegen uitbuiting 2027", p.Version); err != nil {
						t.Fatal(err)
					}
				},
				func(r *testkit.Response) string { return r.Text(".schakel-breadcrumb [aria-current=page]") }, "Samen tegen uitbuiting 2027"},
			{"an owner's account renamed in the database",
				func(t *testing.T) {
					if _, err := db.NewUpdate().Model((*model.User)(nil)).Set("name = ?", "Mo Bakker-de Wit").Where("id = ?", mo.ID).Exec(ctx); err != nil {
						t.Fatal(err)
					}
				},
				func(r *testkit.Response) string { return rowText(r, one, ".schakel-summary__owner dd") }, "Mo Bakker-de Wit"},
			{"an owner organisation renamed in the database",
				func(t *testing.T) {
					if _, err := db.NewUpdate().Model((*model.Organisation)(nil)).Set("name = ?", "Veilig Thuis Kust").Where("id = ?", org).Exec(ctx); err != nil {
						t.Fatal(err)
					}
				},
				func(r *testkit.Response) string { return rowText(r, one, ".schakel-summary__org dd") }, "Veilig Thuis Kust"},
			{"the day after the due date of an open action",
				func(t *testing.T) {
					if _, err := env.Svc.UpdateActionField(ctx, anna, ws, one.ID, "status", "bezig", latest(one).Version); err != nil {
						t.Fatal(err)
					}
					boardPage(t, env, c, board) // the due day itself: not overdue
					now.Add(24 * 60 * 60)
				},
				func(r *testkit.Response) string {
					return rowText(r, one, ".schakel-summary__due .schakel-badge--overdue")
				}, "! Streefdatum verstreken"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := boardPage(t, env, c, board)
				if got := tt.seen(before); got == tt.want {
					t.Fatalf("before the change the page shows %q already", got)
				}
				tt.change(t)
				if got := tt.seen(boardPage(t, env, c, board)); got != tt.want {
					t.Fatalf("after the change the page shows %q, want %q", got, tt.want)
				}
			})
		}
	})
}

// TestBoardCacheKeepsViewersApart: people who may do different things, or
// read another language, or filter on their own actions, each get their
// own board, whoever opened the plan first.
func TestBoardCacheKeepsViewersApart(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna, mo := userByEmail(t, db, coordinator), userByEmail(t, db, editor)
		p := newPlan(t, env, ws, coordinator, "Samen tegen uitbuiting", model.FrameworkPillars)
		addAction(t, env, p, "Van de gemeente", model.ThemePrevention, "owner", itoa(anna.ID))
		addAction(t, env, p, "Van Mo", model.ThemePrevention, "owner", itoa(mo.ID))
		board := planURL(ws, p.ID, "")
		client := func(who, lang string) *testkit.Client {
			c := env.Client(t)
			c.SignIn(who)
			// The choice is the account's from then on.
			c.Get(board)
			c.Post("/language", url.Values{"lang": {lang}, "back": {board}})
			return c
		}
		tests := []struct {
			name, who, lang, query string
			// handles is whether the rows have drag handles, heading the
			// prevention theme's heading, rows the titles listed.
			handles bool
			heading string
			rows    string
		}{
			{"a coordinator", coordinator, "nl", "", true, "Preventie", "Van de gemeente | Van Mo"},
			{"a reader after a coordinator", viewer, "nl", "", false, "Preventie", "Van de gemeente | Van Mo"},
			{"a coordinator in English", coordinator, "en", "", true, "Prevention", "Van de gemeente | Van Mo"},
			{"a reader in English", viewer, "en", "", false, "Prevention", "Van de gemeente | Van Mo"},
			{"a coordinator's own actions", coordinator, "nl", "?mine=1", true, "Preventie", "Van de gemeente"},
			{"a co-coordinator's own actions", editor, "nl", "?mine=1", true, "Preventie", "Van Mo"},
			{"a reader's own actions", viewer, "nl", "?mine=1", false, "Preventie", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := boardPage(t, env, client(tt.who, tt.lang), board+tt.query)
				if got := r.Doc.Find(".schakel-drag-handle").Length() > 0; got != tt.handles {
					t.Errorf("drag handles: %v, want %v", got, tt.handles)
				}
				if got := r.Text("#theme-preventie-toggle"); got != tt.heading {
					t.Errorf("heading %q, want %q", got, tt.heading)
				}
				if got := strings.Join(listed(r, model.ThemePrevention), " | "); got != tt.rows {
					t.Errorf("rows %q, want %q", got, tt.rows)
				}
			})
		}
	})
}
