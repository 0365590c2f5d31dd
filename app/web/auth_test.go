package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/config"
	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestSignIn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		blocked := userByEmail(t, db, viewer)
		now := time.Now()
		if err := store.SetUserDisabled(t.Context(), db, blocked.ID, &now); err != nil {
			t.Fatal(err)
		}
		wrongPassword := "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw."
		tests := []struct {
			name       string
			email      string
			password   string
			wantStatus int
			wantAlert  string
			wantField  string // id of a field error that must show
		}{
			{"right password", coordinator, demo.Password, http.StatusSeeOther, "", ""},
			{"e-mail in other case and with spaces", "  Anna.DeVries@Havenstad.example ", demo.Password, http.StatusSeeOther, "", ""},
			{"wrong password", coordinator, "not-the-password", http.StatusUnauthorized, wrongPassword, ""},
			{"unknown account gets the same message", "nobody@havenstad.example", demo.Password, http.StatusUnauthorized, wrongPassword, ""},
			{"disabled account with its password", viewer, demo.Password, http.StatusForbidden, "Dit account is gedeactiveerd. Neem contact op met de beheerder van Schakel.", ""},
			{"disabled account with a wrong password says nothing of the block", viewer, "guess-guess-guess", http.StatusUnauthorized, wrongPassword, ""},
			{"empty e-mail", "", demo.Password, http.StatusUnprocessableEntity, "", "f-email-error"},
			{"empty password", coordinator, "", http.StatusUnprocessableEntity, "", "f-password-error"},
			{"oversized e-mail", strings.Repeat("a", 300) + "@havenstad.example", demo.Password, http.StatusUnprocessableEntity, "", "f-email-error"},
			{"oversized password", coordinator, strings.Repeat("x", 10000), http.StatusUnprocessableEntity, "", "f-password-error"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.Get("/login")
				r := c.Post("/login", url.Values{"email": {tt.email}, "password": {tt.password}})
				if r.Status != tt.wantStatus {
					t.Fatalf("status %d, want %d; alert %q", r.Status, tt.wantStatus, r.Text("[role=alert]"))
				}
				if tt.wantStatus == http.StatusSeeOther {
					// A coordinator reads case material: two-factor is set
					// up first, which a demo account may put off here.
					if r.Location() != "/login/two-factor/setup" {
						t.Fatalf("redirect to %q, want /login/two-factor/setup", r.Location())
					}
					if got := c.Get("/workspaces"); got.Status != http.StatusSeeOther {
						t.Fatalf("before the second step /workspaces answers %d", got.Status)
					}
					c.Get(r.Location())
					if r := c.Post("/login/two-factor/later", nil); r.Status != http.StatusSeeOther || r.Location() != "/workspaces" {
						t.Fatalf("putting off two-factor: %d to %q", r.Status, r.Location())
					}
					page := c.Get("/workspaces")
					if page.Status != http.StatusOK || page.Text("h1") != "Uw werkruimtes" {
						t.Fatalf("after sign-in /workspaces gives %d %q", page.Status, page.Text("h1"))
					}
					return
				}
				if tt.wantAlert != "" && r.Text("#signin-error") != tt.wantAlert {
					t.Fatalf("alert %q, want %q", r.Text("#signin-error"), tt.wantAlert)
				}
				if tt.wantField != "" && r.Text("#"+tt.wantField) == "" {
					t.Fatalf("no field message #%s", tt.wantField)
				}
				if got := c.Get("/workspaces"); got.Status != http.StatusSeeOther {
					t.Fatalf("not signed in, yet /workspaces answers %d", got.Status)
				}
			})
		}
	})
}

func TestSessionRotatesAtSignInAndEndsAtSignOut(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.Get("/login")
		before := c.Cookie("schakel_session")
		if before == "" {
			t.Fatal("no session cookie before sign-in")
		}
		csrfBefore := c.CSRF
		c.SignIn(coordinator)
		after := c.Cookie("schakel_session")
		if after == "" || after == before {
			t.Fatalf("session id not rotated at sign-in: before %q after %q", before, after)
		}
		if c.CSRF == csrfBefore {
			t.Fatal("CSRF token not rotated at sign-in")
		}

		// Someone holding the id from before sign-in gets nothing.
		planted := env.Client(t)
		u, _ := url.Parse(env.URL)
		planted.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: "schakel_session", Value: before, Path: "/"}})
		if r := planted.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("pre-sign-in session id opens /workspaces: %d", r.Status)
		}

		r := c.Post("/logout", nil)
		if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
			t.Fatalf("sign out: %d to %q", r.Status, r.Location())
		}
		if got := c.Get("/login?notice=signed_out").Text("[role=status]"); got != "U bent afgemeld." {
			t.Fatalf("sign-out notice %q", got)
		}
		replay := env.Client(t)
		replay.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: "schakel_session", Value: after, Path: "/"}})
		if r := replay.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("session id still works after sign-out: %d", r.Status)
		}
	})
}

func TestSessionCookieFlags(t *testing.T) {
	db := testkit.NewDB(t, "sqlite")
	env := testkit.Start(t, db, func(c *config.Config) { c.BaseURL = "https://schakel.example.org" })
	c := env.Client(t)
	r := c.Get("/login")
	var found bool
	for _, line := range r.Header.Values("Set-Cookie") {
		if !strings.HasPrefix(line, "schakel_session=") {
			continue
		}
		found = true
		for _, flag := range []string{"HttpOnly", "SameSite=Lax", "secure"} {
			if !strings.Contains(strings.ToLower(line), strings.ToLower(flag)) {
				t.Errorf("session cookie lacks %s: %s", flag, line)
			}
		}
	}
	if !found {
		t.Fatal("no session cookie set")
	}
}

func TestDisabledAccountLosesItsSession(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		user := env.Client(t)
		user.SignIn(editor)
		adm := env.Client(t)
		adm.SignIn(admin)
		adm.Get("/admin/accounts")
		id := userByEmail(t, db, editor).ID
		r := adm.Post("/admin/accounts/"+itoa(id)+"/disable", nil)
		if r.Status != http.StatusSeeOther {
			t.Fatalf("disable: %d", r.Status)
		}
		if r := user.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("disabled account still sees /workspaces: %d", r.Status)
		}
		if r := adm.Post("/admin/accounts/"+itoa(userByEmail(t, db, admin).ID)+"/disable", nil); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("administrator disabling themself: %d, want 422", r.Status)
		}
		adm.Get("/admin/accounts")
		if r := adm.Post("/admin/accounts/"+itoa(id)+"/enable", nil); r.Status != http.StatusSeeOther {
			t.Fatalf("enable: %d", r.Status)
		}
		user.SignIn(editor)
	})
}

func TestCSRF(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)
		c.Get("/admin/organisations")
		valid := c.CSRF
		other := env.Client(t)
		other.SignIn(coordinator)
		tests := []struct {
			name   string
			token  string
			header bool
			want   int
		}{
			{"missing token", "", false, http.StatusForbidden},
			{"malformed token", "<script>alert(1)</script>", false, http.StatusForbidden},
			{"token of another session", other.CSRF, false, http.StatusForbidden},
			{"malformed header token", "nonsense", true, http.StatusForbidden},
			{"valid token in the form", valid, false, http.StatusSeeOther},
			{"valid token in the header", valid, true, http.StatusNoContent},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, db, (*model.Organisation)(nil))
				form := url.Values{"name": {"Stichting Proef " + itoa(int64(i))}, "kind": {"zorg"}}
				var r *testkit.Response
				if tt.header {
					saved := c.CSRF
					c.CSRF = tt.token
					r = c.PostHTMX("/admin/organisations", form)
					c.CSRF = saved
				} else {
					form.Set("_csrf", tt.token)
					r = c.Post("/admin/organisations", form)
				}
				if r.Status != tt.want {
					t.Fatalf("status %d, want %d", r.Status, tt.want)
				}
				after := count(t, db, (*model.Organisation)(nil))
				if tt.want == http.StatusForbidden {
					if after != before {
						t.Fatalf("refused request stored an organisation (%d → %d)", before, after)
					}
					if !strings.Contains(r.Text("[role=alert]"), "Het formulier is verlopen of ongeldig") {
						t.Fatalf("message %q", r.Text("[role=alert]"))
					}
				} else if after != before+1 {
					t.Fatalf("accepted request stored %d organisations", after-before)
				}
			})
		}
	})
}
