package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// TestPlanRowsOpenInPlace: the board lists one compact row per action; a
// row's details and editors come only when it is opened, by htmx in place
// or, without JavaScript, as the board with that row open.
func TestPlanRowsOpenInPlace(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Samen tegen uitbuiting 2027", model.FrameworkPillars)
		a := addAction(t, env, p, "Training signalen herkennen", model.ThemePrevention, "status", "bezig", "rights", "34")
		addAction(t, env, p, "Voorlichting op scholen", model.ThemePrevention)
		row := "#action-" + itoa(a.ID)

		tests := []struct {
			name string
			who  string
			// open fetches the row as its title's link asks.
			open   func(c *testkit.Client, board string) *testkit.Response
			want   []string
			absent []string
		}{
			{"an editor opens a row with htmx", coordinator,
				func(c *testkit.Client, board string) *testkit.Response {
					return hx(c, env, "GET", actionURL(ws, a.ID, "/item?open=1"), nil, board)
				},
				[]string{row + ".schakel-action--open", "#open-" + itoa(a.ID) + "[aria-expanded=true]", row + "-details #action-" + itoa(a.ID) + "-rights",
					"#edit-" + itoa(a.ID) + "-status[hx-get]", "#edit-" + itoa(a.ID) + "-title[hx-get]", "#move-up-" + itoa(a.ID), "#delete-" + itoa(a.ID)},
				nil},
			{"a reader opens a row with htmx", viewer,
				func(c *testkit.Client, board string) *testkit.Response {
					return hx(c, env, "GET", actionURL(ws, a.ID, "/item?open=1"), nil, board)
				},
				[]string{row + "-details #action-" + itoa(a.ID) + "-rights", row + "-details a[href='" + actionURL(ws, a.ID, "") + "']"},
				[]string{"[id^=edit-]", "#delete-" + itoa(a.ID), ".schakel-drag-handle"}},
			{"without JavaScript the board opens the row", coordinator,
				func(c *testkit.Client, board string) *testkit.Response {
					return c.Get(board + "?open=" + itoa(a.ID))
				},
				[]string{row + ".schakel-action--open " + row + "-details", "#edit-" + itoa(a.ID) + "-status"},
				nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.who)
				board := planURL(ws, p.ID, "")
				page := c.Get(board)
				if n := page.Doc.Find(".schakel-action__details").Length(); n != 0 {
					t.Fatalf("the board comes with %d rows open", n)
				}
				link := page.Doc.Find("#open-" + itoa(a.ID))
				if got, _ := link.Attr("hx-get"); got != actionURL(ws, a.ID, "/item?open=1") {
					t.Fatalf("the row's title fetches %q", got)
				}
				if got, _ := link.Attr("aria-expanded"); got != "false" {
					t.Fatalf("a closed row's title says aria-expanded=%q", got)
				}
				r := tt.open(c, board)
				if r.Status != http.StatusOK {
					t.Fatalf("open: %d", r.Status)
				}
				for _, sel := range tt.want {
					if r.Doc.Find(sel).Length() == 0 {
						t.Errorf("no %s", sel)
					}
				}
				for _, sel := range tt.absent {
					if n := r.Doc.Find(sel).Length(); n != 0 {
						t.Errorf("%d of %s", n, sel)
					}
				}
				// Only the opened row has its details.
				if n := r.Doc.Find(".schakel-action__details").Length(); n != 1 {
					t.Errorf("%d rows open, want 1", n)
				}
			})
		}

		t.Run("an open row's field opens its editor", func(t *testing.T) {
			c := env.Client(t)
			c.SignIn(contributor)
			board := planURL(ws, p.ID, "")
			c.Get(board)
			r := hx(c, env, "GET", actionURL(ws, a.ID, "/fields/status/edit"), nil, board)
			form := r.Doc.Find("form#action-" + itoa(a.ID) + "-status.schakel-field--editing")
			if r.Status != http.StatusOK || form.Find("select[name=value][autofocus]").Length() != 1 {
				t.Fatalf("editor: %d %s", r.Status, r.Body)
			}
			version, _ := form.Find("input[name=version]").Attr("value")
			saved := hx(c, env, "POST", actionURL(ws, a.ID, "/fields/status"), url.Values{"value": {"gereed"}, "version": {version}}, board)
			// The row's line changes with the field.
			if got := saved.Text(row + "-summary[hx-swap-oob] .schakel-summary__status dd"); saved.Status != http.StatusOK || got != "Gereed" {
				t.Fatalf("save: %d, the row's status says %q", saved.Status, got)
			}
		})
	})
}

// TestPlanThemesCollapse: a theme's heading holds the button that
// collapses its list; its count and roll-up are outside what collapses,
// so a collapsed theme still shows them, and the list has column heads.
func TestPlanThemesCollapse(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Samen tegen uitbuiting 2027", model.FrameworkPillars)
		addAction(t, env, p, "Training signalen herkennen", model.ThemePrevention, "status", "gereed")
		addAction(t, env, p, "Voorlichting op scholen", model.ThemePrevention)
		c := env.Client(t)
		c.SignIn(viewer)
		r := c.Get(planURL(ws, p.ID, ""))
		for _, theme := range model.PillarThemes {
			th := string(theme)
			section := r.Doc.Find("#theme-" + th)
			toggle := section.Find("h2 > button#theme-" + th + "-toggle[type=button]")
			controls, _ := toggle.Attr("aria-controls")
			expanded, _ := toggle.Attr("aria-expanded")
			if toggle.Length() != 1 || controls != "theme-"+th+"-body" || expanded != "true" {
				t.Fatalf("%s: toggle %d, aria-controls %q, aria-expanded %q", th, toggle.Length(), controls, expanded)
			}
			body := section.Find("#" + controls)
			if body.Find("#theme-"+th+"-actions").Length() != 1 || body.Find(".schakel-actions__head[aria-hidden=true]").Length() != 1 {
				t.Errorf("%s: the collapsing part lacks the list or its column heads", th)
			}
			if body.Find("#rollup-theme-"+th).Length() != 0 || section.Find("#rollup-theme-"+th).Length() != 1 {
				t.Errorf("%s: the roll-up collapses with the list", th)
			}
		}
		rollup := r.Doc.Find("#rollup-theme-preventie")
		if got := strings.TrimSpace(rollup.Find(".schakel-rollup__count").Text()); got != "2 acties" {
			t.Errorf("prevention counts %q", got)
		}
		if got := strings.TrimSpace(rollup.Find(".schakel-meter__text").Text()); got != "50%" {
			t.Errorf("prevention's progress %q", got)
		}
	})
}

// TestPlanLivePushCarriesRowsCountsAndAuthor: a change pushed to a plan
// brings the row's new line, the filter count's sentence with the plan's
// total, and who changed which fields, for the highlight.
func TestPlanLivePushCarriesRowsCountsAndAuthor(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		mo := env.Client(t)
		mo.SignIn(editor)
		moLive, _ := mo.DialLive(live)

		r := anna.PostHTMX(wsPath(ws, "/actions/"+itoa(a.ID)+"/fields/status"), url.Values{"value": {"geblokkeerd"}, "version": {strconv.Itoa(a.Version)}})
		if r.Status != http.StatusOK {
			t.Fatalf("status change: %d", r.Status)
		}
		doc := moLive.AwaitDoc("the row's line with the new status", func(doc *goquery.Document) bool {
			return strings.TrimSpace(doc.Find("#action-"+itoa(a.ID)+"-summary .schakel-summary__status dd").Text()) == "Geblokkeerd"
		})
		marker := doc.Find("#live-version")
		by, _ := marker.Attr("data-by")
		name, _ := marker.Attr("data-by-name")
		fields, _ := marker.Attr("data-fields")
		if by != itoa(userByEmail(t, db, coordinator).ID) || name != "Anna de Vries" || !strings.Contains(fields, "status") {
			t.Errorf("the marker says by %q (%q), fields %q", by, name, fields)
		}
		text, _ := doc.Find("#filter-count-template").Attr("data-text")
		if want := "{shown} van 1 actie getoond. De voortgang telt alle acties."; text != want {
			t.Errorf("the filter count's sentence %q", text)
		}
	})
}
