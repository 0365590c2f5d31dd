package e2e_test

import (
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/demo"
)

// TestSignIn signs in through the form, with a wrong and a right password.
func TestSignIn(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		tests := []struct {
			name     string
			password string
			// wantPath is where the user ends up; wantError the message
			// they read there, if any.
			wantPath  string
			wantError string
		}{
			{"wrong password shows the error", "not-the-password", "/login", nl("signin.error.failed")},
			{"right password goes on to the second step", demo.Password, "/login/two-factor/setup", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := b.open(h.env, "anna").in(t)
				p.goTo("/login")
				p.fill("#f-email", anna)
				p.fill("#f-password", tt.password)
				p.click(`form[action="/login"] button[type=submit]`)
				p.until("the answer to the sign-in", "location.pathname === "+js(tt.wantPath)+" && document.readyState === 'complete'")
				if tt.wantError != "" {
					p.waitText("#signin-error", tt.wantError)
					if got := eval[string](p, "document.getElementById('f-email').value"); got != anna {
						t.Errorf("the e-mail address typed is gone after the error: %q", got)
					}
					return
				}
				// A coordinator sets up two-factor first; the demo
				// lets her put it off.
				p.until("the two-factor set-up", "location.pathname === '/login/two-factor/setup'")
				p.click(`form[action="/login/two-factor/later"] button`)
				p.waitText("h1", nl("workspaces.heading"))
				p.waitText(".schakel-cards", "Havenstad")
				if p.exists("#signin-error") {
					t.Error("an error shows after a good sign-in")
				}
			})
		}
	})
}

// TestLanguageAndNavigation switches to English and back, and walks from
// the workspace list to Havenstad's plan by its links.
func TestLanguageAndNavigation(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signIn(anna)

		p.click(`button[name=lang][value=en]`)
		p.waitText("h1", en("workspaces.heading"))
		if lang := eval[string](p, "document.documentElement.lang"); lang != "en" {
			t.Errorf("html lang after switching to English = %q, want en", lang)
		}
		if got := p.path(); got != "/workspaces" {
			t.Errorf("switching language left the page for %s", got)
		}

		p.click(`.schakel-cards a[href="` + h.workspacePath() + `"]`)
		p.waitText("h1", "Havenstad")
		p.waitText("#ws-plans", en("plans.heading"))
		p.click(`a[href="` + h.workspacePath() + `/plans"]`)
		p.waitText("h1", en("plans.heading"))
		p.click(`a[href="` + h.planPath("") + `"]`)
		p.waitText("h1", h.plan.Title)
		p.waitText("#filter-heading", en("plans.filter.heading"))
		for _, a := range h.actions {
			p.waitText("#action-"+itoa(a.ID)+"-title", a.Title)
		}

		p.click(`button[name=lang][value=nl]`)
		p.waitText("#filter-heading", nl("plans.filter.heading"))
		if lang := eval[string](p, "document.documentElement.lang"); lang != "nl" {
			t.Errorf("html lang after switching back = %q, want nl", lang)
		}
		if got := p.path(); got != h.planPath("") {
			t.Errorf("switching back left the plan for %s", got)
		}
	})
}
