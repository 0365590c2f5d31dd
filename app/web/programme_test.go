package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// overviewRow is one line of the programme overview as a reader sees it:
// each cell's text and, where it is a link, where it leads.
type overviewRow struct {
	name  string
	text  map[string]string
	links map[string]string
}

func overviewRows(t *testing.T, r *testkit.Response) []overviewRow {
	t.Helper()
	var rows []overviewRow
	r.Doc.Find("#programme-table tbody tr").Each(func(_ int, tr *goquery.Selection) {
		row := overviewRow{name: strings.TrimSpace(tr.Find("th").Text()), text: map[string]string{}, links: map[string]string{}}
		tr.Find("td[data-column]").Each(func(_ int, td *goquery.Selection) {
			col, _ := td.Attr("data-column")
			row.text[col] = strings.Join(strings.Fields(td.Text()), " ")
			if href, ok := td.Find("a").First().Attr("href"); ok {
				row.links[col] = href
			}
		})
		rows = append(rows, row)
	})
	if len(rows) == 0 {
		t.Fatalf("no rows on the overview (status %d)", r.Status)
	}
	return rows
}

// TestProgrammeNumbersAgreeWithPlanPages follows every number of the
// overview to the list it counts and counts that list: the plan page's
// roll-up, its rows filtered by status and overdue, and the meetings
// filtered to the year's trainings held; for the reviewer over every
// workspace and for a coordinator over her own.
func TestProgrammeNumbersAgreeWithPlanPages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		// Something overdue and a training held today in Havenstad, besides
		// the demo's own.
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		if _, err := db.NewUpdate().Model((*model.Action)(nil)).Set("due_date = ?", "2021-01-01").
			Where("workspace_id = ? AND status = ?", ws, model.ActionPlanned).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		for _, who := range []struct {
			email string
			rows  int
		}{{reviewer, 6}, {coordinator, 1}} {
			t.Run(who.email, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(who.email)
				page := c.Get("/programme")
				if page.Status != http.StatusOK {
					t.Fatalf("overview: %d", page.Status)
				}
				rows := overviewRows(t, page)
				if len(rows) != who.rows {
					t.Fatalf("%d rows, want %d", len(rows), who.rows)
				}
				checked := 0
				for _, row := range rows {
					plan := c.Get(row.links["progress"])
					if got := plan.Text("#rollup-plan .schakel-meter__text"); got != row.text["progress"] {
						t.Errorf("%s: overview progress %q, plan page %q", row.name, row.text["progress"], got)
					}
					for _, col := range []string{"gepland", "bezig", "gereed", "geblokkeerd", "vervallen", "overdue"} {
						list := c.Get(row.links[col])
						if list.Status != http.StatusOK {
							t.Fatalf("%s %s: %s answers %d", row.name, col, row.links[col], list.Status)
						}
						if got := list.Doc.Find("li.schakel-action").Length(); strconv.Itoa(got) != row.text[col] {
							t.Errorf("%s, %s: overview %s, plan page lists %d (%s)", row.name, col, row.text[col], got, row.links[col])
						}
						checked++
					}
					meetings := c.Get(row.links["trainings"])
					if got := meetings.Doc.Find(".schakel-meeting-card").Length(); strconv.Itoa(got) != row.text["trainings"] {
						t.Errorf("%s: overview %s trainings, meeting list shows %d (%s)", row.name, row.text["trainings"], got, row.links["trainings"])
					}
					if !strings.HasSuffix(row.links["coverage"], "/coverage") || !strings.HasSuffix(row.links["advice"], "/advice?state=open") {
						t.Errorf("%s: coverage %q, advice %q", row.name, row.links["coverage"], row.links["advice"])
					}
				}
				if checked == 0 {
					t.Fatal("nothing compared")
				}
			})
		}
		// The overdue figure is not zero in Havenstad, so the comparison
		// above compared something.
		c := env.Client(t)
		c.SignIn(coordinator)
		if row := overviewRows(t, c.Get("/programme"))[0]; row.text["overdue"] == "0" {
			t.Fatalf("Havenstad has no overdue actions on the overview: %v", row.text)
		}
	})
}

// TestProgrammeSortAndFilter sorts by a column and filters by kind and
// region with plain links and forms.
func TestProgrammeSortAndFilter(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(reviewer)
		var region int64
		if err := db.NewSelect().Table("regions").Column("id").Where("name = ?", "Kustland").Scan(context.Background(), &region); err != nil {
			t.Fatal(err)
		}
		names := func(r *testkit.Response) string {
			var out []string
			for _, row := range overviewRows(t, r) {
				out = append(out, row.name)
			}
			return strings.Join(out, ", ")
		}
		tests := []struct {
			name, query, want, sorted, order string
		}{
			{"by name", "", "Bergvliet, Havenstad, Lindendal, Regio Lindendal, Rietveen, Waterzande", "name", "ascending"},
			{"by name, reversed", "?sort=name&dir=desc", "Waterzande, Rietveen, Regio Lindendal, Lindendal, Havenstad, Bergvliet", "name", "descending"},
			{"networks", "?kind=netwerk", "Regio Lindendal", "name", "ascending"},
			{"the coast", "?region=" + strconv.FormatInt(region, 10), "Havenstad, Waterzande", "name", "ascending"},
			{"unknown column", "?sort=nonsense", "Bergvliet, Havenstad, Lindendal, Regio Lindendal, Rietveen, Waterzande", "name", "ascending"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Get("/programme" + tt.query)
				if got := names(r); got != tt.want {
					t.Fatalf("rows %s, want %s", got, tt.want)
				}
				if got, _ := r.Doc.Find(`th[data-column="` + tt.sorted + `"]`).Attr("aria-sort"); got != tt.order {
					t.Fatalf("aria-sort %q, want %q", got, tt.order)
				}
			})
		}
		// Every column's link sorts by it: the progress column, followed,
		// puts the highest first.
		page := c.Get("/programme")
		href, _ := page.Doc.Find(`th[data-column="progress"] a`).Attr("href")
		sorted := c.Get(href)
		rows := overviewRows(t, sorted)
		for i := 1; i < len(rows); i++ {
			if pct(rows[i-1].text["progress"]) < pct(rows[i].text["progress"]) {
				t.Fatalf("not highest first: %s %s, then %s %s", rows[i-1].name, rows[i-1].text["progress"], rows[i].name, rows[i].text["progress"])
			}
		}
		if got, _ := sorted.Doc.Find(`th[data-column="progress"]`).Attr("aria-sort"); got != "descending" {
			t.Fatalf("after following the link aria-sort is %q", got)
		}
	})
}

func pct(s string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	return n
}

// TestProgrammeCSV downloads the overview with its filter and order: the
// same rows and figures as the page, and no cell a spreadsheet would run.
func TestProgrammeCSV(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		if _, err := db.NewUpdate().Model((*model.Workspace)(nil)).Set("name = ?", "=HYPERLINK(\"https://example.org\")").Where("id = ?", ws).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := db.NewUpdate().Model((*model.Plan)(nil)).Set("title = ?", "@SUM(1+1)").Where("workspace_id = ?", ws).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		c := env.Client(t)
		c.SignIn(reviewer)
		query := "?kind=gemeente&sort=progress&dir=desc"
		page := overviewRows(t, c.Get("/programme"+query))
		r := c.Get("/programme.csv" + query)
		if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(r.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("CSV: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Header.Get("Content-Disposition"))
		}
		records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.Body, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header := records[0]
		col := func(name string) int {
			for i, h := range header {
				if h == name {
					return i
				}
			}
			t.Fatalf("no column %q in %v", name, header)
			return -1
		}
		if len(records)-1 != len(page) {
			t.Fatalf("%d lines, the page has %d rows", len(records)-1, len(page))
		}
		for i, row := range page {
			rec := records[i+1]
			name := rec[col("Werkruimte")]
			if strings.HasPrefix(row.name, "=") {
				if name != "'"+row.name {
					t.Fatalf("a name that starts with = is %q in the CSV", name)
				}
				if plan := rec[col("Plan")]; plan != "'@SUM(1+1)" {
					t.Fatalf("a plan title that starts with @ is %q", plan)
				}
			} else if name != row.name {
				t.Fatalf("line %d is %q, the page's row %q", i+1, name, row.name)
			}
			for label, column := range map[string]string{"Voortgang plan": "progress", "Gepland": "gepland", "Bezig": "bezig",
				"Gereed": "gereed", "Geblokkeerd": "geblokkeerd", "Vervallen": "vervallen", "Te laat": "overdue", "Open adviezen": "advice"} {
				if got, want := rec[col(label)], strings.TrimSuffix(row.text[column], "%"); got != want {
					t.Errorf("%s, %s: CSV %q, page %q", row.name, label, got, want)
				}
			}
		}
		for _, rec := range records[1:] {
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Fatalf("cell %q would run as a formula", cell)
				}
			}
		}
	})
}

// TestProgrammeBadInput answers what is not a year, a year without a
// programme and a target that is no positive whole number with a clear
// message, and stores nothing of a refused target.
func TestProgrammeBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(reviewer)
		tests := []struct {
			name, path string
			status     int
			selector   string
			want       string
		}{
			{"not a year", "/programme?year=twintig", 400, "main", "Kies een jaar tussen 2000 en 2100"},
			{"a year out of range", "/programme.csv?year=99999", 400, "main", "Kies een jaar tussen 2000 en 2100"},
			{"overview of a year without a programme", "/programme?year=2019", 200, "#reach-heading + .utrecht-alert", "Voor 2019 is geen programmajaar vastgelegd"},
			{"report of a year without a programme", "/programme/report?year=2019", 404, "main .utrecht-alert", "Voor 2019 is geen programmajaar vastgelegd"},
			{"report of 2023, a year without trainings", "/programme/report?year=2023", 200, "#report-reach-municipalities td + td", "0 (0%)"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Get(tt.path)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if got := strings.Join(strings.Fields(r.Text(tt.selector)), " "); !strings.Contains(got, tt.want) {
					t.Fatalf("%s says %q, want %q", tt.selector, got, tt.want)
				}
			})
		}
		targets := []struct {
			name   string
			form   url.Values
			status int
			field  string
			want   string
		}{
			{"zero", url.Values{"year": {"2027"}, "municipalities": {"0"}}, 422, "municipalities", "positief heel getal"},
			{"a fraction", url.Values{"year": {"2027"}, "municipalities": {"5"}, "professionals": {"2,5"}}, 422, "professionals", "positief heel getal"},
			{"follow-up of nothing", url.Values{"year": {"2027"}, "municipalities": {"5"}, "follow_up_of": {"2020"}}, 422, "follow_up_of", "eerder programmajaar"},
			{"good", url.Values{"year": {"2027"}, "municipalities": {"8"}, "networks": {"3"}, "follow_up_of": {"2024"}}, 303, "", ""},
		}
		for _, tt := range targets {
			t.Run(tt.name, func(t *testing.T) {
				c.Get("/programme")
				r := c.Post("/programme/years", tt.form)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if tt.field != "" {
					if got := r.Text("#f-" + tt.field + "-error"); !strings.Contains(got, tt.want) {
						t.Fatalf("message %q, want %q", got, tt.want)
					}
					if n := count(t, db, (*model.ProgrammeYear)(nil)); n != 3 {
						t.Fatalf("%d programme years after a refused form", n)
					}
					return
				}
				if r.Location() != "/programme?year=2027&notice=programme_year_saved" {
					t.Fatalf("to %q", r.Location())
				}
				page := c.Get(r.Location())
				if got := page.Text("#reach-municipalities .schakel-reach__figure"); got != "0 van 8" {
					t.Fatalf("reach after saving: %q", got)
				}
			})
		}
	})
}

// TestProgrammeLanding: a reviewer starts on the programme overview, a
// coordinator on her workspaces, which link to her overview.
func TestProgrammeLanding(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		for _, tt := range []struct{ who, want string }{{reviewer, "/programme"}, {coordinator, "/workspaces"}, {admin, "/workspaces"}} {
			c := env.Client(t)
			c.SignIn(tt.who)
			if r := c.Get("/"); r.Status != http.StatusSeeOther || r.Location() != tt.want {
				t.Fatalf("%s lands on %d %q, want %q", tt.who, r.Status, r.Location(), tt.want)
			}
			if tt.who == coordinator {
				if _, ok := c.Get("/workspaces").Doc.Find(`main a[href="/programme"]`).Attr("href"); !ok {
					t.Fatal("the workspaces page does not link to the overview")
				}
			}
		}
		c := env.Client(t)
		c.Get("/login")
		r := c.Post("/login", url.Values{"email": {reviewer}, "password": {"schakel-demo-2026"}})
		if r.Status != http.StatusSeeOther || r.Location() != "/programme" {
			t.Fatalf("signing in, a reviewer goes to %d %q", r.Status, r.Location())
		}
	})
}

// TestProgrammeShowsNoCaseMaterial: neither the overview, its CSV nor the
// report holds what a case item says.
func TestProgrammeShowsNoCaseMaterial(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		var notes []string
		if err := db.NewSelect().Table("agenda_items").Column("case_notes").Where("case_notes <> ''").Scan(context.Background(), &notes); err != nil || len(notes) == 0 {
			t.Fatalf("the demo has no case material to look for: %v", err)
		}
		for _, who := range []string{reviewer, admin, coordinator} {
			c := env.Client(t)
			c.SignIn(who)
			for _, path := range []string{"/programme", "/programme.csv", "/programme/report?year=2023", "/programme/report"} {
				r := c.Get(path)
				if who == coordinator && strings.HasPrefix(path, "/programme/report") {
					if r.Status != http.StatusForbidden {
						t.Fatalf("a coordinator reads the report: %d", r.Status)
					}
					continue
				}
				if r.Status != http.StatusOK {
					t.Fatalf("%s %s: %d", who, path, r.Status)
				}
				for _, n := range notes {
					if strings.Contains(r.Body, n[:20]) {
						t.Fatalf("%s %s shows case material %q", who, path, n[:20])
					}
				}
			}
		}
	})
}

// TestProgrammeReport prints the year's advice per workspace by state and
// the signals for national policy under their themes, with the workspace
// each came from.
func TestProgrammeReport(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		// Bergvliet: the demo gives it no advice or signals of its own.
		ws := workspaceID(t, db, "Bergvliet")
		var plan int64
		if err := db.NewSelect().Table("plans").Column("id").Where("workspace_id = ?", ws).Limit(1).Scan(ctx, &plan); err != nil {
			t.Fatal(err)
		}
		lotte := userByEmail(t, db, reviewer)
		now := time.Now()
		var advice []model.Comment
		for _, st := range []model.AdviceState{model.AdviceOpen, model.AdviceOpen, model.AdviceAnswered, model.AdviceClosed} {
			advice = append(advice, model.Comment{WorkspaceID: ws, Subject: model.SubjectPlan, SubjectID: plan, Kind: model.CommentAdvice,
				State: st, Body: "Advies", AuthorID: lotte.ID, Version: 1, CreatedAt: now, UpdatedAt: now})
		}
		// Advice of another year is not in this year's report.
		advice = append(advice, model.Comment{WorkspaceID: ws, Subject: model.SubjectPlan, SubjectID: plan, Kind: model.CommentAdvice,
			State: model.AdviceOpen, Body: "Oud advies", AuthorID: lotte.ID, Version: 1, CreatedAt: now.AddDate(-2, 0, 0), UpdatedAt: now})
		if _, err := db.NewInsert().Model(&advice).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		signal := &model.Signal{WorkspaceID: ws, Source: model.SignalFromAction, SourceID: 1, Bottleneck: model.BottleneckCareSupply,
			Theme: model.ThemeCare, Description: "Te weinig opvangplekken voor minderjarige slachtoffers in de regio.", CreatedBy: lotte.ID, CreatedAt: now}
		if _, err := db.NewInsert().Model(signal).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		c := env.Client(t)
		c.SignIn(reviewer)
		r := c.Get("/programme/report?year=" + strconv.Itoa(now.Year()))
		if r.Status != http.StatusOK {
			t.Fatalf("report: %d", r.Status)
		}
		row := "#report-ws-" + strconv.FormatInt(ws, 10)
		for state, want := range map[string]string{"open": "2", "beantwoord": "1", "gesloten": "1"} {
			if got := r.Text(row + ` td[data-column="advice-` + state + `"]`); got != want {
				t.Errorf("advice %s: %q, want %s", state, got, want)
			}
		}
		if got := r.Text("#report-theme-zorg"); got != "Zorg, opvang en nazorg" {
			t.Errorf("theme heading %q", got)
		}
		if got := strings.Join(strings.Fields(r.Text("#report-theme-zorg + ul li")), " "); got != "Bergvliet · Zorgcapaciteit: Te weinig opvangplekken voor minderjarige slachtoffers in de regio." {
			t.Errorf("signal %q", got)
		}
		if n := r.Doc.Find(".schakel-export__section").Length(); n != 3 {
			t.Errorf("%d sections, want reach, workspaces and signals", n)
		}
	})
}
