package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/testkit"
)

// TestSecretsInAddressesStayOutOfTheLog: an invitation link and a calendar
// feed's address are credentials; the request log names their route, never
// the secret in them.
func TestSecretsInAddressesStayOutOfTheLog(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		c := env.Client(t)
		c.SignIn(coordinator)
		c.Get(wsPath(ws, "/members"))
		addr := "log.proef@havenstad.example"
		c.Post(wsPath(ws, "/invitations"), url.Values{"email": {addr}, "name": {"Log Proef"}, "role": {"viewer"}, "language": {"nl"}})
		invitation := invitationPath(t, db, addr)
		feed := makeAddress(t, env, c)

		visitor := env.Client(t)
		visitor.Get(invitation)
		visitor.Get(strings.TrimPrefix(feed, env.URL))

		logs := env.Logs()
		tests := []struct {
			name, secret, route string
		}{
			{"invitation link", strings.TrimPrefix(invitation, "/invitations/"), "path=/invitations/:token"},
			{"calendar feed", strings.TrimSuffix(strings.TrimPrefix(feed, env.URL+"/calendar/"), ".ics"), "path=/calendar/:token.ics"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if tt.secret == "" || strings.Contains(logs, tt.secret) {
					t.Errorf("the log holds the secret of the %s (%q)", tt.name, tt.secret)
				}
				if !strings.Contains(logs, tt.route) {
					t.Errorf("the log does not name the route %q", tt.route)
				}
			})
		}
	})
}
