package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// applyImport sends a preview's form that applies the import, with the
// confirmation of its titles ticked when confirmed is set.
func applyImport(t *testing.T, c *testkit.Client, preview *testkit.Response, confirmed bool) *testkit.Response {
	t.Helper()
	form := preview.Doc.Find(`form[action$="/import/apply"]`)
	if form.Length() == 0 {
		t.Fatal("the preview offers no button to apply the import")
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("_csrf", c.CSRF)
	mw.WriteField("data", form.Find(`input[name="data"]`).AttrOr("value", ""))
	if confirmed {
		box := form.Find(`input[type=checkbox][name="confirm_title"]`)
		mw.WriteField("confirm_title", box.AttrOr("value", ""))
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.Env().URL+form.AttrOr("action", ""), &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Do(req)
}

// TestPlanCSVImportGuardsTitles: an import of progress whose titles give
// someone away is not applied: a certain identifier is refused, masked,
// until the file changes; a probable one waits for the importer's
// confirmation, which is audited by kind. Nothing refused is stored or
// logged.
func TestPlanCSVImportGuardsTitles(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		cp := newCSVPlan(t, env)
		ws, pid := cp.plan.WorkspaceID, cp.plan.ID
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(planURL(ws, pid, ""))
		s := readSheet(t, download(t, anna, ws, pid))
		before := stateOf(t, db, cp.formula, cp.care, cp.signal)

		s.set(t, cp.formula.ID, "titel", "Dossier 123456782 doorsturen")
		s.set(t, cp.care.ID, "titel", "Opvang regelen met Sanne Jansen")
		r := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422: %s", r.Status, r.Text("main"))
		}
		held := r.Doc.Find("#import-held")
		if held.Closest("[role=alert]").Length() != 1 {
			t.Error("the held titles are not announced")
		}
		for _, want := range []string{"een BSN", "1•••••••2", "een naam", "S••••••••••n"} {
			if !strings.Contains(held.Text(), want) {
				t.Errorf("held titles %q do not name %q", held.Text(), want)
			}
		}
		if got := r.Text("main"); strings.Contains(got, "123456782") || strings.Contains(got, "Sanne Jansen") {
			t.Errorf("the page shows what it holds back: %q", got)
		}
		if r.Doc.Find(`form[action$="/import/apply"]`).Length() != 0 {
			t.Fatal("a file with a certain identifier can be applied")
		}

		// The certain one out of the file: the name waits for a
		// confirmation.
		s.set(t, cp.formula.ID, "titel", cp.formula.Title)
		preview := upload(t, anna, ws, pid, "acties.csv", s.save(t))
		if preview.Status != http.StatusUnprocessableEntity || preview.Doc.Find("#import-held li").Length() != 1 {
			t.Fatalf("preview: %d %s", preview.Status, preview.Text("#import-held"))
		}
		box := preview.Doc.Find(`form[action$="/import/apply"] input[type=checkbox][name="confirm_title"]`)
		if box.Length() != 1 || box.AttrOr("required", "no") == "no" || box.AttrOr("value", "") == "" {
			t.Fatal("no confirmation to tick before applying")
		}
		if r := applyImport(t, anna, preview, false); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("applied without a confirmation: %d", r.Status)
		}
		if after := stateOf(t, db, cp.formula, cp.care, cp.signal); !equalState(before, after) {
			t.Fatal("an import held back changed actions")
		}
		for _, refused := range []string{"123456782", "Sanne Jansen"} {
			if at := storedAt(t, db, refused); len(at) > 0 {
				t.Errorf("%q is stored in %v", refused, at)
			}
			if strings.Contains(env.Logs(), refused) {
				t.Errorf("%q is in the log", refused)
			}
		}

		if r := applyImport(t, anna, preview, true); r.Status != http.StatusSeeOther {
			t.Fatalf("confirmed: %d %s", r.Status, r.Text("main"))
		}
		if got := reload(t, db, cp.care).Title; got != "Opvang regelen met Sanne Jansen" {
			t.Fatalf("title %q", got)
		}
		var audit []model.AuditEntry
		if err := db.NewSelect().Model(&audit).Where("event = ?", model.AuditGuardConfirmed).Scan(t.Context()); err != nil {
			t.Fatal(err)
		}
		if len(audit) != 1 || audit[0].Object != model.AuditObjectPlan || audit[0].ObjectID != pid || audit[0].Detail != "name" {
			t.Fatalf("the confirmation is not audited by kind: %+v", audit)
		}
	})
}
