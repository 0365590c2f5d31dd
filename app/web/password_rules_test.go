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

// TestNewPasswordRules: a password set through the administrator's form
// follows NIST SP 800-63B: long enough, not common or breached, not the
// e-mail address or the name; and no rule about kinds of characters.
func TestNewPasswordRules(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)
		org := itoa(organisationID(t, db, "Gemeente Havenstad"))
		common := "Dit wachtwoord komt voor op een lijst van veelgebruikte of uitgelekte wachtwoorden. Kies een ander."
		personal := "Het wachtwoord mag niet het e-mailadres of de naam zijn. Kies een ander."
		tests := []struct {
			name     string
			email    string
			fullName string
			password string
			// msg is the message at the password field; empty when the
			// account is created.
			msg string
		}{
			{"eleven characters", "elf@havenstad.example", "Elf Tekens", "abcdefghij1", "Het wachtwoord moet minstens 12 tekens lang zijn."},
			{"on the list", "lijst@havenstad.example", "Lijst Persoon", "qwerty123456", common},
			{"on the list in capitals", "lijst2@havenstad.example", "Lijst Persoon", "QWERTY123456", common},
			{"a plain sequence", "reeks@havenstad.example", "Reeks Persoon", "123456789012", common},
			{"one character repeated", "herhaal@havenstad.example", "Herhaal Persoon", "zzzzzzzzzzzzzzzz", common},
			{"the e-mail address", "j.vandenberg@havenstad.example", "Joris van den Berg", "J.vandenBerg@havenstad.example", personal},
			{"the name", "joris.berg@havenstad.example", "Joris van den Berg", "joris van den berg", personal},
			{"the name without spaces", "joris.b@havenstad.example", "Joris van den Berg", "JorisVanDenBerg", personal},
			{"lower-case letters only, long", "letters@havenstad.example", "Letters Persoon", "zonnebloemen aan de haven", ""},
			{"digits and letters, no symbol", "cijfers@havenstad.example", "Cijfers Persoon", "overleg2026kustland", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, db, (*model.User)(nil))
				c.Get("/admin/accounts")
				r := c.Post("/admin/accounts", url.Values{"name": {tt.fullName}, "email": {tt.email}, "organisation": {org},
					"platform_role": {""}, "password": {tt.password}})
				after := count(t, db, (*model.User)(nil))
				if tt.msg == "" {
					if r.Status != http.StatusSeeOther || after != before+1 {
						t.Fatalf("status %d (%q), %d accounts added; want 303 and one", r.Status, r.Text("#f-password-error"), after-before)
					}
					return
				}
				if r.Status != http.StatusUnprocessableEntity || after != before {
					t.Fatalf("status %d, %d accounts added; want 422 and none", r.Status, after-before)
				}
				if got := r.Text("#f-password-error"); !strings.HasPrefix(got, tt.msg) {
					t.Fatalf("message %q, want %q", got, tt.msg)
				}
			})
		}
	})
}
