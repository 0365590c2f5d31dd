package web_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestAdministratorSetsUpAWorkspace(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)

		c.Get("/admin/organisations")
		r := c.Post("/admin/organisations", url.Values{"name": {"Gemeente Zilverhaven"}, "kind": {"gemeente"}, "region": {"kustland"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("create organisation: %d %s", r.Status, r.Text("[role=alert]"))
		}
		org, err := store.OrganisationByName(context.Background(), db, "Gemeente Zilverhaven")
		if err != nil {
			t.Fatal(err)
		}
		kustland, err := store.RegionByName(context.Background(), db, "Kustland")
		if err != nil || org.RegionID == nil || *org.RegionID != kustland.ID {
			t.Fatalf("the organisation is not in the region typed, whatever its capitals: %v %v", org.RegionID, err)
		}

		c.Get("/admin/accounts")
		r = c.Post("/admin/accounts", url.Values{
			"name": {"Noor Peeters"}, "email": {"Noor.Peeters@Zilverhaven.example"}, "organisation": {itoa(org.ID)},
			"platform_role": {""}, "password": {"een-goed-wachtwoord"},
		})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("create account: %d %s", r.Status, r.Text("[role=alert]"))
		}

		c.Get("/admin/workspaces/new")
		r = c.Post("/admin/workspaces", url.Values{
			"name": {"Zilverhaven"}, "kind": {"gemeente"}, "description": {"<script>alert('x')</script> Nieuwe gemeente"},
			"organisation": {itoa(org.ID)}, "coordinator": {"noor.peeters@zilverhaven.example"}, "language": {"nl"},
		})
		if r.Status != http.StatusSeeOther || !strings.HasSuffix(r.Location(), "/members?notice=workspace_created_coordinator") {
			t.Fatalf("create workspace: %d to %q: %s", r.Status, r.Location(), r.Text("[role=alert]"))
		}
		ws := workspaceID(t, db, "Zilverhaven")

		// The coordinator had an account: they sign in with its password
		// and add a member.
		noor := env.Client(t)
		// A coordinator reads case material: two-factor is set up first.
		noor.SignInSettingUpTwoFactor("noor.peeters@zilverhaven.example", "een-goed-wachtwoord")
		page := noor.Get(wsPath(ws, ""))
		if page.Status != http.StatusOK || page.Text("h1") != "Zilverhaven" {
			t.Fatalf("coordinator opens the new workspace: %d %q", page.Status, page.Text("h1"))
		}
		if page.Doc.Find("script:not([src])").Length() != 0 || !strings.Contains(page.Text(".schakel-prose"), "<script>") {
			t.Fatal("HTML in the description was not shown as text")
		}
		noor.Get(wsPath(ws, "/members"))
		if r := noor.Post(wsPath(ws, "/members"), url.Values{"email": {editor}, "role": {"contributor"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("coordinator adds a member: %d", r.Status)
		}
	})
}

func TestAdministrationRefusesBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)
		long := strings.Repeat("é", 201)
		tests := []struct {
			name  string
			path  string
			form  url.Values
			field string
			msg   string
			table any
		}{
			{"organisation without a name", "/admin/organisations", url.Values{"name": {"  "}, "kind": {"gemeente"}}, "name", "Vul dit veld in.", (*model.Organisation)(nil)},
			{"organisation with an oversized name", "/admin/organisations", url.Values{"name": {long}, "kind": {"gemeente"}}, "name", "Dit is te lang. Maak het korter.", (*model.Organisation)(nil)},
			{"organisation of an unknown kind", "/admin/organisations", url.Values{"name": {"X"}, "kind": {"bank"}}, "kind", "Kies een van de mogelijkheden.", (*model.Organisation)(nil)},
			{"organisation name taken", "/admin/organisations", url.Values{"name": {"GGD Kustland"}, "kind": {"ggd"}}, "name", "Deze naam is al in gebruik.", (*model.Organisation)(nil)},
			{"workspace name taken", "/admin/workspaces", url.Values{"name": {"Havenstad"}, "kind": {"gemeente"}}, "name", "Deze naam is al in gebruik.", (*model.Workspace)(nil)},
			{"workspace without a coordinator", "/admin/workspaces", url.Values{"name": {"Nieuwdorp"}, "kind": {"gemeente"}}, "coordinator", "Vul dit veld in.", (*model.Workspace)(nil)},
			{"workspace with a 100 kB description", "/admin/workspaces", url.Values{"name": {"Nieuwdorp"}, "kind": {"gemeente"}, "description": {strings.Repeat("a", 100000)}}, "description", "Dit is te lang.", (*model.Workspace)(nil)},
			{"account with a short password", "/admin/accounts", url.Values{"name": {"A"}, "email": {"a@b.example"}, "organisation": {"1"}, "password": {"kort"}}, "password", "Het wachtwoord moet minstens 12 tekens lang zijn.", (*model.User)(nil)},
			{"account with a taken e-mail", "/admin/accounts", url.Values{"name": {"A"}, "email": {coordinator}, "organisation": {"1"}, "password": {"lang-genoeg-wachtwoord"}}, "email", "Er is al een account met dit e-mailadres.", (*model.User)(nil)},
			{"account of no organisation", "/admin/accounts", url.Values{"name": {"A"}, "email": {"a@b.example"}, "organisation": {"999999"}, "password": {"lang-genoeg-wachtwoord"}}, "organisation", "Kies een van de mogelijkheden.", (*model.User)(nil)},
			{"account with a made-up platform role", "/admin/accounts", url.Values{"name": {"A"}, "email": {"a@b.example"}, "organisation": {"1"}, "platform_role": {"superuser"}, "password": {"lang-genoeg-wachtwoord"}}, "platform_role", "Kies een van de mogelijkheden.", (*model.User)(nil)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, db, tt.table)
				c.Get(tt.path)
				r := c.Post(tt.path, tt.form)
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if got := r.Text("#f-" + tt.field + "-error"); !strings.HasPrefix(got, tt.msg) {
					t.Fatalf("message at %s: %q, want %q", tt.field, got, tt.msg)
				}
				if invalid, _ := r.Doc.Find("#f-" + tt.field).Attr("aria-invalid"); invalid != "true" {
					t.Fatalf("field %s is not marked invalid for screen readers", tt.field)
				}
				if after := count(t, db, tt.table); after != before {
					t.Fatalf("refused input stored %d rows", after-before)
				}
			})
		}
		t.Run("a body over the limit", func(t *testing.T) {
			// Announce 2 MiB and send none of it: the server must refuse on
			// the header alone, before reading.
			conn, err := net.Dial("tcp", strings.TrimPrefix(env.URL, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST /admin/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n", 2<<20)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d, want 413", resp.StatusCode)
			}
		})
	})
}
