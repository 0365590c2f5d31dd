package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/testkit"
)

// TestAccountPage: every signed-in person has a page of their own, linked
// from the header, that lists their sessions with this one marked.
func TestAccountPage(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		if r := env.Client(t).Get("/account"); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
			t.Fatalf("/account without signing in: %d to %q", r.Status, r.Location())
		}
		other := env.Client(t)
		other.SignIn(editor)
		c := env.Client(t)
		c.SignIn(editor)
		page := c.Get("/workspaces")
		if page.Doc.Find(`header a[href="/account"]`).Length() != 1 {
			t.Fatal("no link to one's account in the header")
		}
		page = c.Get("/account")
		if page.Status != http.StatusOK || page.Text("h1") != "Mijn account" {
			t.Fatalf("account page: %d %q", page.Status, page.Text("h1"))
		}
		if page.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("Cache-Control %q", page.Header.Get("Cache-Control"))
		}
		if n := page.Doc.Find("#sessions li").Length(); n != 2 {
			t.Fatalf("%d sessions listed, want 2", n)
		}
		current := page.Doc.Find("#sessions li:has(.schakel-badge)")
		if current.Length() != 1 || !strings.Contains(current.Text(), "dit apparaat") {
			t.Fatalf("this session is not marked: %q", page.Text("#sessions"))
		}
		// Somebody else's session is not found.
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get("/account")
		if r := anna.Post("/account/sessions/"+otherSessionID(t, c)+"/revoke", nil); r.Status != http.StatusNotFound {
			t.Fatalf("revoking another person's session: %d", r.Status)
		}
		if r := other.Get("/workspaces"); r.Status != http.StatusOK {
			t.Fatalf("another person's attempt ended the session: %d", r.Status)
		}
		// Ending one's own current session signs out here.
		page = c.Get("/account")
		own := strings.TrimPrefix(page.Doc.Find("#sessions li:has(.schakel-badge)").AttrOr("id", ""), "session-")
		if r := c.Post("/account/sessions/"+own+"/revoke", nil); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
			t.Fatalf("revoking this session: %d to %q", r.Status, r.Location())
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("after revoking this session /workspaces answers %d", r.Status)
		}
		if auditCount(t, db, model.AuditSessionRevoked) != 1 {
			t.Fatal("the revoked session is not in the audit log")
		}
	})
}

// TestAccountProfile changes one's name and language, and refuses bad
// input with a message at the field, changing nothing.
func TestAccountProfile(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(editor)
		tests := []struct {
			name, newName, locale string
			status                int
			field, message        string
		}{
			{"empty name", "  ", "nl", http.StatusUnprocessableEntity, "name", "Vul dit veld in."},
			{"too long a name", strings.Repeat("a", 201), "nl", http.StatusUnprocessableEntity, "name", "Dit is te lang. Maak het korter."},
			{"unknown language", "Mo Bakker", "fr", http.StatusUnprocessableEntity, "locale", "Kies een van de mogelijkheden."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c.Get("/account")
				r := c.Post("/account/profile", url.Values{"name": {tt.newName}, "locale": {tt.locale}})
				if r.Status != tt.status || r.Text("#f-"+tt.field+"-error") != tt.message {
					t.Fatalf("%d %q", r.Status, r.Text("#f-"+tt.field+"-error"))
				}
				if u := userByEmail(t, db, editor); u.Name != "Mo Bakker" || u.Locale != "nl" {
					t.Fatalf("changed anyway: %q %q", u.Name, u.Locale)
				}
			})
		}
		c.Get("/account")
		r := c.Post("/account/profile", url.Values{"name": {"Mo Bakker-de Wit"}, "locale": {"en"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("save: %d", r.Status)
		}
		page := c.Get(r.Location())
		if page.Text("h1") != "My account" || page.Text("[role=status]") != "Your details have been saved." {
			t.Fatalf("after saving: %q %q", page.Text("h1"), page.Text("[role=status]"))
		}
		// The language comes with the account to a new browser.
		fresh := env.Client(t)
		fresh.SignIn(editor)
		if got := fresh.Get("/account").Text("h1"); got != "My account" {
			t.Fatalf("a new browser speaks %q", got)
		}
	})
}

// TestPasswordChange refuses a wrong current password and a short new one,
// and a good change ends the account's other sessions only.
func TestPasswordChange(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		other := env.Client(t)
		other.SignIn(editor)
		c := env.Client(t)
		c.SignIn(editor)
		tests := []struct {
			name, current, next, field, message string
		}{
			{"wrong current password", "niet-het-wachtwoord", "een goed nieuw wachtwoord", "current_password", "Dit wachtwoord klopt niet. Vul je huidige wachtwoord in."},
			{"no current password", "", "een goed nieuw wachtwoord", "current_password", "Vul dit veld in."},
			{"new password too short", demo.Password, "kort", "new_password", "Het wachtwoord moet minstens 12 tekens lang zijn."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c.Get("/account")
				r := c.Post("/account/password", url.Values{"current_password": {tt.current}, "new_password": {tt.next}})
				if r.Status != http.StatusUnprocessableEntity || r.Text("#f-"+tt.field+"-error") != tt.message {
					t.Fatalf("%d %q", r.Status, r.Text("#f-"+tt.field+"-error"))
				}
				if r := other.Get("/workspaces"); r.Status != http.StatusOK {
					t.Fatalf("a refused change ended the other session: %d", r.Status)
				}
			})
		}
		c.Get("/account")
		r := c.Post("/account/password", url.Values{"current_password": {demo.Password}, "new_password": {"een goed nieuw wachtwoord"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("change: %d", r.Status)
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusOK {
			t.Fatalf("the session that changed the password ended: %d", r.Status)
		}
		if r := other.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("the other session goes on: %d", r.Status)
		}
		env.Client(t).SignInWith(editor, "een goed nieuw wachtwoord")
		if auditCount(t, db, model.AuditPasswordChanged) != 1 {
			t.Fatal("the change is not in the audit log")
		}
	})
}

// TestAccountDataDownload sends one's data as a JSON attachment with one's
// memberships and meetings, and none of the case notes of those meetings.
func TestAccountDataDownload(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		var caseNotes []string
		if err := db.NewSelect().Model((*model.AgendaItem)(nil)).Column("case_notes").Where("case_notes <> ''").Scan(context.Background(), &caseNotes); err != nil || len(caseNotes) == 0 {
			t.Fatalf("the demo has no case notes to check against (%v)", err)
		}
		c := env.Client(t)
		c.SignIn(coordinator)
		c.Get("/account")
		r := c.Post("/account/data", nil)
		if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment") ||
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("download: %d %q %q", r.Status, r.Header.Get("Content-Disposition"), r.Header.Get("Content-Type"))
		}
		var d struct {
			Account struct {
				Email string `json:"email"`
			} `json:"account"`
			Memberships []struct {
				Workspace string `json:"workspace"`
				Role      string `json:"role"`
			} `json:"memberships"`
			Meetings []struct {
				Title string `json:"title"`
			} `json:"meetings_attended"`
			Audit []struct {
				Event string `json:"event"`
			} `json:"audit_log"`
		}
		if err := json.Unmarshal([]byte(r.Body), &d); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		if d.Account.Email != coordinator || len(d.Memberships) == 0 || d.Memberships[0].Workspace != "Havenstad" || len(d.Meetings) == 0 {
			t.Fatalf("data %+v", d)
		}
		for _, notes := range caseNotes {
			if strings.Contains(r.Body, notes) {
				t.Fatal("case notes in the download")
			}
		}
		if strings.Contains(r.Body, "password") || strings.Contains(r.Body, "argon2") {
			t.Fatal("the password hash is in the download")
		}
		if len(d.Audit) != 1 || d.Audit[0].Event != model.AuditAccountDataDownloaded {
			t.Fatalf("the download is not in the audit log: %+v", d.Audit)
		}
	})
}

// TestAccountDeletion: a wrong password deletes nothing; the only
// coordinator of a workspace hands it over first; a deleted account cannot
// sign in and its actions show "verwijderde gebruiker" as owner.
func TestAccountDeletion(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		page := anna.Get("/account")
		if !strings.Contains(page.Text("#delete-blocked"), "Havenstad") || page.Doc.Find(`form[action="/account/delete"]`).Length() != 0 {
			t.Fatalf("the only coordinator is offered deletion: %q", page.Text("#delete-blocked"))
		}
		if r := anna.Post("/account/delete", url.Values{"delete_password": {demo.Password}}); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("the only coordinator deletes the account: %d", r.Status)
		}
		if userByEmail(t, db, coordinator).Deleted() {
			t.Fatal("deleted anyway")
		}

		sanne := userByEmail(t, db, contributor)
		var action model.Action
		if err := db.NewSelect().Model(&action).Where("owner_user_id = ?", sanne.ID).Limit(1).Scan(context.Background()); err != nil {
			t.Fatalf("sanne owns no action: %v", err)
		}
		c := env.Client(t)
		c.SignIn(contributor)
		c.Get("/account")
		if r := c.Post("/account/delete", url.Values{"delete_password": {"niet-het-wachtwoord"}}); r.Status != http.StatusUnprocessableEntity ||
			r.Text("#f-delete_password-error") != "Dit wachtwoord klopt niet. Vul je huidige wachtwoord in." {
			t.Fatalf("wrong password: %d %q", r.Status, r.Text("#f-delete_password-error"))
		}
		r := c.Post("/account/delete", url.Values{"delete_password": {demo.Password}})
		if r.Status != http.StatusSeeOther || r.Location() != "/login?notice=account_deleted" {
			t.Fatalf("delete: %d to %q", r.Status, r.Location())
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("the deleted account's session goes on: %d", r.Status)
		}
		c.Get("/login")
		if r := c.Post("/login", url.Values{"email": {contributor}, "password": {demo.Password}}); r.Status != http.StatusUnauthorized {
			t.Fatalf("the deleted account signs in: %d", r.Status)
		}
		var gone model.User
		if err := db.NewSelect().Model(&gone).Where("id = ?", sanne.ID).Scan(context.Background()); err != nil {
			t.Fatal(err)
		}
		if gone.Name != "" || strings.Contains(gone.Email, "sanne") || gone.PasswordHash != "" || !gone.Deleted() {
			t.Fatalf("personal data kept: %+v", gone)
		}
		lotte := env.Client(t)
		lotte.SignIn(reviewer)
		show := lotte.Get(wsPath(action.WorkspaceID, "/actions/"+itoa(action.ID)))
		if got := show.Text("[data-field=owner]"); !strings.Contains(got, "verwijderde gebruiker") {
			t.Fatalf("the action's owner after deletion: %q", got)
		}
		if auditCount(t, db, model.AuditAccountDeleted) != 1 {
			t.Fatal("the deletion is not in the audit log")
		}
	})
}

// TestAccountFormsRefuseForgedCSRF: every new form refuses a missing or
// forged token and changes nothing.
func TestAccountFormsRefuseForgedCSRF(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(editor)
		forms := []struct {
			path string
			form url.Values
		}{
			{"/account/profile", url.Values{"name": {"Overgenomen"}, "locale": {"en"}}},
			{"/account/password", url.Values{"current_password": {demo.Password}, "new_password": {"overgenomen wachtwoord"}}},
			{"/account/sessions/1/revoke", nil},
			{"/account/two-factor", url.Values{"code": {"123456"}}},
			{"/account/two-factor/off", url.Values{"off_code": {"123456"}}},
			{"/account/two-factor/recovery-codes", url.Values{"renew_code": {"123456"}}},
			{"/account/data", nil},
			{"/account/delete", url.Values{"delete_password": {demo.Password}}},
			{"/login/two-factor", url.Values{"code": {"123456"}}},
			{"/login/two-factor/setup", url.Values{"code": {"123456"}}},
			{"/login/two-factor/later", nil},
			{"/password/forgot", url.Values{"email": {editor}}},
			{"/password/reset", url.Values{"token": {"x"}, "new_password": {"overgenomen wachtwoord"}}},
		}
		for _, f := range forms {
			for _, token := range []string{"", "vervalst-token"} {
				t.Run(f.path+" "+token, func(t *testing.T) {
					form := url.Values{}
					for k, v := range f.form {
						form[k] = v
					}
					form.Set("_csrf", token)
					if r := c.Post(f.path, form); r.Status != http.StatusForbidden {
						t.Fatalf("status %d, want 403", r.Status)
					}
				})
			}
		}
		u := userByEmail(t, db, editor)
		if u.Name != "Mo Bakker" || u.Locale != "nl" || u.Deleted() || len(outbox(t, db, editor)) != 0 {
			t.Fatalf("a forged form changed something: %+v", u)
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusOK {
			t.Fatalf("a forged form ended the session: %d", r.Status)
		}
	})
}
