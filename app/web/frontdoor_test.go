package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/config"
	"schakel/app/testkit"
)

func contactAt(address string) func(*config.Config) {
	return func(c *config.Config) { c.ContactEmail = address }
}

// TestFrontDoor: a visitor without an account learns what Schakel is, who
// is behind it, whom to ask for access (the configured address) and where
// to read about privacy and accessibility; someone signed in goes straight
// to their workspaces.
func TestFrontDoor(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db, contactAt("aanmelden@gemeente-kustland.example"), func(c *config.Config) { c.CaseRetention = 21 })
		for _, tt := range []struct {
			name, lang string
			want       []string
		}{
			{"in Dutch", "nl", []string{"Wat is Schakel?", "Defence for Children", "ketenpartners", "Hoe krijg je toegang?", "21 dagen na het overleg"}},
			{"in English", "en", []string{"What is Schakel?", "Defence for Children", "chain partners", "How do you get access?", "21 days after the meeting"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.Get("/login")
				c.Post("/language", url.Values{"lang": {tt.lang}, "back": {"/"}})
				r := c.Get("/")
				if r.Status != http.StatusOK {
					t.Fatalf("status %d, want the front door", r.Status)
				}
				main := r.Text("main")
				for _, w := range tt.want {
					if !strings.Contains(main, w) {
						t.Errorf("the front door does not say %q", w)
					}
				}
				for _, href := range []string{"mailto:aanmelden@gemeente-kustland.example", "/privacy", "/toegankelijkheid", "/login"} {
					if r.Doc.Find(`main a[href="`+href+`"]`).Length() == 0 {
						t.Errorf("no link to %s", href)
					}
				}
			})
		}
		t.Run("signed in", func(t *testing.T) {
			c := env.Client(t)
			c.SignIn(viewer)
			if r := c.Get("/"); r.Status != http.StatusSeeOther || r.Location() != "/workspaces" {
				t.Fatalf("got %d to %q, want the workspaces", r.Status, r.Location())
			}
		})
	})
}

// TestPrivacyStatement: what Schakel keeps, why, how long (the configured
// terms), who sees it and how to use one's rights, for anyone to read.
func TestPrivacyStatement(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db, contactAt("privacy@gemeente-kustland.example"), func(c *config.Config) {
			c.CaseRetention = 45
			c.SessionLifetime = 8 * time.Hour
		})
		for _, tt := range []struct {
			name, lang string
			want       []string
		}{
			{"in Dutch", "nl", []string{"tot 45 dagen na het overleg", "na 8 uur zonder gebruik", "gepseudonimiseerd", "Beoordelaars en gasten zien ze nooit", "Autoriteit Persoonsgegevens", "bewaart Schakel dat adres niet"}},
			{"in English", "en", []string{"until 45 days after the meeting", "after 8 hours without use", "pseudonymised", "Reviewers and guests never see them", "Autoriteit Persoonsgegevens", "Schakel does not keep that address"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.Get("/login")
				c.Post("/language", url.Values{"lang": {tt.lang}, "back": {"/privacy"}})
				r := c.Get("/privacy")
				if r.Status != http.StatusOK {
					t.Fatalf("status %d", r.Status)
				}
				main := r.Text("main")
				for _, w := range tt.want {
					if !strings.Contains(main, w) {
						t.Errorf("the privacy statement does not say %q", w)
					}
				}
				for _, href := range []string{"mailto:privacy@gemeente-kustland.example", "/account"} {
					if r.Doc.Find(`main a[href="`+href+`"]`).Length() != 1 {
						t.Errorf("no link to %s", href)
					}
				}
				if r.Doc.Find(`footer a[href="/privacy"][aria-current="page"]`).Length() != 1 {
					t.Error("the footer does not mark the privacy statement as the current page")
				}
			})
		}
	})
}

// TestErrorPagesSayWhereToGo: "not found" and "not allowed" say what
// happened and lead on, to one's workspaces when signed in and to signing
// in otherwise, in the person's language; a workspace that is not one's
// own reads exactly like one that does not exist.
func TestErrorPagesSayWhereToGo(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db, contactAt("hulp@schakel.example"))
		havenstad := workspaceID(t, db, "Havenstad")
		anonymous := env.Client(t)
		anonymous.Get("/login")
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		youssef := env.Client(t)
		youssef.SignIn(viewer)
		english := env.Client(t)
		english.SignIn(outsider)
		english.Post("/language", url.Values{"lang": {"en"}, "back": {"/workspaces"}})

		for _, tt := range []struct {
			name    string
			ask     func() *testkit.Response
			status  int
			heading string
			next    string
		}{
			{"an unknown page, signed out", func() *testkit.Response { return anonymous.Get("/plannen") }, 404, "Pagina niet gevonden", "/login"},
			{"an unknown page, signed in", func() *testkit.Response { return pieter.Get("/plannen") }, 404, "Pagina niet gevonden", "/workspaces"},
			{"another municipality's workspace", func() *testkit.Response { return pieter.Get(wsPath(havenstad, "/plans")) }, 404, "Pagina niet gevonden", "/workspaces"},
			{"a workspace that does not exist", func() *testkit.Response { return pieter.Get(wsPath(999999, "/plans")) }, 404, "Pagina niet gevonden", "/workspaces"},
			{"a change one's role does not allow", func() *testkit.Response {
				youssef.Get(wsPath(havenstad, "/members"))
				return youssef.Post(wsPath(havenstad, "/members"), url.Values{"email": {outsider}, "role": {"viewer"}})
			}, 403, "Geen toegang", "/workspaces"},
			{"the administration, for a coordinator", func() *testkit.Response { return pieter.Get("/admin/accounts") }, 403, "Geen toegang", "/workspaces"},
			{"an unknown page in English", func() *testkit.Response { return english.Get("/plannen") }, 404, "Page not found", "/workspaces"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := tt.ask()
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if h := r.Text("h1"); h != tt.heading {
					t.Errorf("heading %q, want %q", h, tt.heading)
				}
				if r.Text("#error-explanation") == "" {
					t.Error("the page does not explain what to do")
				}
				if r.Doc.Find(`main nav a[href="`+tt.next+`"]`).Length() != 1 {
					t.Errorf("no way on to %s", tt.next)
				}
				if r.Doc.Find(`main a[href="mailto:hulp@schakel.example"]`).Length() != 1 {
					t.Error("no contact address")
				}
			})
		}
		// Not one's own and not there at all: the same page, word for word.
		foreign, missing := pieter.Get(wsPath(havenstad, "/plans")).Text("main"), pieter.Get(wsPath(999999, "/plans")).Text("main")
		if foreign != missing {
			t.Errorf("another workspace's page reads\n%q\nbut one that does not exist\n%q", foreign, missing)
		}
	})
}
