package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// stored loads an action as the database holds it.
func stored(t *testing.T, db *bun.DB, a *model.Action) *model.Action {
	t.Helper()
	got, err := store.Action(context.Background(), db, a.WorkspaceID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// postFrom submits an empty form without JavaScript from the page at
// referer, as a browser does.
func postFrom(c *testkit.Client, env *testkit.Env, path, referer string) *testkit.Response {
	req, err := http.NewRequest(http.MethodPost, env.URL+path, strings.NewReader(url.Values{"_csrf": {c.CSRF}}.Encode()))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Referer", env.URL+referer)
	return c.Do(req)
}

// editorVersion opens the inline editor of a field and returns the version
// it was opened at.
func editorVersion(t *testing.T, c *testkit.Client, env *testkit.Env, a *model.Action, field, from string) string {
	t.Helper()
	r := hx(c, env, "GET", actionURL(a.WorkspaceID, a.ID, "/fields/"+field+"/edit"), nil, from)
	form := r.Doc.Find("form#action-" + itoa(a.ID) + "-" + field)
	if r.Status != http.StatusOK || form.Length() != 1 {
		t.Fatalf("editor of %s: %d %s", field, r.Status, r.Body)
	}
	v, _ := form.Find("input[name=version]").Attr("value")
	return v
}

func TestActionEditInPlace(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Plan", model.FrameworkPillars)
		a := addAction(t, env, p, "Training signalen herkennen", model.ThemePrevention)
		other := addAction(t, env, p, "Voorlichting op scholen", model.ThemePrevention, "status", "gereed")
		board := planURL(ws, p.ID, "")
		c := env.Client(t)
		c.SignIn(contributor)
		c.Get(board)

		t.Run("the editor", func(t *testing.T) {
			r := hx(c, env, "GET", actionURL(ws, a.ID, "/fields/title/edit"), nil, board)
			form := r.Doc.Find("form#action-" + itoa(a.ID) + "-title")
			if r.Doc.Find("header.schakel-header").Length() != 0 || form.Length() != 1 {
				t.Fatalf("not the editor fragment: %s", r.Body)
			}
			input := form.Find("#f-" + itoa(a.ID) + "-title")
			if v, _ := input.Attr("value"); v != "Training signalen herkennen" {
				t.Fatalf("editor holds %q", v)
			}
			if _, ok := input.Attr("autofocus"); !ok {
				t.Error("the input does not take the focus")
			}
			if _, ok := form.Attr("data-autosave"); !ok {
				t.Error("the editor does not save on leaving")
			}
			if form.Find(`label[for="f-`+itoa(a.ID)+`-title"]`).Length() != 1 {
				t.Error("the input has no label")
			}
			if v, _ := form.Find("input[name=version]").Attr("value"); v != "1" {
				t.Errorf("opened at version %q", v)
			}
			cancel := hx(c, env, "GET", actionURL(ws, a.ID, "/fields/title"), nil, board)
			if cancel.Status != http.StatusOK || cancel.Text("#action-"+itoa(a.ID)+"-title h3") != "Training signalen herkennen" {
				t.Fatalf("cancel: %d %s", cancel.Status, cancel.Body)
			}
		})
		t.Run("save returns the field as shown", func(t *testing.T) {
			v := editorVersion(t, c, env, a, "title", board)
			r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/title"), url.Values{"value": {"Training signalen herkennen voor jongerenwerkers"}, "version": {v}}, board)
			id := "#action-" + itoa(a.ID)
			if r.Status != http.StatusOK || r.Text(id+"-title h3") != "Training signalen herkennen voor jongerenwerkers" {
				t.Fatalf("save: %d %s", r.Status, r.Body)
			}
			if n := r.Doc.Find("form.schakel-field--editing").Length(); n != 0 {
				t.Fatalf("answer still holds %d editors", n)
			}
			if got := strings.Join(strings.Fields(r.Text("#move-up-"+itoa(a.ID))), " "); got != "↑ Omhoog: Training signalen herkennen voor jongerenwerkers" {
				t.Errorf("move button still says %q", got)
			}
			if oob, _ := r.Doc.Find(id + "-tools").Attr("hx-swap-oob"); oob != "true" {
				t.Errorf("the buttons are not updated out of band")
			}
			if got := stored(t, db, a).Title; got != "Training signalen herkennen voor jongerenwerkers" {
				t.Fatalf("stored %q", got)
			}
		})
		t.Run("status brings progress and roll-ups along", func(t *testing.T) {
			v := editorVersion(t, c, env, a, "status", board)
			r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/status"), url.Values{"value": {"bezig"}, "version": {v}}, board)
			id := "#action-" + itoa(a.ID)
			if r.Status != http.StatusOK || r.Text(id+"-status .schakel-field__value") != "Bezig" {
				t.Fatalf("save: %d %s", r.Status, r.Body)
			}
			if got := r.Text(id + "-progress[hx-swap-oob] .schakel-meter__text"); got != "50%" {
				t.Errorf("progress updated to %q", got)
			}
			if got := r.Text("#rollup-theme-preventie[hx-swap-oob] .schakel-meter__text"); got != "75%" {
				t.Errorf("theme roll-up %q, want 75%%", got)
			}
			if got := r.Text("#rollup-plan[hx-swap-oob] .schakel-meter__text"); got != "75%" {
				t.Errorf("plan roll-up %q, want 75%%", got)
			}
		})
		t.Run("rights come as several values", func(t *testing.T) {
			v := editorVersion(t, c, env, a, "rights", board)
			r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/rights"), url.Values{"value": {"34", "3", "35"}, "version": {v}}, board)
			if r.Status != http.StatusOK {
				t.Fatalf("save: %d %s", r.Status, r.Body)
			}
			var names []string
			r.Doc.Find(".schakel-rights__item").Each(func(_ int, s *goquery.Selection) { names = append(names, s.Text()) })
			if strings.Join(names, "|") != "Art. 3 Belang van het kind|Art. 34 Seksuele uitbuiting en seksueel misbruik|Art. 35 Ontvoering, verkoop van en handel in kinderen" {
				t.Fatalf("rights shown %v", names)
			}
			if got := stored(t, db, a).Rights; got != "3,34,35" {
				t.Fatalf("stored %q", got)
			}
		})

		t.Run("on the action's page the field stays a form", func(t *testing.T) {
			page := actionURL(ws, a.ID, "")
			v := editorVersion(t, c, env, a, "status", page)
			r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/status"), url.Values{"value": {"geblokkeerd"}, "version": {v}}, page)
			form := r.Doc.Find("form#action-" + itoa(a.ID) + "-status:not([hx-swap-oob])")
			if r.Status != http.StatusOK || form.Length() != 1 {
				t.Fatalf("save: %d %s", r.Status, r.Body)
			}
			now := itoa(int64(stored(t, db, a).Version))
			if got, _ := form.Find("input[name=version]").Attr("value"); got != now {
				t.Fatalf("the form is at version %q, want %s", got, now)
			}
			progress := r.Doc.Find("form#action-" + itoa(a.ID) + "-progress[hx-swap-oob]")
			if got, _ := progress.Find("input[name=value]").Attr("value"); got != "25" {
				t.Fatalf("progress form holds %q, want the status' 25", got)
			}
			if got := r.Text("[role=status]"); got != "Status is opgeslagen." {
				t.Fatalf("notice %q", got)
			}
		})

		outsiderUser := userByEmail(t, db, outsider)
		refused := []struct {
			name, field, value, message string
		}{
			{"progress over 100", "progress", "150", "Vul een voortgang in van 0 tot en met 100 procent."},
			{"a date that does not exist", "due_date", "2027-02-30", "Vul een geldige datum in"},
			{"an owner who is not a member", "owner", itoa(outsiderUser.ID), "Deze persoon is geen lid van deze werkruimte."},
			{"a title of 100 kB", "title", strings.Repeat("lang ", 20000), "Dit is te lang."},
			{"an empty title", "title", "   ", "Vul dit veld in."},
			{"an article that is no right", "rights", "99", "Kies een van de mogelijkheden."},
			{"a theme of another framework", "theme", "beleid", "Kies een van de mogelijkheden."},
		}
		for _, tt := range refused {
			t.Run("422 for "+tt.name, func(t *testing.T) {
				before := stored(t, db, a)
				changes := count(t, db, (*model.Change)(nil))
				v := editorVersion(t, c, env, a, tt.field, board)
				r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/"+tt.field), url.Values{"value": {tt.value}, "version": {v}}, board)
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if r.Header.Get("HX-Retarget") != "" {
					t.Errorf("the editor was retargeted to %q", r.Header.Get("HX-Retarget"))
				}
				form := r.Doc.Find("form#action-" + itoa(a.ID) + "-" + tt.field)
				errID := "f-" + itoa(a.ID) + "-" + tt.field + "-error"
				if got := strings.TrimSpace(form.Find("#" + errID).Text()); !strings.HasPrefix(got, tt.message) {
					t.Fatalf("message %q, want %q", got, tt.message)
				}
				invalid := form.Find(`[aria-invalid="true"]`)
				if d, _ := invalid.Attr("aria-describedby"); invalid.Length() != 1 || d != errID {
					t.Fatalf("%d invalid controls described by %q", invalid.Length(), d)
				}
				after := stored(t, db, a)
				if service := after.Version; service != before.Version || after.Title != before.Title || after.Progress != before.Progress ||
					after.DueDate != before.DueDate || after.Rights != before.Rights || after.OwnerUserID != nil {
					t.Fatalf("refused input changed the action: %+v", after)
				}
				if got := count(t, db, (*model.Change)(nil)); got != changes {
					t.Fatalf("refused input wrote %d history entries", got-changes)
				}
			})
		}

		t.Run("a stale write shows both values", func(t *testing.T) {
			mine := editorVersion(t, c, env, other, "title", board)
			mo := env.Client(t)
			mo.SignIn(editor)
			mo.Get(board)
			theirs := editorVersion(t, mo, env, other, "title", board)
			if r := hx(mo, env, "POST", actionURL(ws, other.ID, "/fields/title"), url.Values{"value": {"Voorlichting over pooierboys"}, "version": {theirs}}, board); r.Status != http.StatusOK {
				t.Fatalf("their save: %d", r.Status)
			}
			r := hx(c, env, "POST", actionURL(ws, other.ID, "/fields/title"), url.Values{"value": {"Voorlichting op alle scholen"}, "version": {mine}}, board)
			if r.Status != http.StatusConflict {
				t.Fatalf("stale save: %d, want 409", r.Status)
			}
			if r.Header.Get("HX-Retarget") != "" {
				t.Fatalf("the conflict was retargeted to %q", r.Header.Get("HX-Retarget"))
			}
			view := r.Doc.Find("#action-" + itoa(other.ID) + "-title.schakel-field--conflict")
			if view.Length() != 1 {
				t.Fatalf("no conflict view in the field's place: %s", r.Body)
			}
			if got := view.Find(".schakel-conflict__message").Text(); !strings.Contains(got, "Mo Bakker heeft dit veld gewijzigd terwijl u het bewerkte") {
				t.Fatalf("message %q", got)
			}
			var values []string
			view.Find(".schakel-conflict__value dd").Each(func(_ int, s *goquery.Selection) { values = append(values, strings.TrimSpace(s.Text())) })
			if strings.Join(values, "|") != "Voorlichting over pooierboys|Voorlichting op alle scholen" {
				t.Fatalf("values side by side: %v", values)
			}
			if got := stored(t, db, other).Title; got != "Voorlichting over pooierboys" {
				t.Fatalf("the stale write overwrote: %q", got)
			}
			// Use mine: the form resubmits my value at the current version.
			current, _ := view.Find("input[name=version]").Attr("value")
			value, _ := view.Find("input[name=value]").Attr("value")
			if current != itoa(int64(stored(t, db, other).Version)) || value != "Voorlichting op alle scholen" {
				t.Fatalf("use mine sends %q at version %q", value, current)
			}
			edit := hx(c, env, "POST", actionURL(ws, other.ID, "/fields/title"), url.Values{"value": {value}, "version": {current}, "edit": {"1"}}, board)
			if v, _ := edit.Doc.Find("#f-" + itoa(other.ID) + "-title").Attr("value"); edit.Status != http.StatusOK || v != "Voorlichting op alle scholen" {
				t.Fatalf("edit mine: %d, editor holds %q", edit.Status, v)
			}
			if got := stored(t, db, other).Title; got != "Voorlichting over pooierboys" {
				t.Fatalf("asking for the editor saved: %q", got)
			}
			r = hx(c, env, "POST", actionURL(ws, other.ID, "/fields/title"), url.Values{"value": {value}, "version": {current}}, board)
			if r.Status != http.StatusOK || stored(t, db, other).Title != "Voorlichting op alle scholen" {
				t.Fatalf("use mine: %d, stored %q", r.Status, stored(t, db, other).Title)
			}
		})
		t.Run("a stale write without JavaScript", func(t *testing.T) {
			page := c.Get(actionURL(ws, other.ID, ""))
			v, _ := page.Doc.Find("form#action-" + itoa(other.ID) + "-due_date input[name=version]").Attr("value")
			mo := env.Client(t)
			mo.SignIn(editor)
			mo.Get(actionURL(ws, other.ID, ""))
			if r := mo.Post(actionURL(ws, other.ID, "/fields/due_date"), url.Values{"value": {"2027-06-30"}, "version": {v}}); r.Status != http.StatusSeeOther {
				t.Fatalf("their save: %d", r.Status)
			}
			r := c.Post(actionURL(ws, other.ID, "/fields/due_date"), url.Values{"value": {"2027-03-31"}, "version": {v}})
			if r.Status != http.StatusConflict || r.Doc.Find("header.schakel-header").Length() != 1 {
				t.Fatalf("stale plain save: %d", r.Status)
			}
			var values []string
			r.Doc.Find("#action-" + itoa(other.ID) + "-due_date .schakel-conflict__value dd").Each(func(_ int, s *goquery.Selection) { values = append(values, s.Text()) })
			if strings.Join(values, "|") != "30 juni 2027|31 maart 2027" {
				t.Fatalf("values %v", values)
			}
		})
		t.Run("without JavaScript a save redirects back", func(t *testing.T) {
			page := c.Get(actionURL(ws, a.ID, ""))
			checkPage(t, actionURL(ws, a.ID, ""), page)
			v, _ := page.Doc.Find("form#action-" + itoa(a.ID) + "-due_date input[name=version]").Attr("value")
			r := c.Post(actionURL(ws, a.ID, "/fields/due_date"), url.Values{"value": {"2027-09-01"}, "version": {v}})
			if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), actionURL(ws, a.ID, "?notice=action_saved")) {
				t.Fatalf("plain save: %d to %q", r.Status, r.Location())
			}
			back := c.Get(r.Location())
			if got := back.Text("#alerts [role=status]"); got != "De wijziging is opgeslagen." {
				t.Fatalf("notice %q", got)
			}
			if v, _ := back.Doc.Find("#f-" + itoa(a.ID) + "-due_date").Attr("value"); v != "2027-09-01" {
				t.Fatalf("form shows %q", v)
			}
			bad := c.Post(actionURL(ws, a.ID, "/fields/progress"), url.Values{"value": {"-5"}, "version": {itoa(int64(stored(t, db, a).Version))}})
			if bad.Status != http.StatusUnprocessableEntity || !strings.HasPrefix(bad.Text("#f-"+itoa(a.ID)+"-progress-error"), "Vul een voortgang in") {
				t.Fatalf("plain bad save: %d %q", bad.Status, bad.Text("#f-"+itoa(a.ID)+"-progress-error"))
			}
			if v, _ := bad.Doc.Find("#f-" + itoa(a.ID) + "-progress").Attr("value"); v != "-5" {
				t.Fatalf("typed value not kept: %q", v)
			}
		})
		t.Run("HTML in a title is shown as text", func(t *testing.T) {
			evil := `<script>alert("x")</script><b onmouseover="x()">vet</b>`
			v := editorVersion(t, c, env, a, "title", board)
			if r := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/title"), url.Values{"value": {evil}, "version": {v}}, board); r.Status != http.StatusOK {
				t.Fatalf("save: %d", r.Status)
			}
			for _, path := range []string{board, actionURL(ws, a.ID, "")} {
				r := c.Get(path)
				sel := "#action-" + itoa(a.ID) + "-title h3"
				if path != board {
					sel = "h1"
				}
				if got := r.Text(sel); got != evil {
					t.Errorf("%s: title shows %q", path, got)
				}
				if n := r.Doc.Find("main script, main b").Length(); n != 0 {
					t.Errorf("%s: the title became %d elements", path, n)
				}
				if title := r.Text("title"); !strings.HasPrefix(title, "Plan") && !strings.HasPrefix(title, evil) {
					t.Errorf("%s: page title %q", path, title)
				}
			}
		})
	})
}

func TestActionPermissions(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Plan", model.FrameworkPillars)
		a := addAction(t, env, p, "Training", model.ThemePrevention)
		tests := []struct {
			name       string
			email      string
			read, edit int
		}{
			{"coordinator", coordinator, http.StatusOK, http.StatusOK},
			{"editor", editor, http.StatusOK, http.StatusOK},
			{"contributor", contributor, http.StatusOK, http.StatusOK},
			{"viewer", viewer, http.StatusOK, http.StatusForbidden},
			{"reviewer", reviewer, http.StatusOK, http.StatusForbidden},
			{"member of another workspace", outsider, http.StatusNotFound, http.StatusNotFound},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				page := c.Get(actionURL(ws, a.ID, ""))
				if page.Status != tt.read {
					t.Fatalf("action page: %d, want %d", page.Status, tt.read)
				}
				if tt.read == http.StatusOK {
					editable := page.Doc.Find("form#action-"+itoa(a.ID)+"-title").Length() == 1
					if editable != (tt.edit == http.StatusOK) {
						t.Fatalf("fields editable: %v", editable)
					}
				}
				version := itoa(int64(stored(t, db, a).Version))
				r := c.Post(actionURL(ws, a.ID, "/fields/progress"), url.Values{"value": {"10"}, "version": {version}})
				if want := map[int]int{http.StatusOK: http.StatusSeeOther}[tt.edit]; want == 0 && r.Status != tt.edit || want != 0 && r.Status != want {
					t.Fatalf("save: %d, want %d", r.Status, tt.edit)
				}
				for _, path := range []string{"/move", "/delete", "/restore"} {
					r := c.Post(actionURL(ws, a.ID, path), url.Values{"direction": {"up"}})
					if ok := r.Status == http.StatusSeeOther; ok != (tt.edit == http.StatusOK) || !ok && r.Status != tt.edit {
						t.Errorf("POST %s: %d, want %d", path, r.Status, tt.edit)
					}
				}
				if got := stored(t, db, a); got.DeletedAt != nil {
					t.Fatalf("%s left the action deleted", tt.name)
				}
				if r := c.Post(planURL(ws, p.ID, "/actions"), url.Values{"title": {""}, "theme": {"preventie"}}); r.Status != map[int]int{http.StatusOK: http.StatusUnprocessableEntity}[tt.edit] && r.Status != tt.edit {
					t.Errorf("add: %d", r.Status)
				}
			})
		}
	})
}

func TestActionAddMoveDeleteAndHistory(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Plan", model.FrameworkPillars)
		one := addAction(t, env, p, "Een", model.ThemePrevention)
		two := addAction(t, env, p, "Twee", model.ThemePrevention)
		three := addAction(t, env, p, "Drie", model.ThemePrevention, "status", "gereed")
		board := planURL(ws, p.ID, "")
		c := env.Client(t)
		c.SignIn(coordinator)
		c.Get(board)
		order := func() string { return strings.Join(listed(c.Get(board), model.ThemePrevention), ",") }
		// answered is the order of prevention's rows that an answer tells
		// the page to put them in, by title.
		titles := map[string]string{itoa(one.ID): "Een", itoa(two.ID): "Twee", itoa(three.ID): "Drie"}
		answered := func(r *testkit.Response) string {
			spec, _ := r.Doc.Find("#live-order[hx-swap-oob]").Attr("data-order")
			for _, part := range strings.Split(spec, "|") {
				if ids, ok := strings.CutPrefix(part, "preventie="); ok {
					var out []string
					for _, id := range strings.Split(ids, ",") {
						out = append(out, titles[id])
					}
					return strings.Join(out, ",")
				}
			}
			return ""
		}

		t.Run("add with htmx appends to the theme", func(t *testing.T) {
			r := hx(c, env, "POST", planURL(ws, p.ID, "/actions"), url.Values{"title": {"Vier"}, "theme": {"signalering"}}, board)
			if r.Status != http.StatusOK || r.Header.Get("HX-Retarget") != "#theme-signalering-actions" || r.Header.Get("HX-Reswap") != "beforeend" {
				t.Fatalf("add: %d to %q %q", r.Status, r.Header.Get("HX-Retarget"), r.Header.Get("HX-Reswap"))
			}
			if got := r.Text("li.schakel-action:not([hx-swap-oob]) .schakel-action__open"); got != "Vier" {
				t.Fatalf("new item %q", got)
			}
			if got := r.Text("#rollup-plan[hx-swap-oob] .schakel-rollup__count"); got != "4 acties" {
				t.Fatalf("roll-up count %q", got)
			}
			if got := listed(c.Get(board), model.ThemeSignalling); strings.Join(got, ",") != "Vier" {
				t.Fatalf("signalering lists %v", got)
			}
			bad := hx(c, env, "POST", planURL(ws, p.ID, "/actions"), url.Values{"title": {""}, "theme": {"signalering"}}, board)
			if bad.Status != http.StatusUnprocessableEntity || bad.Header.Get("HX-Retarget") != "#action-add" || bad.Text("#f-title-error") != "Vul dit veld in." {
				t.Fatalf("empty title: %d %q %q", bad.Status, bad.Header.Get("HX-Retarget"), bad.Text("#f-title-error"))
			}
		})
		t.Run("keyboard moves persist", func(t *testing.T) {
			moves := []struct {
				action *model.Action
				dir    string
				want   string
			}{
				{three, "up", "Een,Drie,Twee"},
				{three, "up", "Drie,Een,Twee"},
				{three, "up", "Drie,Een,Twee"}, // first already
				{one, "down", "Drie,Twee,Een"},
				{two, "down", "Drie,Een,Twee"},
			}
			for _, m := range moves {
				r := hx(c, env, "POST", actionURL(ws, m.action.ID, "/move"), url.Values{"direction": {m.dir}}, board)
				if r.Status != http.StatusOK {
					t.Fatalf("move %s %s: %d", m.action.Title, m.dir, r.Status)
				}
				// The answer is the new order, not the rows again: a row
				// open on the page stays open.
				if n := r.Doc.Find("li.schakel-action").Length(); n != 0 {
					t.Fatalf("move %s %s answers %d rows", m.action.Title, m.dir, n)
				}
				if got := answered(r); got != m.want {
					t.Fatalf("after %s %s the answer lists %s, want %s", m.action.Title, m.dir, got, m.want)
				}
				if got := order(); got != m.want {
					t.Fatalf("after %s %s the board lists %s, want %s", m.action.Title, m.dir, got, m.want)
				}
			}
			if got := hx(c, env, "POST", actionURL(ws, two.ID, "/move"), url.Values{"direction": {"up"}}, board).Text("[role=status]"); got != "„Twee” staat nu op plaats 2 van 3 in Preventie." {
				t.Fatalf("announcement %q", got)
			}
			// Without JavaScript: the same, and back to the board.
			r := c.Post(actionURL(ws, one.ID, "/move"), url.Values{"direction": {"up"}})
			if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), board) || !strings.HasSuffix(r.Location(), "?open="+itoa(one.ID)+"#action-"+itoa(one.ID)) {
				t.Fatalf("plain move: %d to %q", r.Status, r.Location())
			}
			if got := order(); got != "Drie,Een,Twee" {
				t.Fatalf("plain move gave %s", got)
			}
		})
		t.Run("moves within a filter follow what is shown", func(t *testing.T) {
			// Only the planned actions are shown: Een and Twee; Drie is
			// done. Twee goes up past Een, and so first.
			filtered := board + "?status=gepland"
			r := hx(c, env, "POST", actionURL(ws, two.ID, "/move"), url.Values{"direction": {"up"}}, filtered)
			if got := answered(r); r.Status != http.StatusOK || got != "Twee,Een" {
				t.Fatalf("filtered move: %d lists %s", r.Status, got)
			}
			if got := order(); got != "Twee,Drie,Een" {
				t.Fatalf("filtered move gave %s", got)
			}
		})
		t.Run("drag and drop into another theme", func(t *testing.T) {
			r := hx(c, env, "POST", actionURL(ws, two.ID, "/move"), url.Values{"theme": {"zorg"}, "after": {"0"}}, board)
			// The page has the row in place: it gets its new version and
			// theme.
			if v, _ := r.Doc.Find("#live-version[hx-swap-oob][data-id='" + itoa(two.ID) + "']").Attr("data-theme"); r.Status != http.StatusOK || v != "zorg" {
				t.Fatalf("drop: %d %s", r.Status, r.Body)
			}
			if got := r.Text("#rollup-theme-zorg[hx-swap-oob] .schakel-rollup__count"); got != "1 actie" {
				t.Fatalf("zorg roll-up %q", got)
			}
			after := c.Get(board)
			if got := strings.Join(listed(after, model.ThemeCare), ","); got != "Twee" {
				t.Fatalf("zorg lists %s", got)
			}
			r = hx(c, env, "POST", actionURL(ws, two.ID, "/move"), url.Values{"theme": {"preventie"}, "after": {itoa(three.ID)}}, board)
			if r.Status != http.StatusOK || order() != "Drie,Twee,Een" {
				t.Fatalf("drop back: %d, order %s", r.Status, order())
			}
			for _, bad := range []url.Values{{"theme": {"beleid"}, "after": {"0"}}, {"theme": {"preventie"}, "after": {"abc"}}} {
				if r := hx(c, env, "POST", actionURL(ws, two.ID, "/move"), bad, board); r.Status < 400 || r.Status >= 500 {
					t.Errorf("drop %v: %d", bad, r.Status)
				}
			}
			if r := hx(c, env, "POST", actionURL(ws, two.ID, "/move"), url.Values{"theme": {"preventie"}, "after": {"987654"}}, board); r.Status != http.StatusNotFound {
				t.Errorf("drop after an unknown action: %d", r.Status)
			}
		})
		t.Run("delete offers undo in place", func(t *testing.T) {
			r := hx(c, env, "POST", actionURL(ws, two.ID, "/delete"), nil, board)
			placeholder := r.Doc.Find("li#action-" + itoa(two.ID) + "-deleted")
			if r.Status != http.StatusOK || placeholder.Length() != 1 {
				t.Fatalf("delete: %d %s", r.Status, r.Body)
			}
			undo := placeholder.Find("button#undo-" + itoa(two.ID))
			if !strings.HasPrefix(undo.Text(), "Ongedaan maken") {
				t.Fatalf("undo button says %q", undo.Text())
			}
			if got := order(); got != "Drie,Een" {
				t.Fatalf("after delete the board lists %s", got)
			}
			if stored(t, db, two).DeletedAt == nil {
				t.Fatal("not deleted")
			}
			page := c.Get(actionURL(ws, two.ID, ""))
			if !strings.Contains(page.Text(".utrecht-alert"), "is verwijderd") || page.Doc.Find(`form[action$="/restore"]`).Length() != 1 {
				t.Fatalf("the deleted action's page: %q", page.Text(".utrecht-alert"))
			}
			if n := page.Doc.Find("form.schakel-field--editing, .schakel-field__edit").Length(); n != 0 {
				t.Fatalf("a deleted action offers %d editors", n)
			}
			if r := hx(c, env, "GET", actionURL(ws, two.ID, "/fields/title/edit"), nil, board); r.Status != http.StatusGone {
				t.Fatalf("editing a deleted action: %d, want 410", r.Status)
			}
			r = hx(c, env, "POST", actionURL(ws, two.ID, "/restore"), nil, board)
			if r.Status != http.StatusOK || r.Text("li#action-"+itoa(two.ID)+" .schakel-action__open") != "Twee" {
				t.Fatalf("undo: %d %s", r.Status, r.Body)
			}
			if got := order(); got != "Drie,Twee,Een" {
				t.Fatalf("after undo the board lists %s", got)
			}
		})
		t.Run("delete and undo without JavaScript", func(t *testing.T) {
			c.Get(board + "?status=gepland")
			r := postFrom(c, env, actionURL(ws, two.ID, "/delete"), board+"?status=gepland")
			if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "deleted="+itoa(two.ID)) || !strings.Contains(r.Location(), "status=gepland") {
				t.Fatalf("plain delete: %d to %q", r.Status, r.Location())
			}
			page := c.Get(r.Location())
			var items []string
			page.Doc.Find("#theme-preventie-actions > li").Each(func(_ int, s *goquery.Selection) {
				id, _ := s.Attr("id")
				items = append(items, id)
			})
			// Drie is done and filtered out; Twee was between it and Een.
			if want := "action-" + itoa(two.ID) + "-deleted,action-" + itoa(one.ID); strings.Join(items, ",") != want {
				t.Fatalf("undo not in the action's place: %v, want %s", items, want)
			}
			if page.Doc.Find(`#action-`+itoa(two.ID)+`-deleted form[action$="/restore"] button`).Length() != 1 {
				t.Fatal("no undo form")
			}
			r = c.Post(actionURL(ws, two.ID, "/restore"), nil)
			if r.Status != http.StatusSeeOther || order() != "Drie,Twee,Een" {
				t.Fatalf("plain undo: %d, order %s", r.Status, order())
			}
		})
		t.Run("history names who changed what, and restores", func(t *testing.T) {
			mo := env.Client(t)
			mo.SignIn(editor)
			mo.Get(board)
			v := editorVersion(t, mo, env, one, "status", board)
			if r := hx(mo, env, "POST", actionURL(ws, one.ID, "/fields/status"), url.Values{"value": {"geblokkeerd"}, "version": {v}}, board); r.Status != http.StatusOK {
				t.Fatalf("save: %d", r.Status)
			}
			page := c.Get(actionURL(ws, one.ID, ""))
			entry := page.Doc.Find(".schakel-history__entry").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return s.Find(".schakel-history__what").Text() == "Status gewijzigd"
			}).First()
			if entry.Length() != 1 {
				t.Fatalf("no status change in the history: %s", page.Text("#action-history"))
			}
			if who := entry.Find(".schakel-history__who").Text(); who != "Mo Bakker" {
				t.Fatalf("change by %q", who)
			}
			var values []string
			entry.Find("dd").Each(func(_ int, s *goquery.Selection) { values = append(values, s.Text()) })
			if strings.Join(values, "|") != "Gepland|Geblokkeerd" {
				t.Fatalf("old and new %v", values)
			}
			action, _ := entry.Find("form").Attr("action")
			r := c.Post(action, nil)
			if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "notice=value_restored") {
				t.Fatalf("restore: %d to %q", r.Status, r.Location())
			}
			if got := stored(t, db, one).Status; got != model.ActionPlanned {
				t.Fatalf("status after restore %q", got)
			}
			// The restore is a change on top, by whoever restored.
			top := c.Get(r.Location()).Doc.Find(".schakel-history__entry").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return s.Find(".schakel-history__what").Text() == "Status gewijzigd"
			}).First()
			values = nil
			top.Find("dd").Each(func(_ int, s *goquery.Selection) { values = append(values, s.Text()) })
			if top.Find(".schakel-history__who").Text() != "Anna de Vries" || strings.Join(values, "|") != "Geblokkeerd|Gepland" {
				t.Fatalf("the restore is not on top of the history: %q", top.Text())
			}
			other := addAction(t, env, p, "Ander", model.ThemeCare)
			otherChanges, err := store.Changes(context.Background(), db, ws, model.EntityAction, other.ID)
			if err != nil || len(otherChanges) == 0 {
				t.Fatal(err)
			}
			if r := c.Post(actionURL(ws, one.ID, "/history/"+itoa(otherChanges[0].ID)+"/restore"), nil); r.Status != http.StatusNotFound {
				t.Fatalf("restoring another action's change: %d", r.Status)
			}
		})
	})
}
