package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/testkit"
)

// otherSessionID reads from one's account page the id of a session other
// than the one showing it.
func otherSessionID(t *testing.T, c *testkit.Client) string {
	t.Helper()
	page := c.Get("/account")
	var id string
	page.Doc.Find("#sessions li").Each(func(_ int, li *goquery.Selection) {
		if li.Find(".schakel-badge").Length() == 0 {
			id = strings.TrimPrefix(li.AttrOr("id", ""), "session-")
		}
	})
	if id == "" {
		t.Fatalf("no other session listed: %q", page.Text("#sessions"))
	}
	return id
}

// TestEndedSessionsCloseTheirLiveConnections ends a session in each way
// there is, with a real websocket open in it and one in another session of
// the same person: the ended session's socket closes at once with the
// reason the page shows ("signed out", code 4001), gets nothing more, and
// cannot open again; the other goes on receiving updates unless the whole
// account was shut.
func TestEndedSessionsCloseTheirLiveConnections(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		field := "#action-" + itoa(a.ID) + "-title"
		anna := env.Client(t)
		anna.SignIn(coordinator)
		administrator := env.Client(t)
		administrator.SignIn(admin)

		tests := []struct {
			name  string
			email string
			// end ends the session there, acting from here (the same
			// person's other session) or as someone else.
			end func(t *testing.T, here, there *testkit.Client)
			// hereStays: the other session of the person goes on.
			hereStays bool
		}{
			{"signing out", editor, func(t *testing.T, here, there *testkit.Client) {
				if r := there.Post("/logout", nil); r.Status != http.StatusSeeOther {
					t.Fatalf("sign out: %d", r.Status)
				}
			}, true},
			{"revoking the session from another device", contributor, func(t *testing.T, here, there *testkit.Client) {
				if r := here.Post("/account/sessions/"+otherSessionID(t, here)+"/revoke", nil); r.Status != http.StatusSeeOther {
					t.Fatalf("revoke: %d %s", r.Status, r.Text("[role=alert]"))
				}
			}, true},
			{"changing the password on another device", "karin.hoekstra@ggd-kustland.example", func(t *testing.T, here, there *testkit.Client) {
				here.Get("/account")
				r := here.Post("/account/password", url.Values{"current_password": {demo.Password}, "new_password": {"een heel nieuw wachtwoord"}})
				if r.Status != http.StatusSeeOther {
					t.Fatalf("change password: %d %s", r.Status, r.Text("#f-new_password-error"))
				}
			}, true},
			{"an administrator disabling the account", "esra.yilmaz@debrug.example", func(t *testing.T, here, there *testkit.Client) {
				administrator.Get("/admin/accounts")
				r := administrator.Post("/admin/accounts/"+itoa(userByEmail(t, db, "esra.yilmaz@debrug.example").ID)+"/disable", nil)
				if r.Status != http.StatusSeeOther {
					t.Fatalf("disable: %d", r.Status)
				}
			}, false},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				here, there := env.Client(t), env.Client(t)
				here.SignIn(tt.email)
				there.SignIn(tt.email)
				hereLive, _ := here.DialLive(live)
				thereLive, status := there.DialLive(live)
				if status != http.StatusSwitchingProtocols {
					t.Fatalf("handshake %d", status)
				}
				// Both follow the plan before the session ends.
				before := "Vóór het afmelden " + itoa(int64(i))
				editTitle(t, anna, ws, a, before)
				hereLive.Await(field, before)
				thereLive.Await(field, before)

				tt.end(t, here, there)
				if reason := thereLive.Closed(); reason != "signed out" {
					t.Fatalf("close reason %q, want %q", reason, "signed out")
				}
				if code := thereLive.CloseCode.Load(); code != 4001 {
					t.Fatalf("close code %d, want 4001", code)
				}
				after := "Na het afmelden " + itoa(int64(i))
				editTitle(t, anna, ws, a, after)
				if tt.hereStays {
					hereLive.Await(field, after)
				} else if reason := hereLive.Closed(); reason != "signed out" {
					t.Fatalf("the account's other socket: close reason %q", reason)
				}
				if _, status := there.DialLive(live); status == http.StatusSwitchingProtocols {
					t.Fatal("the ended session opens a live connection again")
				}
				if r := there.Get("/workspaces"); r.Status != http.StatusSeeOther {
					t.Fatalf("the ended session still opens /workspaces: %d", r.Status)
				}
				if r := here.Get("/workspaces"); tt.hereStays && r.Status != http.StatusOK {
					t.Fatalf("the other session no longer opens /workspaces: %d", r.Status)
				}
			})
		}
	})
}
