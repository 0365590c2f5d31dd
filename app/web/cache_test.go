package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/testkit"
)

// TestNoStore: every answer that is not a static file says no-store, so
// that no page, fragment, export or feed stays in the disk cache of a
// shared workstation; the static files keep their caching.
func TestNoStore(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		feed := makeAddress(t, env, anna)
		anon := env.Client(t)
		item := itoa(f.items[0].ID)
		for _, it := range f.items {
			if it.Kind == "casus" {
				item = itoa(it.ID)
			}
		}
		tests := []struct {
			name   string
			client *testkit.Client
			get    func(c *testkit.Client) *testkit.Response
			status int
			want   string
		}{
			{"sign-in page", anon, func(c *testkit.Client) *testkit.Response { return c.Get("/login") }, http.StatusOK, "no-store"},
			{"workspace list", anna, func(c *testkit.Client) *testkit.Response { return c.Get("/workspaces") }, http.StatusOK, "no-store"},
			{"meeting page", anna, func(c *testkit.Client) *testkit.Response { return c.Get(f.path("")) }, http.StatusOK, "no-store"},
			{"case notes fragment", anna, func(c *testkit.Client) *testkit.Response {
				r := c.GetHTMX(wsPath(f.ws, "/items/"+item+"/case"))
				if !strings.Contains(r.Body, caseMarker) {
					t.Errorf("the case notes fragment does not hold the case notes")
				}
				return r
			}, http.StatusOK, "no-store"},
			{"members page", anna, func(c *testkit.Client) *testkit.Response { return c.Get(wsPath(f.ws, "/members")) }, http.StatusOK, "no-store"},
			{"printable minutes", anna, func(c *testkit.Client) *testkit.Response { return c.Get(f.path("/export/minutes")) }, http.StatusOK, "no-store"},
			{"Markdown minutes", anna, func(c *testkit.Client) *testkit.Response { return c.Get(f.path("/export/minutes.md")) }, http.StatusOK, "no-store"},
			{"meeting invitation", anna, func(c *testkit.Client) *testkit.Response { return c.Get(f.path("/invite.ics")) }, http.StatusOK, "no-store"},
			{"calendar feed", anon, func(c *testkit.Client) *testkit.Response {
				return c.Get(strings.TrimPrefix(feed, env.URL))
			}, http.StatusOK, "no-store"},
			{"answer to a form", anna, func(c *testkit.Client) *testkit.Response {
				c.Get("/workspaces")
				return c.Post("/language", map[string][]string{"lang": {"nl"}})
			}, http.StatusSeeOther, "no-store"},
			{"page not found", anna, func(c *testkit.Client) *testkit.Response { return c.Get("/no-such-page") }, http.StatusNotFound, "no-store"},
			{"static file not found", anon, func(c *testkit.Client) *testkit.Response { return c.Get("/static/css/none.css") }, http.StatusNotFound, "no-store"},
			{"style sheet", anon, func(c *testkit.Client) *testkit.Response { return c.Get("/static/css/schakel.css") }, http.StatusOK, "public, max-age=3600"},
			{"script", anon, func(c *testkit.Client) *testkit.Response { return c.Get("/static/vendor/htmx.min.js") }, http.StatusOK, "public, max-age=3600"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := tt.get(tt.client)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if got := r.Header.Get("Cache-Control"); !strings.Contains(got, tt.want) {
					t.Fatalf("Cache-Control %q, want %q", got, tt.want)
				}
				if tt.want != "no-store" && strings.Contains(r.Header.Get("Cache-Control"), "no-store") {
					t.Fatal("a static file is kept out of the cache")
				}
			})
		}
	})
}
