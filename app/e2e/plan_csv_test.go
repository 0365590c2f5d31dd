package e2e_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// TestPlanCSVInTheBrowser reads progress back into a plan as a coordinator
// does in Chromium: the file chosen in the plan page's file input, the
// preview, a file with a mistake, and the confirmation; each page is
// checked with axe.
func TestPlanCSVInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		c := p.signedIn(anna)
		a := h.actions[0]

		r := c.Get(h.planPath("") + "/actions.csv")
		if r.Status != 200 {
			t.Fatalf("download: %d", r.Status)
		}
		rows := readCSV(t, []byte(r.Body))
		dir := t.TempDir()
		file := func(name string, status, progress string) string {
			for _, row := range rows[1:] {
				if row[0] == itoa(a.ID) {
					row[6], row[7] = status, progress
				}
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, writeCSV(t, rows), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}

		// Each page in both colour schemes, as TestAccessibility checks.
		check := func(state string) {
			p.colorScheme("light")
			p.checkAccessibility(state + " (light)")
			p.colorScheme("dark")
			p.checkColours(state + " (dark)")
			p.colorScheme("light")
		}
		p.goToPlan(h.planPath(""))
		check("plan with its spreadsheet part")

		choose := func(path string) {
			p.do("choose "+path, chromedp.SetUploadFiles(chromedp.CSS("#f-import-file"), []string{path}))
			p.click(`form[action$="/import"] button[type=submit]`)
		}
		choose(file("fout.csv", "Klaar", "80"))
		p.waitVisible("#import-problems")
		check("import with a problem")

		choose(file("goed.csv", "Gereed", "100"))
		p.waitVisible("#import-changes")
		check("import preview")
		p.click("#import-apply")
		p.waitText("[role=status]", nl("notice.actions_imported"))
		eventually(t, "the action done", func() bool {
			got, err := store.Action(t.Context(), db, h.workspace, a.ID)
			return err == nil && got.Status == model.ActionDone && got.Progress == 100
		})
	})
}

func readCSV(t *testing.T, file []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeCSV(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = ';', true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
