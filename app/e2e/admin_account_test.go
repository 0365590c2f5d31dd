package e2e_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// TestAdministratorCreatesAnAccount: the administrator creates an ordinary
// account through the form in the browser, leaving the platform role at
// "Geen" (the browser once refused to send the form then), and the new
// colleague signs in with the initial password.
func TestAdministratorCreatesAnAccount(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		ctx := context.Background()
		org, err := store.OrganisationByName(ctx, db, "Gemeente Havenstad")
		if err != nil {
			t.Fatal(err)
		}
		p := b.open(h.env, "beheer")
		p.signIn(admin)
		p.goTo("/admin/accounts")
		if got := eval[string](p, "document.getElementById('f-platform_role').selectedOptions[0].textContent.trim()"); got != nl("platform_role.none") {
			t.Fatalf("the platform role starts at %q, want Geen", got)
		}
		const email, password = "fatima.elidrissi@havenstad.example", "ketting-van-zeven-schakels"
		p.fill("#f-name", "Fatima El Idrissi")
		p.fill("#f-email", email)
		p.do("choose the organisation", chromedp.SetValue(chromedp.CSS("#f-organisation"), itoa(org.ID)))
		p.fill("#f-password", password)
		if !eval[bool](p, `document.querySelector('form[action="/admin/accounts"]').checkValidity()`) {
			t.Fatal("the browser holds the form back: " + eval[string](p,
				`[...document.querySelectorAll('form[action="/admin/accounts"] :invalid')].map(e => e.id + ": " + e.validationMessage).join("; ")`))
		}
		p.click(`form[action="/admin/accounts"] button[type=submit]`)
		p.until("the account list with the new account", "location.search.includes('account_created') && document.body.innerText.includes("+js(email)+")")

		u, err := store.UserByEmail(ctx, db, email)
		if err != nil {
			t.Fatalf("the account is not stored: %v", err)
		}
		if u.PlatformRole != model.PlatformNone || u.OrganisationID != org.ID || u.Name != "Fatima El Idrissi" {
			t.Fatalf("stored as %q of organisation %d named %q", u.PlatformRole, u.OrganisationID, u.Name)
		}

		f := b.open(h.env, "fatima")
		f.goTo("/login")
		f.fill("#f-email", email)
		f.fill("#f-password", password)
		f.click(`form[action="/login"] button[type=submit]`)
		f.until("the workspace list after signing in", "location.pathname === '/workspaces'")
	})
}
