package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"schakel/app/testkit"
)

func TestLanguageSwitchIsRemembered(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	c := env.Client(t)
	r := c.Get("/login")
	if lang, _ := r.Doc.Find("html").Attr("lang"); lang != "nl" || r.Text("h1") != "Inloggen bij Schakel" {
		t.Fatalf("default page: lang %q, heading %q", lang, r.Text("h1"))
	}
	r = c.Post("/language", url.Values{"lang": {"en"}, "back": {"/login"}})
	if r.Status != http.StatusSeeOther || r.Location() != "/login" {
		t.Fatalf("switch: %d to %q", r.Status, r.Location())
	}
	r = c.Get("/login")
	if lang, _ := r.Doc.Find("html").Attr("lang"); lang != "en" || r.Text("h1") != "Sign in to Schakel" {
		t.Fatalf("after switch: lang %q, heading %q", lang, r.Text("h1"))
	}
	if pressed, _ := r.Doc.Find(`button[value="en"]`).Attr("aria-pressed"); pressed != "true" {
		t.Fatal("the language switch does not show English as chosen")
	}
	c.SignIn(coordinator)
	if got := c.Get("/workspaces").Text("h1"); got != "Your workspaces" {
		t.Fatalf("signed in: %q", got)
	}

	// The choice went with the account: a new browser shows English after sign-in.
	fresh := env.Client(t)
	fresh.SignIn(coordinator)
	if got := fresh.Get("/workspaces").Text("h1"); got != "Your workspaces" {
		t.Fatalf("new browser after sign-in: %q", got)
	}
	for _, tt := range []struct{ name, lang, back string }{
		{"unknown language", "fr", "/"},
		{"no language", "", "/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if r := fresh.Post("/language", url.Values{"lang": {tt.lang}, "back": {tt.back}}); r.Status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", r.Status)
			}
		})
	}
	t.Run("a return address elsewhere is ignored", func(t *testing.T) {
		r := fresh.Post("/language", url.Values{"lang": {"nl"}, "back": {"//evil.example/"}})
		if r.Location() != "/" {
			t.Fatalf("redirect to %q", r.Location())
		}
	})
}

func TestPagesAreSafeAndAccessibleByConstruction(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	c := env.Client(t)
	pages := []string{"/login"}
	check := func(path string, r *testkit.Response) {
		t.Helper()
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.Status)
		}
		if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
		if n := r.Doc.Find("script:not([src])").Length(); n != 0 {
			t.Errorf("%s: %d inline scripts", path, n)
		}
		r.Doc.Find("*").Each(func(_ int, s *goquery.Selection) {
			for _, a := range s.Nodes[0].Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || strings.HasPrefix(a.Key, "hx-on") {
					t.Errorf("%s: inline %s on <%s>", path, a.Key, s.Nodes[0].Data)
				}
			}
		})
		if r.Doc.Find("main#main").Length() != 1 || r.Doc.Find(`a[href="#main"]`).Length() != 1 {
			t.Errorf("%s: no main landmark with a skip link", path)
		}
		if r.Doc.Find("header").Length() == 0 || r.Doc.Find("footer").Length() == 0 {
			t.Errorf("%s: header or footer landmark missing", path)
		}
		if r.Doc.Find("h1").Length() != 1 {
			t.Errorf("%s: %d h1 headings, want 1", path, r.Doc.Find("h1").Length())
		}
		r.Doc.Find("input:not([type=hidden]), select, textarea").Each(func(_ int, s *goquery.Selection) {
			id, _ := s.Attr("id")
			if id == "" || r.Doc.Find(`label[for="`+id+`"]`).Length() == 0 {
				t.Errorf("%s: a form control without a label (id %q)", path, id)
			}
		})
	}
	check("/login", c.Get("/login"))
	c.SignIn(admin)
	ws := workspaceID(t, env.DB, "Havenstad")
	pages = []string{"/workspaces", wsPath(ws, ""), wsPath(ws, "/members"), "/admin/accounts", "/admin/organisations", "/admin/workspaces"}
	for _, p := range pages {
		check(p, c.Get(p))
	}
}

func TestMachineEndpoints(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	c := env.Client(t)
	c.Get("/login")
	for _, tt := range []struct {
		path, contains string
	}{
		{"/healthz", "ok"},
		{"/readyz", "ok"},
		{"/static/vendor/htmx.min.js", "htmx"},
		{"/static/css/schakel.css", ""},
	} {
		t.Run(tt.path, func(t *testing.T) {
			r := c.Get(tt.path)
			if r.Status != http.StatusOK || !strings.Contains(r.Body, tt.contains) {
				t.Fatalf("status %d, body lacks %q", r.Status, tt.contains)
			}
		})
	}
	t.Run("readyz without a database", func(t *testing.T) {
		if err := env.DB.Close(); err != nil {
			t.Fatal(err)
		}
		if r := c.Get("/readyz"); r.Status != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503", r.Status)
		}
	})
}
