package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// coverageTable reads the coverage table as its rows' headers to the
// cells under each article's column header, in words.
func coverageTable(t *testing.T, doc *goquery.Document) map[string]map[string]string {
	t.Helper()
	table := doc.Find("table.schakel-coverage__table")
	if table.Length() != 1 || table.Find("caption").Text() == "" {
		t.Fatalf("no coverage table with a caption")
	}
	var cols []string
	table.Find("thead th").Each(func(i int, s *goquery.Selection) {
		if s.AttrOr("scope", "") != "col" {
			t.Errorf("column header %q has no scope=col", s.Text())
		}
		cols = append(cols, strings.TrimSpace(s.Find("a").Text()))
	})
	out := map[string]map[string]string{}
	table.Find("tbody tr, tfoot tr").Each(func(_ int, tr *goquery.Selection) {
		th := tr.Find("th")
		if th.AttrOr("scope", "") != "row" {
			t.Errorf("row header %q has no scope=row", th.Text())
		}
		row := map[string]string{}
		tr.Find("td").Each(func(i int, td *goquery.Selection) {
			row[cols[i+1]] = strings.Join(strings.Fields(td.Text()), " ")
		})
		out[strings.TrimSpace(th.Text())] = row
	})
	return out
}

func TestCoverageCountsActionsPerThemeAndArticle(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		p := newPlan(t, env, ws, coordinator, "Plan dekking", model.FrameworkPillars)
		// By hand: preventie × 2: 1 open; preventie × 12: 1 open, 1 done;
		// signalering × 3: 1 done; zorg × 39: 1 open (the dropped one
		// counts nowhere). Art. 6 has no action.
		addAction(t, env, p, "Jongeren praten mee", model.ThemePrevention, "rights", "2,12", "status", "bezig")
		addAction(t, env, p, "Jongerenpanel gehouden", model.ThemePrevention, "rights", "12", "status", "gereed")
		addAction(t, env, p, "Meldcode getraind", model.ThemeSignalling, "rights", "3", "status", "gereed")
		addAction(t, env, p, "Nazorg geregeld", model.ThemeCare, "rights", "39", "status", "geblokkeerd")
		addAction(t, env, p, "Vervallen opvang", model.ThemeCare, "rights", "3,39", "status", "vervallen")
		addAction(t, env, p, "Actie zonder artikel", model.ThemeInvestigation)

		c := env.Client(t)
		c.SignIn(viewer)
		r := c.Get(planURL(ws, p.ID, "/coverage"))
		if r.Status != http.StatusOK {
			t.Fatalf("coverage: %d", r.Status)
		}
		got := coverageTable(t, r.Doc)
		want := map[string]map[string]string{
			"Preventie":               {"Art. 2 Geen discriminatie": "1 open op art. 2, Preventie", "Art. 12 Mening van het kind": "1 open op art. 12, Preventie 1 gereed op art. 12, Preventie"},
			"Signalering":             {"Art. 3 Belang van het kind": "1 gereed op art. 3, Signalering"},
			"Opsporing en vervolging": {},
			"Zorg, opvang en nazorg":  {"Art. 39 Herstel en re-integratie": "1 open op art. 39, Zorg, opvang en nazorg"},
			"Alle thema's": {
				"Art. 2 Geen discriminatie": "1 open op art. 2, Alle thema's", "Art. 3 Belang van het kind": "1 gereed op art. 3, Alle thema's",
				"Art. 12 Mening van het kind": "1 open op art. 12, Alle thema's 1 gereed op art. 12, Alle thema's", "Art. 39 Herstel en re-integratie": "1 open op art. 39, Alle thema's",
			},
		}
		if len(got) != len(want) {
			t.Errorf("rows %v", got)
		}
		for theme, cells := range want {
			row, ok := got[theme]
			if !ok {
				t.Errorf("no row %s", theme)
				continue
			}
			if len(row) != len(model.Rights) {
				t.Errorf("%s: %d columns, want %d", theme, len(row), len(model.Rights))
			}
			for col, text := range row {
				w, ok := cells[col]
				if !ok {
					w = "– geen acties"
				}
				if text != w {
					t.Errorf("%s × %s: %q, want %q", theme, col, text, w)
				}
			}
		}

		// The hint names art. 6 alone, and links to the guide.
		hints := texts(r.Doc, ".schakel-coverage-hint")
		if len(hints) != 1 || !strings.HasPrefix(hints[0], "Geen acties op art. 6 — het recht van het kind op leven en ontwikkeling.") {
			t.Errorf("hints %q", hints)
		}
		if r.Doc.Find(`.schakel-coverage-hint a[href="/guide/ivrk-6"]`).Length() != 1 {
			t.Error("the hint does not lead to the guide")
		}
		if r.Doc.Find(`thead a[href="/guide/ivrk-12"]`).Length() != 1 {
			t.Error("the article heading does not lead to the guide")
		}

		// A count leads to the actions it counts.
		for _, tt := range []struct {
			cell, link string
			want       []string
		}{
			{"Preventie", "1 open op art. 12, Preventie", []string{"Jongeren praten mee"}},
			{"Preventie", "1 gereed op art. 12, Preventie", []string{"Jongerenpanel gehouden"}},
			{"Alle thema's", "1 open op art. 39, Alle thema's", []string{"Nazorg geregeld"}},
		} {
			var href string
			r.Doc.Find("tr").Each(func(_ int, tr *goquery.Selection) {
				if strings.TrimSpace(tr.Find("th").Text()) != tt.cell {
					return
				}
				tr.Find("td a").Each(func(_ int, a *goquery.Selection) {
					if strings.Join(strings.Fields(a.Text()), " ") == tt.link {
						href = a.AttrOr("href", "")
					}
				})
			})
			if href == "" {
				t.Errorf("no link %q in %s", tt.link, tt.cell)
				continue
			}
			list := c.Get(href)
			titles := texts(list.Doc, "#coverage-actions .schakel-guide-actions__item > a")
			if strings.Join(titles, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%s lists %q, want %q", tt.link, titles, tt.want)
			}
		}

		// A plan with every principle covered has no hint; the plan page
		// and the workspace page lead to the coverage.
		if r := c.Get(planURL(ws, p.ID, "")); r.Doc.Find(`a[href="`+planURL(ws, p.ID, "/coverage")+`"]`).Length() != 1 {
			t.Error("the plan page has no link to its coverage")
		}
		if r := c.Get(wsPath(ws, "")); r.Doc.Find(`a[href$="/coverage"]`).Length() != 1 {
			t.Error("the workspace page has no link to the coverage")
		}
		addAction(t, env, p, "Gezondheid in beeld", model.ThemeCare, "rights", "6")
		if r := c.Get(planURL(ws, p.ID, "/coverage")); r.Doc.Find(".schakel-coverage-hint").Length() != 0 || r.Text(".schakel-coverage-ok") == "" {
			t.Errorf("with all principles covered the page says %q", r.Text(".schakel-coverage-hints"))
		}

		// Another workspace's plan is not found, through one's own
		// workspace or the other.
		other := newPlan(t, env, workspaceID(t, db, "Lindendal"), outsider, "Plan elders", model.FrameworkVNG)
		for _, path := range []string{planURL(ws, other.ID, "/coverage"), planURL(other.WorkspaceID, other.ID, "/coverage"), planURL(ws, 999999, "/coverage"), planURL(ws, p.ID, "/coverage") + "x"} {
			if r := c.Get(path); r.Status != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, r.Status)
			}
		}
		// Values it does not know ask for no list.
		for _, q := range []string{"?article=7&state=open", "?article=12&state=half", "?article=12&state=open&theme=beleid"} {
			if r := c.Get(planURL(ws, p.ID, "/coverage"+q)); r.Status != http.StatusOK || r.Doc.Find("#coverage-actions").Length() != 0 {
				t.Errorf("%s: %d, with a list: %v", q, r.Status, r.Doc.Find("#coverage-actions").Length() != 0)
			}
		}
	})
}
