package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/testkit"
)

// outbox lists the messages waiting to be delivered to an address.
func outbox(t *testing.T, db *bun.DB, to string) []mail.Message {
	t.Helper()
	var list []mail.Message
	if err := db.NewSelect().Model(&list).Where("to_address = ?", to).OrderExpr("id ASC").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	return list
}

var resetLink = regexp.MustCompile(`http://[^\s"]+/password/reset\?token=[A-Za-z0-9_%-]+`)

// TestPasswordReset asks for a reset link for a known and an unknown
// address (the same answer, one e-mail), follows the link from the
// outbox, refuses a short password, sets a good one (every session of the
// account ends), and finds the link used up afterwards; an expired link
// is refused too. Two-factor is asked at the next sign-in as before.
func TestPasswordReset(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		signedIn := env.Client(t)
		signedIn.SignIn(reviewer)
		secret, _ := setUpTwoFactor(t, signedIn)

		visitor := env.Client(t)
		if page := visitor.Get("/login"); page.Doc.Find(`a[href="/password/forgot"]`).Length() != 1 {
			t.Fatal("the sign-in page has no link for a forgotten password")
		}
		answers := map[string]string{}
		for _, addr := range []string{"nobody@havenstad.example", "  Lotte.Visser@DefenceForChildren.example "} {
			visitor.Get("/password/forgot")
			r := visitor.Post("/password/forgot", url.Values{"email": {addr}})
			if r.Status != http.StatusOK {
				t.Fatalf("%s: %d", addr, r.Status)
			}
			answers[addr] = r.Text("#reset-sent")
		}
		if len(answers) != 2 || answers["nobody@havenstad.example"] != answers["  Lotte.Visser@DefenceForChildren.example "] ||
			answers["nobody@havenstad.example"] == "" {
			t.Fatalf("known and unknown addresses answered differently: %q", answers)
		}
		if n := len(outbox(t, db, "nobody@havenstad.example")); n != 0 {
			t.Fatalf("%d e-mails to an unknown address", n)
		}
		msgs := outbox(t, db, reviewer)
		if len(msgs) != 1 || msgs[0].Kind != "password_reset" || msgs[0].Subject != "Nieuw wachtwoord voor Schakel" {
			t.Fatalf("outbox %+v", msgs)
		}
		link := resetLink.FindString(msgs[0].Text)
		if link == "" || resetLink.FindString(msgs[0].HTML) == "" {
			t.Fatalf("no reset link in the e-mail:\n%s", msgs[0].Text)
		}
		path := link[len(env.URL):]

		// A malformed address is a field error; nothing is sent.
		visitor.Get("/password/forgot")
		if r := visitor.Post("/password/forgot", url.Values{"email": {"geen adres"}}); r.Status != http.StatusUnprocessableEntity || r.Text("#f-email-error") == "" {
			t.Fatalf("malformed address: %d", r.Status)
		}

		page := visitor.Get(path)
		if page.Status != http.StatusOK || page.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("reset page: %d, Cache-Control %q", page.Status, page.Header.Get("Cache-Control"))
		}
		token := page.Doc.Find(`input[name="token"]`).AttrOr("value", "")
		if r := visitor.Post("/password/reset", url.Values{"token": {token}, "new_password": {"te kort"}}); r.Status != http.StatusUnprocessableEntity ||
			r.Text("#f-new_password-error") != "Het wachtwoord moet minstens 12 tekens lang zijn." {
			t.Fatalf("short password: %d %q", r.Status, r.Text("#f-new_password-error"))
		}
		if r := visitor.Post("/password/reset", url.Values{"token": {token}, "new_password": {"mijn nieuwe wachtwoord"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("reset: %d %s", r.Status, r.Text("[role=alert]"))
		}
		if r := signedIn.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("a session from before the reset still works: %d", r.Status)
		}
		for _, tt := range []struct{ name, method string }{{"opened again", "GET"}, {"sent again", "POST"}} {
			var r *testkit.Response
			if tt.method == "GET" {
				r = visitor.Get(path)
			} else {
				visitor.Get("/password/forgot")
				r = visitor.Post("/password/reset", url.Values{"token": {token}, "new_password": {"nog een ander wachtwoord"}})
			}
			if r.Status != http.StatusGone || r.Text("[role=alert]") != "Deze link werkt niet meer: hij is verlopen of al gebruikt. Vraag een nieuwe link aan; je wachtwoord is niet gewijzigd." {
				t.Fatalf("used link %s: %d %q", tt.name, r.Status, r.Text("[role=alert]"))
			}
		}

		// The new password signs in, and two-factor is still asked.
		c := env.Client(t)
		if to := passwordStep(t, c, reviewer, "mijn nieuwe wachtwoord"); to != "/login/two-factor" {
			t.Fatalf("after the reset the password leads to %q, want the second step", to)
		}
		c.Get("/login/two-factor")
		if r := c.Post("/login/two-factor", url.Values{"code": {nextCode(secret)}}); r.Status != http.StatusSeeOther {
			t.Fatalf("second step after the reset: %d %q", r.Status, r.Text("#f-code-error"))
		}
		for _, event := range []string{model.AuditPasswordResetAsked, model.AuditPasswordResetDone} {
			if n := auditCount(t, db, event); n != 1 {
				t.Errorf("audit %s: %d lines, want 1", event, n)
			}
		}

		// An expired link is refused, and its password stays.
		visitor.Get("/password/forgot")
		visitor.Post("/password/forgot", url.Values{"email": {coordinator}})
		msgs = outbox(t, db, coordinator)
		if len(msgs) != 1 {
			t.Fatalf("%d e-mails to the coordinator", len(msgs))
		}
		expired := resetLink.FindString(msgs[0].Text)[len(env.URL):]
		if _, err := db.NewUpdate().Model((*model.PasswordReset)(nil)).Set("expires_at = ?", time.Now().UTC().Add(-time.Minute)).
			Where("user_id = ?", userByEmail(t, db, coordinator).ID).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		if r := visitor.Get(expired); r.Status != http.StatusGone {
			t.Fatalf("expired link: %d", r.Status)
		}
		passwordStep(t, env.Client(t), coordinator, demo.Password)
	})
}
