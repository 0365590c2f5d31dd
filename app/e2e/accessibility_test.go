package e2e_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestAccessibility checks every main page, and the states a page goes
// through (an error, an open editor, validation messages), with axe-core
// against WCAG 2.1 A and AA in the light colour scheme, and again for what
// depends on colour (contrast) in the dark one.
// Axe finds what a machine can; keyboard use is tested elsewhere here.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	h := startHavenstad(t, testkit.NewDB(t, "sqlite"))
	visitor, annaPage, adminPage := b.open(h.env, "visitor"), b.open(h.env, "anna"), b.open(h.env, "admin")
	annaPage.signedIn(anna)
	adminPage.signedIn(admin)
	a := h.actions[0]
	invite := func(addr string) string {
		in := service.InvitationInput{Email: addr, Role: model.RoleViewer, Language: "nl"}
		if _, err := h.env.Svc.Invite(context.Background(), userOf(t, h, anna), h.workspace, in); err != nil {
			t.Fatal(err)
		}
		_, link := invitationMail(t, h.env.DB, addr)
		return link
	}
	newcomer, expired := invite("nieuw@havenstad.example"), invite("verlopen@havenstad.example")
	if _, err := h.env.DB.NewUpdate().Model((*model.Invitation)(nil)).Set("expires_at = ?", time.Now().Add(-time.Hour)).
		Where("email = ?", "verlopen@havenstad.example").Exec(context.Background()); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		page *tab
		// show brings the page into the state to check.
		show func(p *tab)
	}{
		{"sign-in", visitor, func(p *tab) { p.goTo("/login") }},
		{"sign-in with an error", visitor, func(p *tab) {
			p.goTo("/login")
			p.fill("#f-email", anna)
			p.fill("#f-password", "wrong")
			p.click(`form[action="/login"] button[type=submit]`)
			p.waitVisible("#signin-error")
		}},
		{"accessibility statement", visitor, func(p *tab) {
			p.goTo("/toegankelijkheid")
			p.waitText("h1", nl("accessibility.heading"))
		}},
		{"front door", visitor, func(p *tab) {
			p.goTo("/")
			p.waitText("h1", nl("frontdoor.heading"))
		}},
		{"privacy statement", visitor, func(p *tab) {
			p.goTo("/privacy")
			p.waitText("h1", nl("privacy.heading"))
		}},
		{"not found", visitor, func(p *tab) { p.goTo("/no-such-page") }},
		{"not found, signed in", annaPage, func(p *tab) { p.goTo("/no-such-page") }},
		{"not allowed", annaPage, func(p *tab) {
			p.goTo("/admin/accounts")
			p.waitText("h1", nl("errorpage.forbidden.heading"))
		}},
		{"audit log", annaPage, func(p *tab) {
			// A line of each kind the page words differently: a document
			// printed, a member added.
			u := userOf(t, h, anna)
			meetings, err := store.Meetings(context.Background(), h.env.DB, h.workspace)
			if err != nil || len(meetings) == 0 {
				t.Fatalf("no meeting in Havenstad: %v", err)
			}
			if _, err := h.env.Svc.MeetingExport(context.Background(), u, h.workspace, meetings[0].ID, "minutes"); err != nil {
				t.Fatal(err)
			}
			if _, err := h.env.Svc.AddMember(context.Background(), u, h.workspace, pieter, model.RoleViewer); err != nil {
				t.Fatal(err)
			}
			p.goTo(h.workspacePath() + "/audit")
			p.waitVisible("tr[data-audit]")
		}},
		{"forgotten password", visitor, func(p *tab) {
			p.goTo("/password/forgot")
			p.waitText("h1", nl("reset.forgot.heading"))
		}},
		{"forgotten password sent", visitor, func(p *tab) {
			p.goTo("/password/forgot")
			p.fill("#f-email", "iemand@havenstad.example")
			p.click(`form[action="/password/forgot"] button[type=submit]`)
			p.waitVisible("#reset-sent")
		}},
		{"own account", annaPage, func(p *tab) {
			p.goTo("/account")
			p.waitText("h1", nl("account.heading"))
		}},
		{"own account with a wrong password", annaPage, func(p *tab) {
			p.goTo("/account")
			p.fill("#f-current_password", "niet-het-wachtwoord")
			p.fill("#f-new_password", "een goed nieuw wachtwoord")
			p.click(`form[action="/account/password"] button[type=submit]`)
			p.waitVisible("#f-current_password-error")
		}},
		{"two-factor set-up", annaPage, func(p *tab) {
			p.goTo("/account/two-factor")
			p.waitVisible(".schakel-qr img")
		}},
		{"workspace list", annaPage, func(p *tab) { p.goTo("/workspaces") }},
		{"workspace overview", annaPage, func(p *tab) { p.goTo(h.workspacePath()) }},
		{"members", annaPage, func(p *tab) { p.goTo(h.workspacePath() + "/members") }},
		{"plans", annaPage, func(p *tab) { p.goTo(h.workspacePath() + "/plans") }},
		{"advice", annaPage, func(p *tab) {
			p.goTo(h.workspacePath() + "/advice")
			p.waitVisible("tr.schakel-advice-row")
		}},
		{"signals", annaPage, func(p *tab) {
			p.goTo("/signals")
			p.waitVisible("li.schakel-signal")
		}},
		{"signal form", annaPage, func(p *tab) {
			p.goTo(h.workspacePath() + "/signals/new?source=action&id=" + strconv.FormatInt(a.ID, 10))
			p.waitVisible("#f-description")
		}},
		{"plan with live presence", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			p.waitText("#presence-viewers", nameOf(t, h, anna))
		}},
		{"plan with an open inline editor", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			p.openField(a.ID, "title")
		}},
		{"plan with an open row", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			p.openRow(a.ID)
		}},
		{"plan with a collapsed theme", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			p.click("#theme-" + string(a.Theme) + "-toggle")
			p.until("the theme collapsed", `document.getElementById("theme-`+string(a.Theme)+`-body").hidden`)
			// The page keeps the theme collapsed for the tab; the states
			// after this one need it open.
			p.t.Cleanup(func() {
				p.do("forget the collapsed theme", chromedp.Evaluate[chromedp.Void]("sessionStorage.clear()"))
			})
		}},
		{"plan filtered by status", annaPage, func(p *tab) { p.goToPlan(h.planPath("status=bezig")) }},
		{"a form with validation errors", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			// Spaces pass the browser's check of a required field and
			// fail the server's.
			p.fill("#action-add #f-title", "   ")
			p.click("#action-add button[type=submit]")
			p.waitVisible("#action-add [role=alert]")
		}},
		{"an inline editor with a validation error", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			input := p.openField(a.ID, "title")
			p.fill(input, "   ")
			p.press("\r")
			p.waitVisible("#action-" + itoa(a.ID) + "-title .schakel-field__error")
		}},
		{"a conflict view", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			input := p.openField(a.ID, "title")
			cur := h.reload(t, a.ID)
			if _, err := h.env.Svc.UpdateActionField(context.Background(), userOf(t, h, mo), h.workspace, a.ID, "title", "Voorlichting op scholen (eerste versie)", cur.Version); err != nil {
				t.Fatal(err)
			}
			p.fill(input, "Voorlichting op scholen (tweede versie)")
			p.press("\r")
			p.waitVisible("#action-" + itoa(a.ID) + "-title.schakel-field--conflict")
		}},
		{"a deleted action with undo", annaPage, func(p *tab) {
			last := h.actions[len(h.actions)-1]
			p.goToPlan(h.planPath(""))
			p.openRow(last.ID)
			p.click("#delete-" + itoa(last.ID))
			p.waitVisible("#undo-" + itoa(last.ID))
		}},
		{"plan on a phone", annaPage, func(p *tab) {
			p.viewport(375, 812, true)
			p.goToPlan(h.planPath(""))
		}},
		{"plan on a phone with an open row", annaPage, func(p *tab) {
			p.viewport(375, 812, true)
			p.goToPlan(h.planPath(""))
			p.openRow(a.ID)
		}},
		{"members with a validation error", annaPage, func(p *tab) {
			p.viewport(1280, 900, false)
			p.goTo(h.workspacePath() + "/members")
			p.fill("#invite #f-email", mo)
			p.click("#invite button[type=submit]")
			p.waitVisible("#invite .utrecht-form-field-error-message")
		}},
		{"members with the organisation search in use", annaPage, func(p *tab) {
			p.goTo(h.workspacePath() + "/members")
			p.fill("#f-organisation-filter", "kustland")
			p.waitText("#f-organisation-count", "4")
		}},
		{"invitation: making an account", visitor, func(p *tab) {
			p.goTo(newcomer)
			p.waitVisible("#f-password")
		}},
		{"invitation: making an account, with errors", visitor, func(p *tab) {
			p.goTo(newcomer)
			p.fill("#f-name", "Nieuw")
			p.do("choose an organisation", chromedp.Evaluate[chromedp.Void](`document.getElementById("f-organisation").selectedIndex = 1`))
			p.fill("#f-password", "kort")
			p.click(".schakel-invitation form button[type=submit]")
			p.waitVisible("#f-password-error")
		}},
		{"invitation: expired", visitor, func(p *tab) {
			p.goTo(expired)
			p.waitText("[role=alert]", nl("invitations.error.expired"))
		}},
		{"admin: new workspace with its coordinator", adminPage, func(p *tab) { p.goTo("/admin/workspaces/new") }},
		{"admin: new workspace with errors", adminPage, func(p *tab) {
			p.goTo("/admin/workspaces/new")
			p.fill("#f-name", "Havenstad")
			p.fill("#f-coordinator", lotte)
			p.click(`form[action="/admin/workspaces"] button[type=submit]`)
			p.waitVisible("#f-name-error")
		}},
		{"action", annaPage, func(p *tab) { p.goTo(h.actionPath(a.ID)) }},
		{"plan in English", annaPage, func(p *tab) {
			p.goToPlan(h.planPath(""))
			p.click(`button[name=lang][value=en]`)
			p.waitText("#filter-heading", en("plans.filter.heading"))
		}},
		{"workspace list in English", annaPage, func(p *tab) {
			p.goTo("/workspaces")
			p.waitText("h1", en("workspaces.heading"))
		}},
		{"admin: accounts", adminPage, func(p *tab) { p.goTo("/admin/accounts") }},
		{"admin: organisations", adminPage, func(p *tab) { p.goTo("/admin/organisations") }},
		{"admin: workspaces", adminPage, func(p *tab) { p.goTo("/admin/workspaces") }},
		{"admin: audit log", adminPage, func(p *tab) { p.goTo("/admin/audit") }},
		{"admin: audit log in English, filtered", adminPage, func(p *tab) {
			p.goTo("/admin/audit")
			p.click(`button[name=lang][value=en]`)
			p.waitText("h2", en("audit.heading"))
			p.goTo("/admin/audit?workspace=none&event=sign_in")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.page.in(t)
			p.colorScheme("light")
			tt.show(p)
			p.checkAccessibility(tt.name + " (light)")
			p.colorScheme("dark")
			p.checkColours(tt.name + " (dark)")
			p.colorScheme("light")
		})
	}
}
