package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestProgressOverTime(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Plan met geschiedenis", model.FrameworkPillars)
		// Its history, moved back in time: two actions made in January, one
		// done in February and reopened in April, one dropped in March,
		// one made in the middle of March.
		at := func(a *model.Action, version int, when string) {
			tm, err := time.ParseInLocation("2006-01-02 15:04", when, i18n.Amsterdam())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.NewUpdate().Model((*model.Change)(nil)).Set("created_at = ?", tm.UTC()).
				Where("entity = ? AND entity_id = ? AND version = ?", model.EntityAction, a.ID, version).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		reopened := addAction(t, env, p, "Heropend", model.ThemePrevention, "status", "gereed", "status", "bezig")
		at(reopened, 1, "2026-01-08 10:00")
		at(reopened, 2, "2026-02-12 10:00")
		at(reopened, 3, "2026-04-03 10:00")
		dropped := addAction(t, env, p, "Vervallen", model.ThemeCare, "status", "vervallen")
		at(dropped, 1, "2026-01-20 10:00")
		at(dropped, 2, "2026-03-02 10:00")
		done := addAction(t, env, p, "Gereed", model.ThemeSignalling, "status", "gereed")
		at(done, 1, "2026-03-15 10:00")
		at(done, 2, "2026-03-31 23:30") // still March in the Netherlands
		// The plan's period starts in 2027, its first action in January
		// 2026: the chart starts there.
		want := map[string][2]int{"2026-01": {2, 0}, "2026-02": {2, 1}, "2026-03": {2, 2}, "2026-04": {2, 1}}

		c := env.Client(t)
		c.SignIn(viewer)
		path := planURL(ws, p.ID, "/progress")
		r := c.Get(path)
		checkPage(t, path, r)
		svg := r.Doc.Find(`svg#progress-chart[role="img"]`)
		title, desc := svg.Find("title").Text(), svg.Find("desc").Text()
		if svg.Length() != 1 || !strings.Contains(title, "Plan met geschiedenis") || !strings.Contains(desc, "januari 2026") ||
			svg.AttrOr("aria-labelledby", "") != "progress-chart-title progress-chart-desc" {
			t.Fatalf("chart: %d, title %q, desc %q", svg.Length(), title, desc)
		}
		// Two lines told apart by more than colour, each point marked.
		if svg.Find("polyline").Length() != 2 || svg.Find(".schakel-chart__marks--planned circle").Length() != svg.Find(".schakel-chart__marks--done rect").Length() {
			t.Fatalf("lines and markers: %s", r.Body)
		}
		if legend := r.Text("figcaption"); !strings.Contains(legend, "doorgetrokken lijn") || !strings.Contains(legend, "gestippelde lijn") {
			t.Fatalf("legend %q", legend)
		}
		rows := r.Doc.Find("#progress-table tbody tr")
		if first := rows.First().AttrOr("data-month", ""); first != "2026-01" {
			t.Fatalf("the table starts in %s", first)
		}
		if now := time.Now().In(i18n.Amsterdam()).Format("2006-01"); rows.Last().AttrOr("data-month", "") != now {
			t.Fatalf("the table ends in %s, not this month", rows.Last().AttrOr("data-month", ""))
		}
		if n := svg.Find(".schakel-chart__marks--planned circle").Length(); n != rows.Length() {
			t.Fatalf("%d points for %d months", n, rows.Length())
		}
		rows.Each(func(_ int, s *goquery.Selection) {
			if w, ok := want[s.AttrOr("data-month", "")]; ok {
				got := [2]int{atoi(t, s.Find("[data-planned]").Text()), atoi(t, s.Find("[data-done]").Text())}
				if got != w {
					t.Errorf("%s: %v, want %v", s.AttrOr("data-month", ""), got, w)
				}
			}
		})
		// The latest month agrees with the plan page: the actions not
		// dropped, and those done.
		board := c.Get(planURL(ws, p.ID, ""))
		planned := board.Doc.Find(`li[data-status]:not([data-status="vervallen"])`).Length()
		doneNow := board.Doc.Find(`li[data-status="gereed"]`).Length()
		last := rows.Last()
		if atoi(t, last.Find("[data-planned]").Text()) != planned || atoi(t, last.Find("[data-done]").Text()) != doneNow || planned != 2 || doneNow != 1 {
			t.Fatalf("this month %s/%s; the plan page %d/%d", last.Find("[data-planned]").Text(), last.Find("[data-done]").Text(), planned, doneNow)
		}
		if now := r.Text("#progress-now"); !strings.Contains(now, "2 acties gepland, waarvan 1 gereed") {
			t.Fatalf("summary %q", now)
		}
		// The plan page and the workspace page lead here.
		if board.Doc.Find(`a[href="`+path+`"]`).Length() != 1 {
			t.Fatal("the plan page has no link to its progress")
		}
		if r := c.Get(wsPath(ws, "")); r.Doc.Find(`a[href="`+wsPath(ws, "/progress")+`"]`).Length() != 1 || r.Doc.Find(`a[href="`+wsPath(ws, "/toets")+`"]`).Length() != 1 {
			t.Fatal("the workspace page has no link to the progress or the toets")
		}

		t.Run("the workspace's current plan, or the one chosen", func(t *testing.T) {
			r := c.Get(wsPath(ws, "/progress"))
			if r.Status != http.StatusOK || r.Doc.Find("#progress-plan option").Length() != 2 {
				t.Fatalf("%d, %d plans to choose from", r.Status, r.Doc.Find("#progress-plan option").Length())
			}
			chosen := r.Doc.Find("#progress-plan option[selected]")
			if !strings.Contains(chosen.Text(), "(huidig plan)") {
				t.Fatalf("the current plan is not chosen: %q", chosen.Text())
			}
			r = c.Get(wsPath(ws, "/progress?plan="+itoa(p.ID)))
			if !strings.Contains(r.Text("h1"), "Plan met geschiedenis") {
				t.Fatalf("the chosen plan: %q", r.Text("h1"))
			}
		})
		t.Run("a plan without actions: an empty chart and a sentence", func(t *testing.T) {
			empty := newPlan(t, env, ws, coordinator, "Nog leeg", model.FrameworkVNG)
			r := c.Get(planURL(ws, empty.ID, "/progress"))
			if r.Status != http.StatusOK || r.Doc.Find("#progress-empty").Length() != 1 || r.Doc.Find(`svg#progress-chart[role="img"]`).Length() != 1 ||
				r.Doc.Find("svg#progress-chart polyline").Length() != 0 || !strings.Contains(r.Text("svg#progress-chart desc"), "nog geen acties") {
				t.Fatalf("%d %s", r.Status, r.Text("main"))
			}
		})
		t.Run("a workspace without a plan, and without a toets, says so", func(t *testing.T) {
			w := &model.Workspace{Name: "Nieuwdorp", Kind: model.WorkspaceMunicipality, CreatedAt: time.Now().UTC()}
			if err := store.CreateWorkspace(ctx, db, w); err != nil {
				t.Fatal(err)
			}
			lotte := env.Client(t)
			lotte.SignIn(reviewer)
			r := lotte.Get(wsPath(w.ID, "/progress"))
			if r.Status != http.StatusOK || !strings.Contains(r.Text("#progress-empty"), "nog geen actieplan") {
				t.Fatalf("progress: %d %s", r.Status, r.Text("main"))
			}
			r = lotte.Get(wsPath(w.ID, "/toets"))
			if r.Status != http.StatusOK || r.Doc.Find("#toets-list").Length() != 0 || !strings.Contains(r.Text("main"), "nog geen kinderrechtentoets") {
				t.Fatalf("toets: %d %s", r.Status, r.Text("main"))
			}
		})
		t.Run("bad ids are not found", func(t *testing.T) {
			other := workspaceID(t, db, "Bergvliet")
			var foreign int64
			if err := db.NewSelect().Table("plans").Column("id").Where("workspace_id = ?", other).Limit(1).Scan(ctx, &foreign); err != nil {
				t.Fatal(err)
			}
			for name, path := range map[string]string{
				"another workspace's plan":         planURL(ws, foreign, "/progress"),
				"another workspace's plan, chosen": wsPath(ws, "/progress?plan="+itoa(foreign)),
				"a plan that is no id":             wsPath(ws, "/progress?plan=abc"),
				"a workspace one is not in":        planURL(other, foreign, "/progress"),
			} {
				if r := c.Get(path); r.Status != http.StatusNotFound {
					t.Errorf("%s: %d", name, r.Status)
				}
			}
		})
	})
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("%q is no number", s)
	}
	return n
}
