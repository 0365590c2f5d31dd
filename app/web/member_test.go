package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

func TestCoordinatorManagesMembers(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		c := env.Client(t)
		c.SignIn(coordinator)
		page := c.Get(wsPath(ws, "/members"))
		if page.Doc.Find("#members tbody tr").Length() != 6 {
			t.Fatalf("member table has %d rows, want 6", page.Doc.Find("#members tbody tr").Length())
		}

		t.Run("add with htmx returns the fresh table", func(t *testing.T) {
			r := c.PostHTMX(wsPath(ws, "/members"), url.Values{"email": {"Bram.Koster@zvh-lindendal.example"}, "role": {"contributor"}})
			if r.Status != http.StatusOK {
				t.Fatalf("status %d: %s", r.Status, r.Text("[role=alert]"))
			}
			if r.Doc.Find("header.schakel-header").Length() != 0 {
				t.Fatal("htmx got a whole page instead of the table")
			}
			if !strings.Contains(r.Doc.Find("#members").Text(), "Bram Koster") {
				t.Fatal("new member missing from the returned table")
			}
			if r.Text("#members [role=status]") != "Het lid is toegevoegd." {
				t.Fatalf("notice %q", r.Text("#members [role=status]"))
			}
		})
		t.Run("add without JavaScript redirects back", func(t *testing.T) {
			c.Get(wsPath(ws, "/members"))
			r := c.Post(wsPath(ws, "/members"), url.Values{"email": {"joost.vandijk@waterzande.example"}, "role": {"viewer"}})
			if r.Status != http.StatusSeeOther || r.Location() != wsPath(ws, "/members?notice=member_added") {
				t.Fatalf("got %d to %q", r.Status, r.Location())
			}
			if got := c.Get(r.Location()).Text("#alerts [role=status]"); got != "Het lid is toegevoegd." {
				t.Fatalf("notice %q", got)
			}
		})
		tests := []struct {
			name, email, role, field, message string
		}{
			{"unknown account", "niemand@havenstad.example", "viewer", "email", "Er is geen account met dit e-mailadres."},
			{"already a member", editor, "viewer", "email", "Deze persoon is al lid van deze werkruimte."},
			{"empty e-mail", "", "viewer", "email", "Vul dit veld in."},
			{"no e-mail address", "anna", "viewer", "email", "Vul een geldig e-mailadres in"},
			{"oversized e-mail", strings.Repeat("x", 100000) + "@havenstad.example", "viewer", "email", "Dit is te lang."},
			{"role that does not exist", "fatima.ouali@bergvliet.example", "owner", "role", "Kies een van de mogelijkheden."},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, db, (*model.Membership)(nil))
				c.Get(wsPath(ws, "/members"))
				r := c.PostHTMX(wsPath(ws, "/members"), url.Values{"email": {tt.email}, "role": {tt.role}})
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if got := r.Text("#f-" + tt.field + "-error"); !strings.HasPrefix(got, tt.message) {
					t.Fatalf("field message %q, want %q", got, tt.message)
				}
				if r.Header.Get("HX-Retarget") != "#member-add" {
					t.Fatalf("errors not aimed at the form: %q", r.Header.Get("HX-Retarget"))
				}
				if v, _ := r.Doc.Find("#f-email").Attr("value"); len(tt.email) < 300 && v != tt.email {
					t.Fatalf("typed e-mail not kept: %q", v)
				}
				if after := count(t, db, (*model.Membership)(nil)); after != before {
					t.Fatalf("refused input stored %d memberships", after-before)
				}
			})
		}
		t.Run("change a role", func(t *testing.T) {
			mid := membershipID(t, db, ws, viewer)
			r := c.PostHTMX(wsPath(ws, "/members/"+itoa(mid)+"/role"), url.Values{"role": {"editor"}})
			if r.Status != http.StatusOK {
				t.Fatalf("status %d", r.Status)
			}
			if v, _ := r.Doc.Find("#role-" + itoa(mid) + " option[selected]").Attr("value"); v != "editor" {
				t.Fatalf("role shown %q, want editor", v)
			}
			// The new role holds at once: the former viewer may now... still not manage members.
			v := env.Client(t)
			v.SignIn(viewer)
			if r := v.Get(wsPath(ws, "")); r.Status != http.StatusOK {
				t.Fatalf("member after role change: %d", r.Status)
			}
		})
		t.Run("the last coordinator stays", func(t *testing.T) {
			mid := membershipID(t, db, ws, coordinator)
			r := c.PostHTMX(wsPath(ws, "/members/"+itoa(mid)+"/role"), url.Values{"role": {"viewer"}})
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Text("[role=alert]"), "minstens één regisseur") {
				t.Fatalf("demoting the last coordinator: %d %q", r.Status, r.Text("[role=alert]"))
			}
			r = c.PostHTMX(wsPath(ws, "/members/"+itoa(mid)+"/delete"), nil)
			if r.Status != http.StatusUnprocessableEntity {
				t.Fatalf("removing the last coordinator: %d", r.Status)
			}
			if r.Header.Get("HX-Retarget") != "#alerts" {
				t.Fatalf("error not aimed at the alert region: %q", r.Header.Get("HX-Retarget"))
			}
		})
		t.Run("remove a member, who then loses access", func(t *testing.T) {
			mid := membershipID(t, db, ws, contributor)
			gone := env.Client(t)
			gone.SignIn(contributor)
			if r := gone.Get(wsPath(ws, "")); r.Status != http.StatusOK {
				t.Fatalf("before removal: %d", r.Status)
			}
			c.Get(wsPath(ws, "/members"))
			r := c.Post(wsPath(ws, "/members/"+itoa(mid)+"/delete"), nil)
			if r.Status != http.StatusSeeOther {
				t.Fatalf("remove: %d", r.Status)
			}
			if r := gone.Get(wsPath(ws, "")); r.Status != http.StatusNotFound {
				t.Fatalf("removed member still opens the workspace: %d", r.Status)
			}
			if r := c.Post(wsPath(ws, "/members/"+itoa(mid)+"/delete"), nil); r.Status != http.StatusNotFound {
				t.Fatalf("removing twice: %d, want 404", r.Status)
			}
		})
	})
}

func TestWorkspaceOverview(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		tests := []struct {
			name  string
			email string
			want  []string
		}{
			{"coordinator sees own workspace", coordinator, []string{"Havenstad"}},
			{"partner sees each workspace it was invited to", contributor, []string{"Havenstad", "Lindendal", "Regio Lindendal"}},
			{"reviewer sees every workspace", reviewer, []string{"Bergvliet", "Havenstad", "Lindendal", "Regio Lindendal", "Rietveen", "Waterzande"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				r := c.Get("/workspaces")
				var got []string
				r.Doc.Find(".schakel-card__title a").Each(func(_ int, s *goquery.Selection) { got = append(got, s.Text()) })
				if strings.Join(got, ",") != strings.Join(tt.want, ",") {
					t.Fatalf("workspaces %v, want %v", got, tt.want)
				}
				href, _ := r.Doc.Find(".schakel-card__title a").First().Attr("href")
				open := c.Get(href)
				if open.Status != http.StatusOK || open.Text("h1") != tt.want[0] {
					t.Fatalf("opening %s: %d %q", href, open.Status, open.Text("h1"))
				}
			})
		}
	})
}
