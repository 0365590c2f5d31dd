package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

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
