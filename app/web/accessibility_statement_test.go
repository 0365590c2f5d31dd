package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"schakel/app/testkit"
)

// TestAccessibilityStatement checks that the statement is public, in both
// languages, names a contact address, and is linked from every page's
// footer, signed in or not.
func TestAccessibilityStatement(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	visitor := env.Client(t)
	member := env.Client(t)
	member.SignIn(coordinator)
	ws := workspaceID(t, env.DB, "Havenstad")

	tests := []struct {
		name   string
		client *testkit.Client
		path   string
	}{
		{"sign-in page", visitor, "/login"},
		{"statement itself", visitor, "/toegankelijkheid"},
		{"not-found page", visitor, "/no-such-page"},
		{"workspace list", member, "/workspaces"},
		{"workspace", member, wsPath(ws, "")},
		{"plans", member, wsPath(ws, "/plans")},
	}
	for _, tt := range tests {
		t.Run("footer link on the "+tt.name, func(t *testing.T) {
			r := tt.client.Get(tt.path)
			link := r.Doc.Find(`footer a[href="/toegankelijkheid"]`)
			if link.Length() != 1 || strings.TrimSpace(link.Text()) != "Toegankelijkheid" {
				t.Fatalf("footer of %s has %d links to the statement (%q)", tt.path, link.Length(), link.Text())
			}
		})
	}

	t.Run("public, in Dutch", func(t *testing.T) {
		r := visitor.Get("/toegankelijkheid")
		if r.Status != http.StatusOK {
			t.Fatalf("status %d, want 200 without signing in", r.Status)
		}
		if got := r.Text("h1"); got != "Toegankelijkheidsverklaring" {
			t.Errorf("heading %q", got)
		}
		for _, want := range []string{"WCAG 2.1", "axe-core", "toetsenbord", "nog niet onderzocht"} {
			if !strings.Contains(r.Text("main"), want) {
				t.Errorf("the statement does not say %q", want)
			}
		}
		mail, _ := r.Doc.Find(`main a[href^="mailto:"]`).Attr("href")
		if !strings.HasSuffix(mail, "@schakel.example") {
			t.Errorf("contact address %q, want one at schakel.example", mail)
		}
		if cur, _ := r.Doc.Find(`footer a[href="/toegankelijkheid"]`).Attr("aria-current"); cur != "page" {
			t.Errorf("the footer link on the statement itself has aria-current=%q, want page", cur)
		}
	})

	t.Run("in English", func(t *testing.T) {
		english := env.Client(t)
		english.Get("/toegankelijkheid")
		english.Post("/language", url.Values{"lang": {"en"}, "back": {"/toegankelijkheid"}})
		r := english.Get("/toegankelijkheid")
		if got := r.Text("h1"); got != "Accessibility statement" {
			t.Errorf("heading %q", got)
		}
		if got := strings.TrimSpace(r.Doc.Find(`footer a[href="/toegankelijkheid"]`).Text()); got != "Accessibility" {
			t.Errorf("footer link %q", got)
		}
	})
}
