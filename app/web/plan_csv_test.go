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
		checkPage(t, "plan page", page)
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
		s.set(t, cp.signal.ID, "titel", "'=jongerenwerk: signalenkaart")
		before := reload(t, db, cp.care)
		preview := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if preview.Status != http.StatusOK {
			t.Fatalf("preview: %d %q", preview.Status, preview.Text("main"))
		}
		checkPage(t, "preview", preview)
		if preview.Doc.Find("#import-changes caption").Length() != 1 || preview.Doc.Find(`#import-changes th[scope="row"]`).Length() != 2 {
			t.Fatal("the table of changes has no caption or no row headers")
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
			"#action-" + itoa(cp.signal.ID) + "-title":                              "=jongerenwerk: signalenkaart",
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
		if got := s2.row(t, cp.signal.ID)[s2.col(t, "titel")]; got != "'=jongerenwerk: signalenkaart" {
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
		s.set(t, cp.care.ID, "progress", "150")
		bad := upload(t, sanne, ws, pid, "actions.csv", s.save(t))
		if got := bad.Text(`#import-problems li[data-line="3"]`); bad.Status != http.StatusUnprocessableEntity || got != "Line 3: Progress “150” is not a whole number from 0 to 100." {
			t.Fatalf("English problem: %d %q", bad.Status, got)
		}
		s.set(t, cp.care.ID, "progress", "50")
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
