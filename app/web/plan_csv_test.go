package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// sheet is a downloaded CSV file of a plan's actions as a spreadsheet
// holds it: the header and the rows, cell by cell, as typed.
type sheet struct {
	header []string
	rows   [][]string
}

// download fetches the plan's actions as CSV as c, wanting a CSV
// attachment, and returns its bytes.
func download(t *testing.T, c *testkit.Client, ws, plan int64) []byte {
	t.Helper()
	r := c.Get(planURL(ws, plan, "/actions.csv"))
	if r.Status != http.StatusOK {
		t.Fatalf("download: %d %s", r.Status, r.Text("[role=alert]"))
	}
	if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Fatalf("content type %q", ct)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="`) || !strings.HasSuffix(cd, `.csv"`) {
		t.Fatalf("content disposition %q", cd)
	}
	return []byte(r.Body)
}

// readSheet opens a file as Dutch Excel does: UTF-8 after the byte order
// mark, split at ";".
func readSheet(t *testing.T, file []byte) *sheet {
	t.Helper()
	if !bytes.HasPrefix(file, []byte("\uFEFF")) {
		t.Fatalf("no byte order mark: %q", file[:min(len(file), 20)])
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return &sheet{header: recs[0], rows: recs[1:]}
}

// col is the index of the column named name.
func (s *sheet) col(t *testing.T, name string) int {
	t.Helper()
	for i, h := range s.header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, s.header)
	return -1
}

// row is the row of the action with id.
func (s *sheet) row(t *testing.T, id int64) []string {
	t.Helper()
	for _, r := range s.rows {
		if r[0] == itoa(id) {
			return r
		}
	}
	t.Fatalf("no row for action %d", id)
	return nil
}

// set types value into the action's cell of column name.
func (s *sheet) set(t *testing.T, id int64, name, value string) {
	t.Helper()
	s.row(t, id)[s.col(t, name)] = value
}

// save writes the sheet as Excel saves "CSV UTF-8": the byte order mark,
// ";" and CRLF; cells as they are (Excel writes what it shows).
func (s *sheet) save(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = ';', true
	if err := w.WriteAll(append([][]string{s.header}, s.rows...)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload sends file through the plan page's import form, as a browser
// does: multipart, with the CSRF token of the last page.
func upload(t *testing.T, c *testkit.Client, ws, plan int64, name string, file []byte) *testkit.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := mw.WriteField("_csrf", c.CSRF); err != nil {
		t.Fatal(err)
	}
	if name != "" || file != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(file)
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.Env().URL+planURL(ws, plan, "/import"), &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

// confirm presses the preview's button that applies the import.
func confirm(t *testing.T, c *testkit.Client, preview *testkit.Response) *testkit.Response {
	t.Helper()
	form := preview.Doc.Find(`form[action$="/import/apply"]`)
	if form.Length() == 0 {
		t.Fatal("the preview offers no button to apply the import")
	}
	action, _ := form.Attr("action")
	data, _ := form.Find(`input[name="data"]`).Attr("value")
	return postApply(t, c, action, data)
}

// postApply sends the confirmation of an import with data, as its form does.
func postApply(t *testing.T, c *testkit.Client, path, data string) *testkit.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("_csrf", c.CSRF)
	mw.WriteField("data", data)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.Env().URL+path, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

// csvPlan makes a plan in Havenstad whose actions hold what a spreadsheet
// must not run: a formula title and names that start like one.
type csvPlan struct {
	plan                  *model.Plan
	formula, care, signal *model.Action
}

func newCSVPlan(t *testing.T, env *testkit.Env) csvPlan {
	t.Helper()
	ws := workspaceID(t, env.DB, "Havenstad")
	p := newPlan(t, env, ws, coordinator, "Plan van aanpak 2027", model.FrameworkPillars)
	mo := userByEmail(t, env.DB, editor)
	cp := csvPlan{plan: p}
	cp.formula = addAction(t, env, p, `=HYPERLINK("http://evil.example","Klik")`, model.ThemePrevention)
	cp.care = addAction(t, env, p, "Opvangplek voor minderjarige slachtoffers", model.ThemeCare,
		"owner", itoa(mo.ID), "owner_organisation", itoa(mo.OrganisationID), "status", string(model.ActionInProgress),
		"due_date", "2027-06-30", "rights", "3,39", "description", "Met de opvang besproken.")
	cp.signal = addAction(t, env, p, "Signalenkaart voor jongerenwerkers", model.ThemeSignalling, "progress", "10")
	gone := addAction(t, env, p, "Verwijderde actie", model.ThemeCare)
	if _, err := env.DB.NewUpdate().Model((*model.Action)(nil)).Set("deleted_at = created_at").Where("id = ?", gone.ID).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	return cp
}

// reload reads an action as it is stored now.
func reload(t *testing.T, db *bun.DB, a *model.Action) *model.Action {
	t.Helper()
	got, err := store.Action(context.Background(), db, a.WorkspaceID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// auditLines counts the audit lines of an event.
func auditLines(t *testing.T, db *bun.DB, event string) int {
	t.Helper()
	n, err := db.NewSelect().Model((*model.AuditEntry)(nil)).Where("event = ?", event).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A coordinator downloads the plan, fills in progress with partners in
// Excel and reads it back: the page shows what will change first, then the
// plan shows the new values, every change is in the action's history, and
// the file holds what it must not run as a formula safely both ways.
func TestPlanCSVRoundTrip(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		anna := env.Client(t)
		anna.SignIn(coordinator)
		page := anna.Get(planURL(ws, pid, ""))
		if href, _ := page.Doc.Find("#actions-csv").Attr("href"); href != planURL(ws, pid, "/actions.csv") {
			t.Fatalf("the plan page's download link is %q", href)
		}
		if page.Doc.Find(`form[action$="/import"] input[type=file][name=file]`).Length() != 1 {
			t.Fatal("the coordinator's plan page has no import form")
		}
		if label := page.Text(`label[for="f-import-file"]`); label == "" || page.Text("#f-import-file-hint") == "" {
			t.Fatal("the file input has no label or hint")
		}

		file := download(t, anna, ws, pid)
		if r := anna.Get(planURL(ws, pid, "/actions.csv")); !strings.HasPrefix(r.Header.Get("Content-Disposition"), `attachment; filename="acties-plan-van-aanpak-2027-`) {
			t.Fatalf("file name %q", r.Header.Get("Content-Disposition"))
		}
		s := readSheet(t, file)
		if got := strings.Join(s.header, ";"); got != "id;thema;titel;organisatie;actiehouder;streefdatum;status;voortgang;kinderrechten;afgesproken in overleg;datum overleg;laatst gewijzigd;versie" {
			t.Fatalf("header %q", got)
		}
		if len(s.rows) != 3 {
			t.Fatalf("%d rows, want the 3 actions that are not deleted", len(s.rows))
		}
		if got := s.row(t, cp.formula.ID)[s.col(t, "titel")]; got != `'=HYPERLINK("http://evil.example","Klik")` {
			t.Fatalf("a formula title is written as %q", got)
		}
		care := s.row(t, cp.care.ID)
		for name, want := range map[string]string{
			"thema": "Zorg, opvang en nazorg", "actiehouder": "Mo Bakker", "organisatie": "Veilig Thuis Kustland",
			"streefdatum": "2027-06-30", "status": "Bezig", "voortgang": "50", "kinderrechten": "art. 3, art. 39",
		} {
			if got := care[s.col(t, name)]; got != want {
				t.Errorf("%s: %q, want %q", name, got, want)
			}
		}
		if strings.Contains(string(file), "@veiligthuis") {
			t.Fatal("the file holds an owner's e-mail address")
		}
		if strings.Contains(string(file), "Met de opvang besproken") {
			t.Fatal("the file holds an action's description")
		}
		if n := auditLines(t, db, model.AuditPlanExport); n != 2 {
			t.Fatalf("%d audit lines of two downloads, want 2", n)
		}

		// The file as downloaded changes nothing.
		same := upload(t, anna, ws, pid, "acties.csv", file)
		if same.Status != http.StatusOK || !strings.Contains(same.Text("[role=status]"), "Niets te wijzigen") {
			t.Fatalf("unchanged file: %d %q", same.Status, same.Text("main"))
		}
		if same.Doc.Find(`form[action$="/import/apply"]`).Length() != 0 {
			t.Fatal("an unchanged file offers to apply it")
		}
		if got := same.Text("#import-unchanged"); got != "3 acties blijven ongewijzigd." {
			t.Fatalf("unchanged count %q", got)
		}

		// Partners fill in progress; Excel saves the date as it shows it.
		s.set(t, cp.care.ID, "status", "Gereed")
		s.set(t, cp.signal.ID, "voortgang", "30")
		s.set(t, cp.signal.ID, "streefdatum", "1-3-2027")
		s.set(t, cp.signal.ID, "titel", "'@jongerenwerk: signalenkaart")
		before := reload(t, db, cp.care)
		preview := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if preview.Status != http.StatusOK {
			t.Fatalf("preview: %d %q", preview.Status, preview.Text("main"))
		}
		rows := preview.Doc.Find("#import-changes tbody tr")
		if rows.Length() != 2 {
			t.Fatalf("%d rows change, want 2", rows.Length())
		}
		careRow := preview.Doc.Find("#import-action-" + itoa(cp.care.ID))
		if line, _ := careRow.Attr("data-line"); line != "3" {
			t.Fatalf("the care action is on line %q, want 3", line)
		}
		if got := careRow.Find(`li[data-field="status"]`).Text(); !strings.Contains(got, "Bezig") || !strings.Contains(got, "Gereed") {
			t.Fatalf("status change reads %q", got)
		}
		if got := careRow.Find(`li[data-field="progress"]`).Text(); !strings.Contains(got, "100%") || !strings.Contains(got, "volgt uit de nieuwe status") {
			t.Fatalf("progress change reads %q", got)
		}
		signalRow := preview.Doc.Find("#import-action-" + itoa(cp.signal.ID))
		for _, f := range []string{"title", "due_date", "progress"} {
			if signalRow.Find(`li[data-field="`+f+`"]`).Length() != 1 {
				t.Errorf("the signal action's %s change is not shown", f)
			}
		}
		if got := preview.Text("#import-unchanged"); got != "1 actie blijft ongewijzigd." {
			t.Fatalf("unchanged count %q", got)
		}
		if after := reload(t, db, cp.care); after.Version != before.Version || after.Status != before.Status {
			t.Fatal("the preview changed the action")
		}

		done := confirm(t, anna, preview)
		if done.Status != http.StatusSeeOther || done.Location() != planURL(ws, pid, "?notice=actions_imported") {
			t.Fatalf("apply: %d to %q: %q", done.Status, done.Location(), done.Text("main"))
		}
		board := anna.Get(done.Location())
		if got := board.Text("[role=status]"); !strings.Contains(got, "ingelezen") {
			t.Fatalf("notice %q", got)
		}
		for sel, want := range map[string]string{
			"#action-" + itoa(cp.care.ID) + "-summary .schakel-summary__status":     "Gereed",
			"#action-" + itoa(cp.care.ID) + "-summary .schakel-summary__progress":   "100%",
			"#action-" + itoa(cp.signal.ID) + "-summary .schakel-summary__progress": "30%",
			"#action-" + itoa(cp.signal.ID) + "-summary .schakel-summary__due":      "1 maart 2027",
			"#action-" + itoa(cp.signal.ID) + "-title":                              "@jongerenwerk: signalenkaart",
		} {
			if got := board.Text(sel); !strings.Contains(got, want) {
				t.Errorf("plan page %s: %q, want %q", sel, got, want)
			}
		}
		care2 := reload(t, db, cp.care)
		if care2.Version != before.Version+1 {
			t.Fatalf("version %d after the import, want %d: one edit", care2.Version, before.Version+1)
		}
		history := anna.Get(actionURL(ws, cp.care.ID, ""))
		var statusEntry string
		history.Doc.Find("#action-history .schakel-history__entry").EachWithBreak(func(_ int, li *goquery.Selection) bool {
			if strings.Contains(li.Text(), "Status") {
				statusEntry = li.Text()
				return false
			}
			return true
		})
		if !strings.Contains(statusEntry, "Anna de Vries") || !strings.Contains(statusEntry, "Bezig") || !strings.Contains(statusEntry, "Gereed") {
			t.Fatalf("history entry of the status %q", statusEntry)
		}
		if n := auditLines(t, db, model.AuditPlanImport); n != 1 {
			t.Fatalf("%d audit lines of the import, want 1", n)
		}
		log := anna.Get(wsPath(ws, "/audit")).Text("main")
		for _, want := range []string{"Acties van een plan gedownload", "Voortgang in een plan ingelezen", "Actieplan «Plan van aanpak 2027»", "2 acties, 5 wijzigingen"} {
			if !strings.Contains(log, want) {
				t.Errorf("the audit log does not say %q", want)
			}
		}

		// The new title starts like a formula: the next download defuses
		// it, and reading that file back changes nothing.
		again := download(t, anna, ws, pid)
		s2 := readSheet(t, again)
		if got := s2.row(t, cp.signal.ID)[s2.col(t, "titel")]; got != "'@jongerenwerk: signalenkaart" {
			t.Fatalf("title written as %q", got)
		}
		if r := upload(t, anna, ws, pid, "acties.csv", again); !strings.Contains(r.Text("[role=status]"), "Niets te wijzigen") {
			t.Fatalf("the new download read back: %d %q", r.Status, r.Text("main"))
		}
	})
}

// Everyone who reads the plan finds the download on its page; only who
// edits actions finds the form that reads a file back. A file downloaded
// in English reads back like a Dutch one.
func TestPlanCSVForEveryReader(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		for _, tt := range []struct {
			who     string
			imports bool
		}{
			{coordinator, true}, {editor, true}, {contributor, true}, {viewer, false}, {reviewer, false},
		} {
			t.Run(tt.who, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.who)
				page := c.Get(planURL(ws, pid, ""))
				if page.Doc.Find("#actions-csv").Length() != 1 {
					t.Fatal("no download link")
				}
				if got := page.Doc.Find(`form[action$="/import"]`).Length() == 1; got != tt.imports {
					t.Fatalf("import form shown: %v, want %v", got, tt.imports)
				}
				if s := readSheet(t, download(t, c, ws, pid)); len(s.rows) != 3 {
					t.Fatalf("%d rows", len(s.rows))
				}
			})
		}

		sanne := env.Client(t)
		sanne.SignIn(contributor)
		sanne.Get(planURL(ws, pid, ""))
		if r := sanne.Post("/language", map[string][]string{"lang": {"en"}, "back": {planURL(ws, pid, "")}}); r.Status != http.StatusSeeOther {
			t.Fatalf("language: %d", r.Status)
		}
		sanne.Get(planURL(ws, pid, ""))
		s := readSheet(t, download(t, sanne, ws, pid))
		if got := strings.Join(s.header, ";"); got != "id;theme;title;organisation;action owner;due date;status;progress;children's rights;agreed at meeting;meeting date;last changed;version" {
			t.Fatalf("English header %q", got)
		}
		if got := s.row(t, cp.care.ID)[s.col(t, "status")]; got != "In progress" {
			t.Fatalf("English status %q", got)
		}
		s.set(t, cp.care.ID, "status", "Done")
		preview := upload(t, sanne, ws, pid, "actions.csv", s.save(t))
		if got := preview.Text("#import-summary"); !strings.HasPrefix(got, "The file changes 1 action.") {
			t.Fatalf("English preview %d %q", preview.Status, preview.Text("main"))
		}
		if done := confirm(t, sanne, preview); done.Status != http.StatusSeeOther {
			t.Fatalf("apply: %d", done.Status)
		}
		if st := reload(t, db, cp.care).Status; st != model.ActionDone {
			t.Fatalf("status %q", st)
		}
	})
}
