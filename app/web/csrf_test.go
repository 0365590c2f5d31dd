package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// TestCSRFOnlyFromHeaderOrBody: on several forms, a missing or forged
// token, and a valid token sent in the query string, are refused with a
// page that says what to do, and nothing is saved; the same token in the
// form body or in htmx's header goes through.
func TestCSRFOnlyFromHeaderOrBody(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		forms := []struct {
			name string
			who  string
			page string
			path string
			form url.Values
			// table counts what the form adds.
			table any
		}{
			{"new organisation", admin, "/admin/organisations", "/admin/organisations",
				url.Values{"name": {"Stichting Proef"}, "kind": {"zorg"}}, (*model.Organisation)(nil)},
			{"new plan", coordinator, wsPath(ws, "/plans"), wsPath(ws, "/plans"),
				url.Values{"title": {"Plan 2028"}, "period_start": {"2028-01-01"}, "period_end": {"2028-12-31"}, "framework": {"vng"}}, (*model.Plan)(nil)},
			{"new member", coordinator, wsPath(ws, "/members"), wsPath(ws, "/members"),
				url.Values{"email": {outsider}, "role": {"viewer"}}, (*model.Membership)(nil)},
			{"new meeting", coordinator, wsPath(ws, "/meetings"), wsPath(ws, "/meetings"), trainingForm(), (*model.Meeting)(nil)},
		}
		tokens := []struct {
			name string
			// send sends the form with the page's valid token, or not.
			send func(c *testkit.Client, path string, form url.Values, valid string) *testkit.Response
			ok   bool
		}{
			{"no token", func(c *testkit.Client, path string, form url.Values, _ string) *testkit.Response {
				form.Set("_csrf", "")
				return c.Post(path, form)
			}, false},
			{"forged token", func(c *testkit.Client, path string, form url.Values, valid string) *testkit.Response {
				form.Set("_csrf", strings.Repeat("0", len(valid)))
				return c.Post(path, form)
			}, false},
			{"valid token in the query string", func(c *testkit.Client, path string, form url.Values, valid string) *testkit.Response {
				form.Set("_csrf", "")
				return c.Post(path+"?_csrf="+url.QueryEscape(valid), form)
			}, false},
			{"valid token in the form body", func(c *testkit.Client, path string, form url.Values, valid string) *testkit.Response {
				form.Set("_csrf", valid)
				return c.Post(path, form)
			}, true},
		}
		for _, f := range forms {
			t.Run(f.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(f.who)
				for _, tok := range tokens {
					t.Run(tok.name, func(t *testing.T) {
						c.Get(f.page)
						valid := c.CSRF
						if valid == "" {
							t.Fatal("the page has no token")
						}
						before := count(t, db, f.table)
						form := url.Values{}
						for k, v := range f.form {
							form[k] = v
						}
						r := tok.send(c, f.path, form, valid)
						after := count(t, db, f.table)
						if !tok.ok {
							if r.Status != http.StatusForbidden {
								t.Fatalf("status %d, want 403", r.Status)
							}
							if !strings.Contains(r.Text("[role=alert]"), "Het formulier is verlopen of ongeldig") {
								t.Fatalf("message %q", r.Text("[role=alert]"))
							}
							if after != before {
								t.Fatalf("a refused form saved something (%d → %d)", before, after)
							}
							return
						}
						if r.Status >= 400 {
							t.Fatalf("status %d with the valid token in the body", r.Status)
						}
						if after != before+1 {
							t.Fatalf("the form saved %d rows, want 1", after-before)
						}
					})
				}
			})
		}
	})
}
