package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// newPlan creates a plan in the workspace as its coordinator would.
func newPlan(t *testing.T, env *testkit.Env, ws int64, by, title string, fw model.Framework) *model.Plan {
	t.Helper()
	p, err := env.Svc.CreatePlan(context.Background(), userByEmail(t, env.DB, by), ws, service.PlanInput{
		Title: title, PeriodStart: "2027-01-01", PeriodEnd: "2027-12-31", Framework: fw,
	})
	if err != nil {
		t.Fatalf("plan %q: %v", title, err)
	}
	return p
}

// addAction adds an action to the plan and sets the given fields, in order.
func addAction(t *testing.T, env *testkit.Env, p *model.Plan, title string, theme model.Theme, fields ...string) *model.Action {
	t.Helper()
	ctx := context.Background()
	u := userByEmail(t, env.DB, coordinator)
	if p.WorkspaceID != workspaceID(t, env.DB, "Havenstad") {
		u = userByEmail(t, env.DB, outsider)
	}
	a, err := env.Svc.CreateAction(ctx, u, p.WorkspaceID, p.ID, service.ActionInput{Title: title, Theme: theme})
	if err != nil {
		t.Fatalf("action %q: %v", title, err)
	}
	for i := 0; i+1 < len(fields); i += 2 {
		if a, err = env.Svc.UpdateActionField(ctx, u, p.WorkspaceID, a.ID, fields[i], fields[i+1], a.Version); err != nil {
			t.Fatalf("action %q, %s: %v", title, fields[i], err)
		}
	}
	return a
}

func organisationID(t *testing.T, db *bun.DB, name string) int64 {
	t.Helper()
	o, err := store.OrganisationByName(context.Background(), db, name)
	if err != nil {
		t.Fatalf("organisation %s: %v", name, err)
	}
	return o.ID
}

func planURL(ws, plan int64, rest string) string { return wsPath(ws, "/plans/"+itoa(plan)+rest) }

func actionURL(ws, action int64, rest string) string {
	return wsPath(ws, "/actions/"+itoa(action)+rest)
}

// hx sends a request as htmx does from the page at from (a path; "" for
// none): HX-Request, the CSRF header and HX-Current-URL.
func hx(c *testkit.Client, env *testkit.Env, method, path string, form url.Values, from string) *testkit.Response {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, env.URL+path, body)
	if err != nil {
		panic(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("HX-Request", "true")
	req.Header.Set("X-Csrf-Token", c.CSRF)
	if from != "" {
		req.Header.Set("HX-Current-URL", env.URL+from)
	}
	return c.Do(req)
}

// listed returns the titles of the actions the board lists under a theme.
func listed(r *testkit.Response, theme model.Theme) []string {
	var out []string
	r.Doc.Find("#theme-" + string(theme) + "-actions > li.schakel-action[data-id] .schakel-action__open").Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}

// checkPage fails for what the CSP forbids or a screen reader misses: inline
// script or style, a control without a label, not exactly one h1.
func checkPage(t *testing.T, path string, r *testkit.Response) {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("%s: %d", path, r.Status)
	}
	if n := r.Doc.Find("script:not([src])").Length(); n != 0 {
		t.Errorf("%s: %d inline scripts", path, n)
	}
	r.Doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || strings.HasPrefix(a.Key, "hx-on") {
				t.Errorf("%s: inline %s on <%s>", path, a.Key, s.Nodes[0].Data)
			}
		}
	})
	if n := r.Doc.Find("h1").Length(); n != 1 {
		t.Errorf("%s: %d h1 headings, want 1", path, n)
	}
	r.Doc.Find("input:not([type=hidden]), select, textarea").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if id == "" || r.Doc.Find(`label[for="`+id+`"]`).Length() == 0 {
			t.Errorf("%s: a form control without a label (id %q)", path, id)
		}
	})
	seen := map[string]bool{}
	r.Doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if seen[id] {
			t.Errorf("%s: id %q twice", path, id)
		}
		seen[id] = true
	})
}

func TestPlanListAndCreate(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		// Start from a workspace without plans: put the demo plan away.
		if _, err := db.NewUpdate().Model((*model.Plan)(nil)).Set("deleted_at = ?", time.Now().UTC()).
			Where("workspace_id = ?", ws).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		c := env.Client(t)
		c.SignIn(coordinator)

		r := c.Get(wsPath(ws, ""))
		href, _ := r.Doc.Find(`a[href="` + wsPath(ws, "/plans") + `"]`).Attr("href")
		if href == "" {
			t.Fatal("the workspace page does not link to its plans")
		}
		r = c.Get(href)
		checkPage(t, href, r)
		if !strings.Contains(r.Text("main"), "Er is nog geen actieplan") || r.Doc.Find("#f-title").Length() != 1 {
			t.Fatalf("empty plan list: %q, form fields %d", r.Text("main"), r.Doc.Find("#f-title").Length())
		}

		t.Run("create without JavaScript opens the new plan", func(t *testing.T) {
			r := c.Post(wsPath(ws, "/plans"), url.Values{"title": {"Plan van aanpak 2027"}, "period_start": {"2027-01-01"},
				"period_end": {"2027-12-31"}, "framework": {"pijlers"}})
			if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "notice=plan_created") {
				t.Fatalf("create: %d to %q", r.Status, r.Location())
			}
			page := c.Get(r.Location())
			if page.Text("h1") != "Plan van aanpak 2027" || !strings.Contains(page.Text("#alerts"), "Het actieplan is aangemaakt") {
				t.Fatalf("new plan page: h1 %q, notice %q", page.Text("h1"), page.Text("#alerts"))
			}
			if n := page.Doc.Find("#plan-board > section.schakel-theme-section").Length(); n != 4 {
				t.Fatalf("%d theme sections, want the 4 pillars", n)
			}
			list := c.Get(wsPath(ws, "/plans"))
			if got := list.Text(".schakel-plan-card .schakel-card__title"); got != "Plan van aanpak 2027" {
				t.Fatalf("plan list shows %q", got)
			}
		})

		tests := []struct {
			name, title, start, end, framework string
			field, message                     string
		}{
			{"empty title", "  ", "2027-01-01", "2027-12-31", "vng", "title", "Vul dit veld in."},
			{"end before start", "Plan", "2027-06-01", "2027-01-31", "vng", "period_end", "De einddatum ligt vóór de begindatum"},
			{"unknown framework", "Plan", "2027-01-01", "2027-12-31", "sterrenbeeld", "framework", "Kies een van de mogelijkheden."},
			{"no such date", "Plan", "2027-02-30", "", "vng", "period_start", "Vul een geldige datum in"},
			{"oversized title", strings.Repeat("plan ", 20000), "", "", "vng", "title", "Dit is te lang."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, db, (*model.Plan)(nil))
				c.Get(wsPath(ws, "/plans"))
				r := c.Post(wsPath(ws, "/plans"), url.Values{"title": {tt.title}, "period_start": {tt.start},
					"period_end": {tt.end}, "framework": {tt.framework}})
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if got := r.Text("#f-" + tt.field + "-error"); !strings.HasPrefix(got, tt.message) {
					t.Fatalf("message at %s: %q, want %q", tt.field, got, tt.message)
				}
				if inv, _ := r.Doc.Find("#f-" + tt.field).Attr("aria-invalid"); inv != "true" {
					t.Fatalf("%s not marked invalid", tt.field)
				}
				if after := count(t, db, (*model.Plan)(nil)); after != before {
					t.Fatalf("refused input stored %d plans", after-before)
				}
			})
		}

		perms := []struct {
			name      string
			email     string
			list, add int
			form      bool
		}{
			{"editor manages plans", editor, http.StatusOK, http.StatusSeeOther, true},
			{"contributor only reads", contributor, http.StatusOK, http.StatusForbidden, false},
			{"viewer only reads", viewer, http.StatusOK, http.StatusForbidden, false},
			{"reviewer only reads", reviewer, http.StatusOK, http.StatusForbidden, false},
			{"member of another workspace finds nothing", outsider, http.StatusNotFound, http.StatusNotFound, false},
		}
		for _, tt := range perms {
			t.Run(tt.name, func(t *testing.T) {
				u := env.Client(t)
				u.SignIn(tt.email)
				list := u.Get(wsPath(ws, "/plans"))
				if list.Status != tt.list {
					t.Fatalf("list: %d, want %d", list.Status, tt.list)
				}
				if got := list.Doc.Find(`form[action="`+wsPath(ws, "/plans")+`"]`).Length() == 1; got != tt.form {
					t.Fatalf("new plan form shown: %v, want %v", got, tt.form)
				}
				before := count(t, db, (*model.Plan)(nil))
				r := u.Post(wsPath(ws, "/plans"), url.Values{"title": {"Plan van " + tt.name}, "framework": {"vng"}})
				if r.Status != tt.add {
					t.Fatalf("create: %d, want %d", r.Status, tt.add)
				}
				want := before
				if tt.add == http.StatusSeeOther {
					want++
				}
				if after := count(t, db, (*model.Plan)(nil)); after != want {
					t.Fatalf("%d plans stored, want %d", after-before, want-before)
				}
			})
		}
	})
}

func TestPlanBoard(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Samen tegen uitbuiting 2027", model.FrameworkPillars)
		police := organisationID(t, db, "Politie Kustland – AVIM")
		sanne := userByEmail(t, db, contributor)
		training := addAction(t, env, p, "Training signalen herkennen", model.ThemePrevention,
			"status", "bezig", "owner_organisation", itoa(police), "owner", itoa(sanne.ID), "due_date", "2020-03-01", "rights", "34,3")
		schools := addAction(t, env, p, "Voorlichting op scholen", model.ThemePrevention, "status", "gereed", "due_date", "2020-03-01")
		route := addAction(t, env, p, "Meldroute met Veilig Thuis", model.ThemeSignalling, "due_date", "2099-12-31")
		addAction(t, env, p, "Opvangplek voor minderjarigen", model.ThemeCare, "status", "vervallen")

		c := env.Client(t)
		c.SignIn(viewer)
		board := c.Get(planURL(ws, p.ID, ""))
		if board.Status != http.StatusOK || board.Text("h1") != "Samen tegen uitbuiting 2027" {
			t.Fatalf("board: %d %q", board.Status, board.Text("h1"))
		}
		if id, _ := board.Doc.Find("#plan-board").Attr("data-plan"); id != itoa(p.ID) {
			t.Fatalf("board root data-plan %q", id)
		}
		t.Run("actions by theme", func(t *testing.T) {
			want := map[model.Theme][]string{
				model.ThemePrevention:    {"Training signalen herkennen", "Voorlichting op scholen"},
				model.ThemeSignalling:    {"Meldroute met Veilig Thuis"},
				model.ThemeInvestigation: nil,
				model.ThemeCare:          {"Opvangplek voor minderjarigen"},
			}
			for theme, titles := range want {
				if got := listed(board, theme); strings.Join(got, "|") != strings.Join(titles, "|") {
					t.Errorf("%s lists %v, want %v", theme, got, titles)
				}
				if th, _ := board.Doc.Find("#theme-" + string(theme) + "-actions").Attr("data-theme"); th != string(theme) {
					t.Errorf("list of %s has data-theme %q", theme, th)
				}
			}
			if got := board.Text("#theme-opsporing .schakel-empty"); got != "Nog geen acties in dit thema." {
				t.Errorf("empty theme says %q", got)
			}
			// The compact row: one line per action, its details not yet.
			item := board.Doc.Find("#action-" + itoa(training.ID))
			for cell, want := range map[string]string{
				"status": "Bezig", "progress": "50%", "org": "Politie Kustland – AVIM", "owner": "Sanne Jansen",
			} {
				if got := strings.TrimSpace(item.Find(".schakel-summary__" + cell + " dd").Text()); got != want {
					t.Errorf("the row's %s shows %q, want %q", cell, got, want)
				}
			}
			if n := item.Find(".schakel-action__details, .schakel-field--rights").Length(); n != 0 {
				t.Errorf("a closed row holds its details (%d elements)", n)
			}
			// Opened (here as a browser without JavaScript does), the row
			// shows every field.
			opened := c.Get(planURL(ws, p.ID, "?open="+itoa(training.ID))).Doc.Find("#action-" + itoa(training.ID))
			for field, want := range map[string]string{
				"status": "Bezig", "progress": "50%", "owner_organisation": "Politie Kustland – AVIM",
				"owner": "Sanne Jansen", "rights": "Art. 3 Belang van het kindArt. 34 Seksuele uitbuiting en seksueel misbruik",
			} {
				if got := strings.TrimSpace(opened.Find("#action-" + itoa(training.ID) + "-" + field + " .schakel-field__value").Text()); got != want {
					t.Errorf("%s shows %q, want %q", field, got, want)
				}
			}
			if v, _ := item.Find("progress").Attr("value"); v != "50" {
				t.Errorf("progress bar at %q", v)
			}
		})
		t.Run("roll-ups count every action but dropped ones", func(t *testing.T) {
			for sel, want := range map[string]string{
				"#rollup-plan": "50%", "#rollup-theme-preventie": "75%", "#rollup-theme-signalering": "0%", "#rollup-theme-zorg": "0%",
			} {
				if got := board.Text(sel + " .schakel-meter__text"); got != want {
					t.Errorf("%s shows %q, want %q", sel, got, want)
				}
			}
			if got := board.Text("#rollup-plan .schakel-rollup__count"); got != "4 acties" {
				t.Errorf("plan counts %q", got)
			}
		})
		t.Run("overdue in words", func(t *testing.T) {
			overdue := func(a *model.Action) string {
				return board.Text("#action-" + itoa(a.ID) + "-summary .schakel-badge--overdue")
			}
			if got := overdue(training); got != "! Streefdatum verstreken" {
				t.Errorf("past due date and in progress: %q", got)
			}
			if got := overdue(schools); got != "" {
				t.Errorf("past due date but done: %q", got)
			}
			if got := overdue(route); got != "" {
				t.Errorf("due in 2099: %q", got)
			}
		})
		t.Run("a reader gets no controls", func(t *testing.T) {
			if n := board.Doc.Find(".schakel-field__edit, #action-add, .schakel-drag-handle, button[data-move]").Length(); n != 0 {
				t.Errorf("viewer sees %d edit controls", n)
			}
			if board.Doc.Find(`script[src="/static/vendor/sortable.min.js"]`).Length() != 0 {
				t.Error("viewer loads drag and drop")
			}
		})

		filters := []struct {
			name  string
			who   string
			query string
			want  []string
		}{
			{"theme", viewer, "?theme=signalering", []string{"Meldroute met Veilig Thuis"}},
			{"status", viewer, "?status=gereed", []string{"Voorlichting op scholen"}},
			{"organisation", viewer, "?org=" + itoa(police), []string{"Training signalen herkennen"}},
			{"mine", contributor, "?mine=1", []string{"Training signalen herkennen"}},
			{"mine and status", contributor, "?mine=1&status=gereed", nil},
			{"unknown values are ignored", viewer, "?theme=ruimtevaart&status=x&org=abc", []string{
				"Training signalen herkennen", "Voorlichting op scholen", "Meldroute met Veilig Thuis", "Opvangplek voor minderjarigen"}},
		}
		for _, tt := range filters {
			t.Run("filter by "+tt.name, func(t *testing.T) {
				u := env.Client(t)
				u.SignIn(tt.who)
				r := u.Get(planURL(ws, p.ID, tt.query))
				var got []string
				for _, th := range model.PillarThemes {
					got = append(got, listed(r, th)...)
				}
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Fatalf("listed %v, want %v", got, tt.want)
				}
				if r.Text("#rollup-plan .schakel-meter__text") != "50%" || r.Text("#rollup-theme-preventie .schakel-meter__text") != "75%" {
					t.Fatalf("filter changed the roll-ups: plan %q, preventie %q", r.Text("#rollup-plan .schakel-meter__text"), r.Text("#rollup-theme-preventie .schakel-meter__text"))
				}
				if len(tt.want) < 4 && !strings.HasPrefix(r.Text("#filter-count"), itoa(int64(len(tt.want)))+" van 4 acties getoond") {
					t.Fatalf("filter count %q", r.Text("#filter-count"))
				}
			})
		}

		t.Run("editor page is safe and labelled", func(t *testing.T) {
			u := env.Client(t)
			u.SignIn(coordinator)
			for _, path := range []string{planURL(ws, p.ID, ""), planURL(ws, p.ID, "/fields/title/edit"), planURL(ws, p.ID, "/fields/status/edit"),
				actionURL(ws, training.ID, ""), actionURL(ws, training.ID, "/fields/rights/edit")} {
				r := u.Get(path)
				checkPage(t, path, r)
			}
			r := u.Get(planURL(ws, p.ID, "?open="+itoa(training.ID)))
			if r.Doc.Find(`script[src="/static/vendor/sortable.min.js"]`).Length() != 1 {
				t.Error("the board does not load drag and drop for an editor")
			}
			up := r.Doc.Find("#move-up-" + itoa(training.ID))
			if got := strings.Join(strings.Fields(up.Text()), " "); got != "↑ Omhoog: Training signalen herkennen" {
				t.Errorf("move button says %q", got)
			}
			if h, _ := r.Doc.Find("#action-" + itoa(training.ID) + " .schakel-drag-handle").Attr("aria-hidden"); h != "true" {
				t.Error("the drag handle is not hidden from screen readers")
			}
		})

		t.Run("another workspace's plans are not found", func(t *testing.T) {
			lindendal := workspaceID(t, db, "Lindendal")
			theirs := newPlan(t, env, lindendal, outsider, "Plan Lindendal", model.FrameworkVNG)
			their := addAction(t, env, theirs, "Actie in Lindendal", model.ThemePolicy)
			u := env.Client(t)
			u.SignIn(coordinator)
			for _, path := range []string{
				planURL(ws, theirs.ID, ""), planURL(ws, theirs.ID, "/fields/title/edit"), actionURL(ws, their.ID, ""),
				actionURL(ws, their.ID, "/fields/title"), actionURL(ws, their.ID, "/fields/title/edit"),
				planURL(lindendal, theirs.ID, ""), planURL(ws, 999999, ""), wsPath(ws, "/plans/abc"),
			} {
				if r := u.Get(path); r.Status != http.StatusNotFound {
					t.Errorf("GET %s: %d, want 404", path, r.Status)
				}
			}
			u.Get(planURL(ws, p.ID, ""))
			for _, path := range []string{
				planURL(ws, theirs.ID, "/fields/title"), planURL(ws, theirs.ID, "/actions"), actionURL(ws, their.ID, "/fields/title"),
				actionURL(ws, their.ID, "/move"), actionURL(ws, their.ID, "/delete"), actionURL(ws, their.ID, "/restore"),
			} {
				if r := u.Post(path, url.Values{"value": {"x"}, "version": {"1"}, "title": {"x"}, "theme": {"beleid"}, "direction": {"up"}}); r.Status != http.StatusNotFound {
					t.Errorf("POST %s: %d, want 404", path, r.Status)
				}
			}
			if a, err := store.Action(context.Background(), db, lindendal, their.ID); err != nil || a.Title != "Actie in Lindendal" || a.DeletedAt != nil {
				t.Fatalf("the other workspace's action changed: %+v %v", a, err)
			}
		})
	})
}

func TestPlanFieldsInPlace(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Actieplan Havenstad", model.FrameworkVNG)
		c := env.Client(t)
		c.SignIn(coordinator)
		board := planURL(ws, p.ID, "")
		c.Get(board)

		ed := hx(c, env, "GET", planURL(ws, p.ID, "/fields/status/edit"), nil, board)
		form := ed.Doc.Find("form#plan-" + itoa(p.ID) + "-status")
		if ed.Status != http.StatusOK || form.Length() != 1 || form.Find("select[name=value][autofocus]").Length() != 1 {
			t.Fatalf("editor: %d %s", ed.Status, ed.Body)
		}
		version, _ := form.Find("input[name=version]").Attr("value")
		r := hx(c, env, "POST", planURL(ws, p.ID, "/fields/status"), url.Values{"value": {"vastgesteld"}, "version": {version}}, board)
		if r.Status != http.StatusOK || r.Text("#plan-"+itoa(p.ID)+"-status .schakel-field__value") != "Vastgesteld" {
			t.Fatalf("save: %d %q", r.Status, r.Body)
		}
		// A second manager still holding the old version gets both values.
		r = hx(c, env, "POST", planURL(ws, p.ID, "/fields/status"), url.Values{"value": {"afgerond"}, "version": {version}}, board)
		if r.Status != http.StatusConflict || !strings.Contains(r.Text(".schakel-conflict__message"), "Anna de Vries heeft dit veld gewijzigd") {
			t.Fatalf("stale save: %d %q", r.Status, r.Text(".schakel-conflict__message"))
		}
		r = hx(c, env, "POST", planURL(ws, p.ID, "/fields/period_end"), url.Values{"value": {"2026-01-01"}, "version": {"2"}}, board)
		if r.Status != http.StatusUnprocessableEntity || !strings.HasPrefix(r.Text("#f-plan-period_end-error"), "De einddatum ligt vóór") {
			t.Fatalf("end before start: %d %q", r.Status, r.Text("#f-plan-period_end-error"))
		}
		// Without JavaScript: the edit link opens the board with the form.
		page := c.Get(planURL(ws, p.ID, "/fields/title/edit"))
		if page.Doc.Find("form#plan-"+itoa(p.ID)+"-title input[name=value]").Length() != 1 {
			t.Fatal("no title form on the page")
		}
		r = c.Post(planURL(ws, p.ID, "/fields/title"), url.Values{"value": {"Actieplan Havenstad 2027"}, "version": {"2"}})
		if r.Status != http.StatusSeeOther || c.Get(r.Location()).Text("h1") != "Actieplan Havenstad 2027" {
			t.Fatalf("plain save: %d to %q", r.Status, r.Location())
		}
		v := env.Client(t)
		v.SignIn(contributor)
		if r := v.Get(planURL(ws, p.ID, "/fields/title/edit")); r.Status != http.StatusForbidden {
			t.Fatalf("contributor opens the plan editor: %d", r.Status)
		}
	})
}
