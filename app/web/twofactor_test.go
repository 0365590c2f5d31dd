package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/config"
	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/testkit"
)

// setUpTwoFactor switches two-factor on from the account page of a
// signed-in client and returns the secret and the recovery codes.
func setUpTwoFactor(t *testing.T, c *testkit.Client) (string, []string) {
	t.Helper()
	page := c.Get("/account/two-factor")
	if page.Status != http.StatusOK {
		t.Fatalf("set-up page: %d", page.Status)
	}
	secret := page.Text("#two-factor-secret")
	if src, _ := page.Doc.Find(".schakel-qr img").Attr("src"); !strings.HasPrefix(src, "data:image/png;base64,") {
		t.Fatalf("no QR code image: %.40q", src)
	}
	// A wrong code does not switch it on.
	if r := c.Post("/account/two-factor", url.Values{"code": {"000000"}}); r.Status != http.StatusUnprocessableEntity || r.Text("#f-code-error") == "" {
		t.Fatalf("wrong code at set-up: %d %q", r.Status, r.Text("#f-code-error"))
	}
	r := c.Post("/account/two-factor", url.Values{"code": {testkit.TOTPCode(secret, time.Now())}})
	if r.Status != http.StatusOK {
		t.Fatalf("confirm: %d %s", r.Status, r.Text("[role=alert]"))
	}
	var codes []string
	r.Doc.Find("#recovery-codes code").Each(func(_ int, s *goquery.Selection) { codes = append(codes, s.Text()) })
	if len(codes) != 10 {
		t.Fatalf("%d recovery codes shown, want 10: %v", len(codes), codes)
	}
	if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Fatalf("recovery codes page Cache-Control %q", cc)
	}
	return secret, codes
}

// passwordStep signs in with the password and returns where it leads.
func passwordStep(t *testing.T, c *testkit.Client, email, pw string) string {
	t.Helper()
	c.Get("/login")
	r := c.Post("/login", url.Values{"email": {email}, "password": {pw}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("password step: %d %s", r.Status, r.Text("[role=alert]"))
	}
	return r.Location()
}

// TestTwoFactorSignIn sets up two-factor where it is optional (a reviewer,
// who sees no case material) and signs in with it: the password alone
// opens nothing; a wrong code, a code used before and a recovery code used
// before are refused with a message at the field; a good code and an
// unused recovery code get in.
func TestTwoFactorSignIn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		setup := env.Client(t)
		setup.SignIn(reviewer)
		if got := setup.Get("/account").Text("#two-factor-status"); got != "Tweestapsverificatie staat uit." {
			t.Fatalf("status before: %q", got)
		}
		secret, recovery := setUpTwoFactor(t, setup)
		if got := setup.Get("/account").Text("#two-factor-status"); got != "Tweestapsverificatie staat aan." {
			t.Fatalf("status after: %q", got)
		}
		// A second set-up is not offered once it is on.
		if r := setup.Get("/account/two-factor"); r.Status != http.StatusSeeOther {
			t.Fatalf("set-up page with two-factor on: %d", r.Status)
		}

		c := env.Client(t)
		if to := passwordStep(t, c, reviewer, demo.Password); to != "/login/two-factor" {
			t.Fatalf("after the password: %q, want the second step", to)
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("the password alone opens /workspaces: %d", r.Status)
		}
		c.Get("/login/two-factor")
		// The code used at the set-up is of this time step, or the last:
		// wait for a step of its own so that the good code is new.
		good := nextCode(secret)
		tests := []struct {
			name, code, want string
			status           int
		}{
			{"empty", "", "Vul dit veld in.", http.StatusUnprocessableEntity},
			{"wrong code", wrongCode(good), "Deze code klopt niet. Vul de code in die de app nu laat zien, of een ongebruikte herstelcode.", http.StatusUnprocessableEntity},
			{"unknown recovery code", "aaaaa-bbbbb", "Deze code klopt niet. Vul de code in die de app nu laat zien, of een ongebruikte herstelcode.", http.StatusUnprocessableEntity},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Post("/login/two-factor", url.Values{"code": {tt.code}})
				if r.Status != tt.status || r.Text("#f-code-error") != tt.want {
					t.Fatalf("%d %q, want %d %q", r.Status, r.Text("#f-code-error"), tt.status, tt.want)
				}
			})
		}
		good = nextCode(secret)
		r := c.Post("/login/two-factor", url.Values{"code": {good}})
		// A reviewer starts on the programme overview.
		if r.Status != http.StatusSeeOther || r.Location() != "/programme" {
			t.Fatalf("good code: %d to %q: %s", r.Status, r.Location(), r.Text("#f-code-error"))
		}
		if page := c.Get("/workspaces"); page.Status != http.StatusOK {
			t.Fatalf("signed in with a good code, /workspaces answers %d", page.Status)
		}

		// The same code again, in its own window, from another browser.
		again := env.Client(t)
		passwordStep(t, again, reviewer, demo.Password)
		again.Get("/login/two-factor")
		r = again.Post("/login/two-factor", url.Values{"code": {good}})
		if r.Status != http.StatusUnprocessableEntity || r.Text("#f-code-error") != "Deze code is al gebruikt. Wacht tot de app een nieuwe code laat zien en vul die in." {
			t.Fatalf("replayed code: %d %q", r.Status, r.Text("#f-code-error"))
		}

		// A recovery code works once, in any case and with spaces.
		r = again.Post("/login/two-factor", url.Values{"code": {" " + strings.ToUpper(recovery[0]) + " "}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("recovery code: %d %q", r.Status, r.Text("#f-code-error"))
		}
		third := env.Client(t)
		passwordStep(t, third, reviewer, demo.Password)
		third.Get("/login/two-factor")
		r = third.Post("/login/two-factor", url.Values{"code": {recovery[0]}})
		if r.Status != http.StatusUnprocessableEntity || r.Text("#f-code-error") == "" {
			t.Fatalf("reused recovery code: %d %q", r.Status, r.Text("#f-code-error"))
		}
		if got := again.Get("/account").Text("#account-twofactor-heading ~ p"); !strings.Contains(got, "aan") {
			t.Fatalf("account page after a recovery code: %q", got)
		}
		var left int
		if err := db.NewSelect().Model((*model.RecoveryCode)(nil)).ColumnExpr("count(*)").Where("used_at IS NULL").Scan(context.Background(), &left); err != nil || left != 9 {
			t.Fatalf("unused recovery codes %d (%v), want 9", left, err)
		}
		for _, event := range []string{model.AuditTwoFactorOn, model.AuditRecoveryCodeUsed} {
			if n := auditCount(t, db, event); n != 1 {
				t.Errorf("audit %s: %d lines, want 1", event, n)
			}
		}
	})
}

// wrongCode is a six-digit code that is not good.
func wrongCode(good string) string {
	if good == "123456" {
		return "654321"
	}
	return "123456"
}

// nextCode is the code the app shows in the next 30 seconds: one that the
// server takes (clocks drift by a step) and that no code before it used.
func nextCode(secret string) string {
	return testkit.TOTPCode(secret, time.Now().Add(30*time.Second))
}

func auditCount(t *testing.T, db *bun.DB, event string) int {
	t.Helper()
	n, err := db.NewSelect().Model((*model.AuditEntry)(nil)).Where("event = ?", event).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTwoFactorTurnedOff: where it is optional, two-factor goes off only
// with a valid code; where it is required it cannot.
func TestTwoFactorTurnedOff(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(reviewer)
		secret, _ := setUpTwoFactor(t, c)
		c.Get("/account")
		r := c.Post("/account/two-factor/off", url.Values{"off_code": {wrongCode(testkit.TOTPCode(secret, time.Now()))}})
		if r.Status != http.StatusUnprocessableEntity || r.Text("#f-off_code-error") == "" {
			t.Fatalf("wrong code: %d %q", r.Status, r.Text("#f-off_code-error"))
		}
		if !userByEmail(t, db, reviewer).TwoFactor() {
			t.Fatal("a wrong code turned two-factor off")
		}
		r = c.Post("/account/two-factor/off", url.Values{"off_code": {nextCode(secret)}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("good code: %d %q", r.Status, r.Text("#f-off_code-error"))
		}
		if userByEmail(t, db, reviewer).TwoFactor() || auditCount(t, db, model.AuditTwoFactorOff) != 1 {
			t.Fatal("two-factor not off, or not in the audit log")
		}

		// A coordinator reads case material: no way to turn it off.
		anna := env.Client(t)
		anna.SignIn(coordinator)
		annaSecret, _ := setUpTwoFactor(t, anna)
		page := anna.Get("/account")
		if page.Doc.Find(`form[action="/account/two-factor/off"]`).Length() != 0 {
			t.Fatal("a coordinator is offered to turn two-factor off")
		}
		r = anna.Post("/account/two-factor/off", url.Values{"off_code": {nextCode(annaSecret)}})
		if r.Status != http.StatusForbidden || !userByEmail(t, db, coordinator).TwoFactor() {
			t.Fatalf("required two-factor turned off: %d", r.Status)
		}
	})
}

// TestTwoFactorRequired: on a server without the demo data, a coordinator
// (and an administrator) without two-factor sets it up at sign-in before
// anything else opens, with no way around it.
func TestTwoFactorRequired(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db, func(c *config.Config) { c.Demo = false })
		for _, email := range []string{coordinator, admin} {
			t.Run(email, func(t *testing.T) {
				c := env.Client(t)
				if to := passwordStep(t, c, email, demo.Password); to != "/login/two-factor/setup" {
					t.Fatalf("after the password: %q", to)
				}
				page := c.Get("/login/two-factor/setup")
				if page.Status != http.StatusOK || page.Text("#two-factor-secret") == "" {
					t.Fatalf("set-up page: %d", page.Status)
				}
				if page.Doc.Find(`form[action="/login/two-factor/later"]`).Length() != 0 {
					t.Fatal("'later' offered without --demo")
				}
				if r := c.Post("/login/two-factor/later", nil); r.Status != http.StatusForbidden {
					t.Fatalf("putting off without --demo: %d", r.Status)
				}
				for _, path := range []string{"/workspaces", "/account", "/admin"} {
					if r := c.Get(path); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
						t.Fatalf("%s before the set-up: %d to %q", path, r.Status, r.Location())
					}
				}
				secret := page.Text("#two-factor-secret")
				r := c.Post("/login/two-factor/setup", url.Values{"code": {testkit.TOTPCode(secret, time.Now())}})
				if r.Status != http.StatusOK || r.Doc.Find("#recovery-codes li").Length() != 10 {
					t.Fatalf("confirm: %d", r.Status)
				}
				if next, _ := r.Doc.Find(`a[href="/workspaces"]`).Attr("href"); next != "/workspaces" {
					t.Fatal("no way on after the recovery codes")
				}
				if r := c.Get("/workspaces"); r.Status != http.StatusOK {
					t.Fatalf("after the set-up /workspaces answers %d", r.Status)
				}
			})
		}
	})
}

// TestTwoFactorPutOffInTheDemo: with --demo a demo account may go on
// without, and the page says why; it is asked again at the next sign-in.
func TestTwoFactorPutOffInTheDemo(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		for i := 0; i < 2; i++ {
			c := env.Client(t)
			if to := passwordStep(t, c, coordinator, demo.Password); to != "/login/two-factor/setup" {
				t.Fatalf("sign-in %d: after the password %q", i+1, to)
			}
			page := c.Get("/login/two-factor/setup")
			if got := page.Text(`form[action="/login/two-factor/later"] button`); got != "Later instellen (alleen in de demo)" {
				t.Fatalf("the button reads %q", got)
			}
			if !strings.Contains(page.Text("#later-heading + p"), "demo") {
				t.Fatalf("the page does not say why: %q", page.Text("#later-heading + p"))
			}
			if r := c.Post("/login/two-factor/later", nil); r.Status != http.StatusSeeOther || r.Location() != "/workspaces" {
				t.Fatalf("later: %d to %q", r.Status, r.Location())
			}
		}
	})
}

// TestTwoFactorWrongCodesEndTheHalfSignIn: after five wrong codes the
// password is asked again; the half sign-in opens nothing meanwhile.
func TestTwoFactorWrongCodesEndTheHalfSignIn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		setup := env.Client(t)
		setup.SignIn(reviewer)
		secret, _ := setUpTwoFactor(t, setup)
		c := env.Client(t)
		passwordStep(t, c, reviewer, demo.Password)
		c.Get("/login/two-factor")
		wrong := wrongCode(nextCode(secret))
		for i := 1; i < 5; i++ {
			if r := c.Post("/login/two-factor", url.Values{"code": {wrong}}); r.Status != http.StatusUnprocessableEntity {
				t.Fatalf("wrong code %d: %d", i, r.Status)
			}
		}
		r := c.Post("/login/two-factor", url.Values{"code": {wrong}})
		if r.Status != http.StatusSeeOther || r.Location() != "/login?notice=code_tries" {
			t.Fatalf("fifth wrong code: %d to %q", r.Status, r.Location())
		}
		if got := c.Get(r.Location()).Text("[role=status]"); got != "Er is te vaak een verkeerde code ingevuld. Log opnieuw in met je wachtwoord." {
			t.Fatalf("notice %q", got)
		}
		if r := c.Post("/login/two-factor", url.Values{"code": {nextCode(secret)}}); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
			t.Fatalf("a good code after the half sign-in ended: %d to %q", r.Status, r.Location())
		}
		if r := c.Get("/workspaces"); r.Status != http.StatusSeeOther {
			t.Fatalf("/workspaces: %d", r.Status)
		}
	})
}

// TestTwoFactorOwnerPassesAWait: guesses make the sign-ins of an account
// with two-factor wait, yet its owner, with the right password and a
// valid code, gets in at once; a guess in the wait gets the waiting answer
// and no code step, and a wrong code counts as a failure.
func TestTwoFactorOwnerPassesAWait(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		setup := env.Client(t)
		setup.SignIn(reviewer)
		secret, _ := setUpTwoFactor(t, setup)

		for i := range env.Config.LoginAttempts + 1 {
			g := env.Client(t)
			fromAddress(g, 10+i)
			signInOnce(g, reviewer, fmt.Sprintf("raden-raden-%03d", i))
		}
		guess := env.Client(t)
		fromAddress(guess, 60)
		if r := signInOnce(guess, reviewer, "nog-een-gok-erbij"); r.Status != http.StatusTooManyRequests {
			t.Fatalf("a guess in the wait: %d, want 429", r.Status)
		}

		owner := env.Client(t)
		fromAddress(owner, 61)
		r := signInOnce(owner, reviewer, demo.Password)
		if r.Status != http.StatusSeeOther || r.Location() != "/login/two-factor" {
			t.Fatalf("the owner's right password in the wait: %d to %q, want the code step", r.Status, r.Location())
		}
		owner.Get("/login/two-factor")
		if r := owner.Post("/login/two-factor", url.Values{"code": {nextCode(secret)}}); r.Status != http.StatusSeeOther {
			t.Fatalf("the owner's code in the wait: %d %s", r.Status, r.Text("[role=alert]"))
		}
		if r := owner.Get("/workspaces"); r.Status != http.StatusOK {
			t.Fatalf("the owner is not in: %d", r.Status)
		}
		// The owner's sign-in ended the run: a wrong password is simply
		// wrong again.
		after := env.Client(t)
		fromAddress(after, 62)
		if r := signInOnce(after, reviewer, "weer-een-gok-erbij"); r.Status != http.StatusUnauthorized {
			t.Fatalf("a wrong password after the owner signed in: %d, want 401", r.Status)
		}
	})
}
