package e2e_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/mail"
	"schakel/app/testkit"
)

// TestTwoFactorInTheBrowser: a coordinator sets up two-factor at sign-in
// by typing the secret the page shows into "her app" (the test computes
// the code from it), keeps her recovery codes, and signs in again with a
// code.
func TestTwoFactorInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.goTo("/login")
		p.fill("#f-email", anna)
		p.fill("#f-password", demo.Password)
		p.click(`form[action="/login"] button[type=submit]`)
		p.until("the two-factor set-up", "location.pathname === '/login/two-factor/setup' && document.readyState === 'complete'")
		p.waitVisible(".schakel-qr img")
		if !eval[bool](p, `document.querySelector(".schakel-qr img").naturalWidth > 0`) {
			t.Fatal("the QR code does not show")
		}
		secret := p.text("#two-factor-secret")
		p.fill("#f-code", "000000")
		p.click(`form[action="/login/two-factor/setup"] button[type=submit]`)
		p.waitVisible("#f-code-error")

		p.fill("#f-code", testkit.TOTPCode(secret, time.Now()))
		p.click(`form[action="/login/two-factor/setup"] button[type=submit]`)
		p.waitText("h1", nl("twofactor.codes.heading"))
		if n := eval[int](p, `document.querySelectorAll("#recovery-codes li").length`); n != 10 {
			t.Fatalf("%d recovery codes shown", n)
		}
		p.click(`a[href="/workspaces"]`)
		p.waitText("h1", nl("workspaces.heading"))

		// Signing out and in again asks for the code.
		p.click(`form[action="/logout"] button[type=submit]`)
		p.until("the sign-in page", "location.pathname === '/login'")
		p.fill("#f-email", anna)
		p.fill("#f-password", demo.Password)
		p.click(`form[action="/login"] button[type=submit]`)
		p.until("the second step", "location.pathname === '/login/two-factor' && document.readyState === 'complete'")
		p.waitText("h1", nl("twofactor.signin.heading"))
		p.fill("#f-code", testkit.TOTPCode(secret, time.Now().Add(30*time.Second)))
		p.click(`form[action="/login/two-factor"] button[type=submit]`)
		p.until("the workspaces after the code", "location.pathname === '/workspaces'")
		p.waitText("h1", nl("workspaces.heading"))
		p.goTo("/account")
		p.waitText("#two-factor-status", nl("twofactor.status.on"))
	})
}

// TestPasswordResetInTheBrowser: someone who forgot her password asks for
// a link, follows it from the e-mail in the outbox, sets a new password
// and signs in with it.
func TestPasswordResetInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "lotte")
		p.goTo("/login")
		p.click(`a[href="/password/forgot"]`)
		p.waitText("h1", nl("reset.forgot.heading"))
		p.fill("#f-email", lotte)
		p.click(`form[action="/password/forgot"] button[type=submit]`)
		p.waitText("#reset-sent", nl("reset.forgot.sent"))

		var msgs []mail.Message
		if err := db.NewSelect().Model(&msgs).Where("to_address = ?", lotte).Scan(context.Background()); err != nil || len(msgs) != 1 {
			t.Fatalf("outbox: %d messages (%v)", len(msgs), err)
		}
		link := regexp.MustCompile(`http://\S+/password/reset\?token=\S+`).FindString(msgs[0].Text)
		if !strings.HasPrefix(link, h.env.URL) {
			t.Fatalf("no link to this server in the e-mail:\n%s", msgs[0].Text)
		}
		p.goTo(strings.TrimPrefix(link, h.env.URL))
		p.waitText("h1", nl("reset.heading"))
		p.fill("#f-new_password", "een wachtwoord voor lotte")
		p.click(`form[action="/password/reset"] button[type=submit]`)
		p.until("the sign-in page after the reset", "location.pathname === '/login'")
		p.waitText("#alerts", nl("notice.password_reset"))
		p.fill("#f-email", lotte)
		p.fill("#f-password", "een wachtwoord voor lotte")
		p.click(`form[action="/login"] button[type=submit]`)
		p.until("the programme overview, where a reviewer starts, with the new password", "location.pathname === '/programme'")

		// The link is used up.
		p.goTo(strings.TrimPrefix(link, h.env.URL))
		p.waitText("[role=alert]", nl("reset.error.expired"))
	})
}

// TestSignedOutPageStopsFollowing: a plan page whose session is signed
// out (elsewhere: the same session through another door) loses its live
// connection at once, says "Je bent afgemeld" with a way to sign in
// again, and shows no more changes.
func TestSignedOutPageStopsFollowing(t *testing.T) {
	t.Parallel()
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "mo")
		session := p.signedIn(mo)
		p.goToPlan(h.planPath(""))
		// Anna looks at the same plan and stays signed in.
		other := b.open(h.env, "anna")
		other.signedIn(anna)
		other.goToPlan(h.planPath(""))
		a := h.actions[0]
		title := "#action-" + itoa(a.ID) + "-title"

		if !p.exists("#signed-out[hidden]") {
			t.Fatal("the signed-out notice shows before signing out")
		}
		session.Get("/workspaces")
		session.Post("/logout", nil)
		p.until("the signed-out notice", `!document.getElementById("signed-out").hidden`)
		p.waitText("#signed-out[role=alert]", nl("live.signed_out"))
		if href := eval[string](p, `document.querySelector("#signed-out a").getAttribute("href")`); !strings.HasPrefix(href, "/login?next=") {
			t.Fatalf("sign-in link %q", href)
		}

		// A change reaches Anna's page, and not the signed-out one.
		cur := h.reload(t, a.ID)
		if _, err := h.env.Svc.UpdateActionField(context.Background(), userOf(t, h, anna), h.workspace, a.ID, "title", "Na het afmelden bewerkt", cur.Version); err != nil {
			t.Fatal(err)
		}
		other.waitText(title, "Na het afmelden bewerkt")
		if got := p.text(title); strings.Contains(got, "Na het afmelden bewerkt") {
			t.Fatal("the signed-out page still receives changes")
		}
	})
}
