package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/testkit"
)

// planState is what an import may change, to see that a refused one
// changed nothing.
type planState struct {
	versions map[int64]int
	changes  int
}

func stateOf(t *testing.T, db *bun.DB, actions ...*model.Action) planState {
	t.Helper()
	st := planState{versions: map[int64]int{}, changes: count(t, db, (*model.Change)(nil))}
	for _, a := range actions {
		st.versions[a.ID] = reload(t, db, a).Version
	}
	return st
}

// Every way a file can be wrong is a clear message on its line, in Dutch,
// and nothing of the file is applied, not even its good lines: not at the
// preview, and not when the confirmation is sent anyway.
func TestPlanCSVImportRefusesBadFiles(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		other := addAction(t, env, newPlan(t, env, ws, coordinator, "Ander plan", model.FrameworkPillars), "Actie van een ander plan", model.ThemeCare)
		elsewhere := addAction(t, env, newPlan(t, env, workspaceID(t, db, "Lindendal"), outsider, "Lindendal 2027", model.FrameworkPillars), "Actie van Lindendal", model.ThemeCare)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(planURL(ws, pid, ""))
		base := download(t, anna, ws, pid)

		// edit returns the downloaded file with one good change (line 4's
		// progress) and what change does to it.
		edit := func(change func(s *sheet)) []byte {
			s := readSheet(t, base)
			s.set(t, cp.signal.ID, "voortgang", "30")
			change(s)
			return s.save(t)
		}
		cell := func(id int64, col, value string) func(s *sheet) {
			return func(s *sheet) { s.set(t, id, col, value) }
		}
		tooMany := func(s *sheet) {
			for len(s.rows) <= service.MaxImportRows {
				s.rows = append(s.rows, append([]string{}, s.rows[0]...))
			}
		}
		latin1 := func() []byte {
			utf := edit(cell(cp.care.ID, "titel", "Opvang in het café"))
			return bytes.Replace(utf, []byte("caf\xc3\xa9"), []byte("caf\xe9"), 1)
		}
		for _, tt := range []struct {
			name   string
			file   []byte
			status int
			line   int
			want   string
		}{
			{"a renamed column", edit(func(s *sheet) { s.header[7] = "procent" }), 422, 1, "Kolom 8 van de kopregel heet „procent”; daar hoort „voortgang”."},
			{"no header", edit(func(s *sheet) { s.header = s.rows[0]; s.rows = s.rows[1:] }), 422, 1, "De kopregel ontbreekt."},
			{"an unknown id", edit(cell(cp.formula.ID, "id", "999999")), 422, 2, "Dit plan heeft geen actie 999999."},
			{"another workspace's action", edit(cell(cp.formula.ID, "id", itoa(elsewhere.ID))), 422, 2, "Dit plan heeft geen actie " + itoa(elsewhere.ID) + "."},
			{"another plan's action", edit(cell(cp.formula.ID, "id", itoa(other.ID))), 422, 2, "Dit plan heeft geen actie " + itoa(other.ID) + "."},
			{"a progress over 100", edit(cell(cp.care.ID, "voortgang", "150")), 422, 3, "Voortgang „150” is geen heel getal van 0 tot en met 100."},
			{"a progress that is no number", edit(cell(cp.care.ID, "voortgang", "veel")), 422, 3, "Voortgang „veel” is geen heel getal"},
			{"an unknown status", edit(cell(cp.care.ID, "status", "klaar")), 422, 3, "„klaar” is geen status. Kies uit: gepland, bezig, gereed, geblokkeerd, vervallen."},
			{"a date that does not exist", edit(cell(cp.care.ID, "streefdatum", "31-02-2027")), 422, 3, "Streefdatum „31-02-2027” is geen datum"},
			{"an empty title", edit(cell(cp.care.ID, "titel", " ")), 422, 3, "De titel is leeg"},
			{"an action twice", edit(func(s *sheet) { s.rows = append(s.rows, append([]string{}, s.row(t, cp.care.ID)...)) }), 422, 5, "Actie " + itoa(cp.care.ID) + " staat ook op regel 3"},
			{"a line without id", edit(cell(cp.care.ID, "id", "")), 422, 3, "Deze regel heeft geen id."},
			{"a file that is not UTF-8", latin1(), 422, 3, "Het bestand is geen UTF-8"},
			{"too many rows", edit(tooMany), 422, service.MaxImportRows + 2, "meer dan 1000 regels met acties"},
			{"an empty file", []byte{}, 422, 0, "Het bestand is leeg."},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := stateOf(t, db, cp.formula, cp.care, cp.signal, other, elsewhere)
				r := upload(t, anna, ws, pid, "acties.csv", tt.file)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d: %q", r.Status, tt.status, r.Text("main"))
				}
				if got := r.Text("[role=alert]"); !strings.HasPrefix(got, "Er is niets ingelezen") {
					t.Fatalf("summary %q", got)
				}
				problem := r.Doc.Find(`#import-problems li[data-line="` + strconv.Itoa(tt.line) + `"]`)
				prefix := ""
				if tt.line > 0 {
					prefix = "Regel " + strconv.Itoa(tt.line) + ": "
				}
				if got := problem.Text(); !strings.HasPrefix(got, prefix) || !strings.Contains(got, tt.want) {
					t.Fatalf("problem on line %d: %q, want %q (all: %q)", tt.line, got, tt.want, r.Text("#import-problems"))
				}
				if r.Doc.Find(`form[action$="/import/apply"]`).Length() != 0 {
					t.Fatal("a refused file offers to apply it")
				}
				if r.Doc.Find(`input[type=file][name=file]`).Length() != 1 {
					t.Fatal("the page offers no way to read a corrected file")
				}
				// Sent for applying anyway, it is refused the same way (an
				// empty one as a confirmation without its file).
				applied := postApply(t, anna, planURL(ws, pid, "/import/apply"), base64.StdEncoding.EncodeToString(tt.file))
				if len(tt.file) == 0 {
					if applied.Status != tt.status || !strings.Contains(applied.Text("[role=alert]"), "Het bestand is niet meegekomen") {
						t.Fatalf("applied anyway: %d %q", applied.Status, applied.Text("[role=alert]"))
					}
				} else if applied.Status != tt.status || applied.Doc.Find(`#import-problems li[data-line="`+strconv.Itoa(tt.line)+`"]`).Length() == 0 {
					t.Fatalf("applied anyway: %d %q", applied.Status, applied.Text("#import-problems"))
				}
				if after := stateOf(t, db, cp.formula, cp.care, cp.signal, other, elsewhere); !equalState(before, after) {
					t.Fatalf("a refused file changed actions: %+v, then %+v", before, after)
				}
			})
		}

		t.Run("a long list of problems", func(t *testing.T) {
			s := readSheet(t, base)
			for range 130 {
				s.rows = append(s.rows, append([]string{}, s.row(t, cp.care.ID)...))
			}
			r := upload(t, anna, ws, pid, "acties.csv", s.save(t))
			items := r.Doc.Find("#import-problems li")
			if items.Length() != 101 || items.Last().Text() != "… en nog 30 fouten verderop in het bestand." {
				t.Fatalf("%d items, the last %q", items.Length(), items.Last().Text())
			}
			if got := r.Text("[role=alert]"); got != "Er is niets ingelezen: het bestand heeft 130 fouten." {
				t.Fatalf("summary %q", got)
			}
		})

		// The other answers come before a line is read.
		tooLarge := append(append([]byte{}, base...), bytes.Repeat([]byte("\r\n"), service.MaxImportBytes)...)
		huge := bytes.Repeat([]byte("x"), 50<<20)
		for _, tt := range []struct {
			name, file string
			data       []byte
			status     int
			want       string
		}{
			{"no file chosen", "", nil, 422, "Kies een CSV-bestand om in te lezen."},
			{"a file over the import's limit", "groot.csv", tooLarge, 413, "hoogstens 512 kB"},
			// Over the server's own limit on a request: refused on its
			// announced length, and the browser still gets the page.
			{"a file of 50 MB", "enorm.csv", huge, 413, "hoogstens 512 kB"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := stateOf(t, db, cp.formula, cp.care, cp.signal)
				anna.Get(planURL(ws, pid, ""))
				r := upload(t, anna, ws, pid, tt.file, tt.data)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d: %q", r.Status, tt.status, r.Text("main"))
				}
				if got := r.Text("[role=alert]"); !strings.Contains(got, tt.want) {
					t.Fatalf("message %q, want %q", got, tt.want)
				}
				if after := stateOf(t, db, cp.formula, cp.care, cp.signal); !equalState(before, after) {
					t.Fatal("the refused upload changed actions")
				}
			})
		}
		if kb := strconv.Itoa(service.MaxImportBytes>>10) + " kB"; kb != "512 kB" {
			t.Fatalf("the messages name 512 kB, the limit is %s", kb)
		}
	})
}

func equalState(a, b planState) bool {
	if a.changes != b.changes || len(a.versions) != len(b.versions) {
		return false
	}
	for id, v := range a.versions {
		if b.versions[id] != v {
			return false
		}
	}
	return true
}

// A line whose action someone changed since the download is a conflict,
// not an overwrite; a change the file does not touch (the description, an
// owner) is no conflict, and stays.
func TestPlanCSVImportConflicts(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(planURL(ws, pid, ""))
		s := readSheet(t, download(t, anna, ws, pid))

		ctx := context.Background()
		mo := userByEmail(t, db, editor)
		care := reload(t, db, cp.care)
		if _, err := env.Svc.UpdateActionField(ctx, mo, ws, care.ID, "status", string(model.ActionBlocked), care.Version); err != nil {
			t.Fatal(err)
		}
		signal := reload(t, db, cp.signal)
		if _, err := env.Svc.UpdateActionField(ctx, mo, ws, signal.ID, "description", "Met de GGD afgestemd.", signal.Version); err != nil {
			t.Fatal(err)
		}

		s.set(t, cp.care.ID, "status", "Gereed")
		s.set(t, cp.signal.ID, "voortgang", "60")
		before := stateOf(t, db, cp.formula, cp.care, cp.signal)
		r := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if r.Status != http.StatusConflict {
			t.Fatalf("status %d, want 409: %q", r.Status, r.Text("main"))
		}
		conflict := r.Doc.Find(`#import-conflicts tbody tr[data-line="3"]`)
		if got := conflict.Text(); !strings.Contains(got, "Geblokkeerd") || !strings.Contains(got, "Gereed") || !strings.Contains(got, "Mo Bakker") {
			t.Fatalf("conflict row %q", got)
		}
		if r.Doc.Find("#import-conflicts tbody tr").Length() != 1 {
			t.Fatalf("conflicts %q, want the status of line 3 only", r.Text("#import-conflicts"))
		}
		if r.Doc.Find(`form[action$="/import/apply"]`).Length() != 0 {
			t.Fatal("a file in conflict offers to apply it")
		}
		if after := stateOf(t, db, cp.formula, cp.care, cp.signal); !equalState(before, after) {
			t.Fatal("a file in conflict changed actions")
		}

		// Without the conflicting line the rest applies; the description
		// Mo wrote stays.
		s.rows = [][]string{s.row(t, cp.signal.ID)}
		preview := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if done := confirm(t, anna, preview); done.Status != http.StatusSeeOther {
			t.Fatalf("apply: %d %q", done.Status, done.Text("main"))
		}
		got := reload(t, db, cp.signal)
		if got.Progress != 60 || got.Description != "Met de GGD afgestemd." {
			t.Fatalf("progress %d, description %q", got.Progress, got.Description)
		}
		if st := reload(t, db, cp.care).Status; st != model.ActionBlocked {
			t.Fatalf("the conflicting status became %q", st)
		}

		// A change made between the preview and its confirmation is a
		// conflict too: the confirmation reads the file again.
		s = readSheet(t, download(t, anna, ws, pid))
		s.set(t, cp.formula.ID, "voortgang", "20")
		s.set(t, cp.care.ID, "voortgang", "80")
		preview = upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if preview.Status != http.StatusOK {
			t.Fatalf("preview: %d %q", preview.Status, preview.Text("main"))
		}
		care = reload(t, db, cp.care)
		if _, err := env.Svc.UpdateActionField(ctx, mo, ws, care.ID, "progress", "70", care.Version); err != nil {
			t.Fatal(err)
		}
		before = stateOf(t, db, cp.formula, cp.care, cp.signal)
		late := confirm(t, anna, preview)
		if late.Status != http.StatusConflict || late.Doc.Find(`#import-conflicts tbody tr[data-line="3"]`).Length() != 1 {
			t.Fatalf("confirmation after a change: %d %q", late.Status, late.Text("main"))
		}
		if after := stateOf(t, db, cp.formula, cp.care, cp.signal); !equalState(before, after) {
			t.Fatal("a confirmation in conflict applied its other line")
		}
	})
}

// An open plan page of someone else receives what an import changed, as
// it receives any edit.
func TestPlanCSVImportIsLive(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		mo := env.Client(t)
		mo.SignIn(editor)
		mo.Get(planURL(ws, pid, ""))
		moLive, status := mo.DialLive(planURL(ws, pid, "/live"))
		if status != http.StatusSwitchingProtocols {
			t.Fatalf("live: %d", status)
		}
		sanne := env.Client(t)
		sanne.SignIn(contributor)
		sanne.Get(planURL(ws, pid, ""))
		s := readSheet(t, download(t, sanne, ws, pid))
		s.set(t, cp.care.ID, "status", "Geblokkeerd")
		preview := upload(t, sanne, ws, pid, "acties.csv", s.save(t))
		if done := confirm(t, sanne, preview); done.Status != http.StatusSeeOther {
			t.Fatalf("apply: %d %q", done.Status, done.Text("main"))
		}
		moLive.Await("#action-"+itoa(cp.care.ID)+"-summary .schakel-summary__status", "Geblokkeerd")
	})
}
