package e2e_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// linkIn finds the invitation's link in an e-mail, as its reader would.
var linkIn = regexp.MustCompile(`https?://[^/\s]+(/invitations/[A-Za-z0-9_-]+)`)

// invitationMail waits for the e-mail to an address in the outbox and
// returns the path of its link.
func invitationMail(t *testing.T, db *bun.DB, to string) (mail.Message, string) {
	t.Helper()
	var m mail.Message
	eventually(t, "the e-mail to "+to+" in the outbox", func() bool {
		return db.NewSelect().Model(&m).Where("to_address = ?", to).OrderExpr("id DESC").Limit(1).Scan(context.Background()) == nil
	})
	found := linkIn.FindStringSubmatch(m.Text)
	if found == nil {
		t.Fatalf("no link in the e-mail to %s:\n%s", to, m.Text)
	}
	return m, found[1]
}

// TestInvitationInTheBrowser: Anna invites a colleague by e-mail on the
// member page, choosing the organisation with the picker's search; the
// colleague opens the link from the e-mail in a browser of their own, sets
// their name and password, and lands signed in in Havenstad.
func TestInvitationInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signIn(anna)
		p.goTo(h.workspacePath() + "/members")
		p.waitText("#invitations", "lisa.bos@havenstad.example")

		addr := "fleur.dekker@veiligthuis-kustland.example"
		p.fill("#invite #f-email", addr)
		p.fill("#invite #f-name", "Fleur Dekker")
		p.do("choose the role", chromedp.SetValue(chromedp.CSS("#invite #f-role"), "contributor"))
		// The picker's search narrows the list as one types, and says so.
		p.waitVisible("#f-organisation-filter")
		p.fill("#f-organisation-filter", "veilig thuis")
		p.waitText("#f-organisation-count", nl("orgpicker.count_one"))
		if n := eval[int](p, `document.querySelectorAll("#f-organisation option:not([value=''])").length`); n != 1 {
			t.Errorf("the search leaves %d organisations, want 1", n)
		}
		p.press("\r")
		p.until("the only match chosen, and the focus on the list",
			`document.activeElement.id === "f-organisation" && document.getElementById("f-organisation").selectedOptions[0].text === "Veilig Thuis Kustland"`)
		if got := p.path(); got != h.workspacePath()+"/members" {
			t.Fatalf("Enter in the search sent the form: %s", got)
		}
		p.click("#invite button[type=submit]")
		p.waitText("#invite [role=status]", nl("invitations.sent_to", "Email", addr))
		p.waitText("#invitations", addr)

		m, link := invitationMail(t, db, addr)
		if m.Subject != nl("mail.invitation.subject", "Workspace", "Havenstad") {
			t.Errorf("subject %q", m.Subject)
		}

		// The colleague, in a browser that has never seen Schakel.
		fleur := b.open(h.env, "fleur")
		fleur.goTo(link)
		fleur.waitText("h1", nl("invitations.page.heading", "Workspace", "Havenstad"))
		fleur.waitText(".schakel-invitation", nl("invitations.page.organisation", "Organisation", "Veilig Thuis Kustland"))
		fleur.fill("#f-name", "Fleur Dekker")
		fleur.fill("#f-password", "kort")
		fleur.click(`.schakel-invitation form button[type=submit]`)
		// The browser's own check does not know the rule; the server's does.
		fleur.waitText("#f-password-error", nl("validation.password_short"))
		fleur.fill("#f-password", "een zin van twaalf tekens")
		fleur.click(`.schakel-invitation form button[type=submit]`)
		// A contributor reads case material: two-factor is set up first.
		fleur.until("the two-factor set-up", "location.pathname === '/login/two-factor/setup' && document.readyState === 'complete'")
		fleur.waitVisible("#two-factor-secret")
		fleur.fill("#f-code", testkit.TOTPCode(fleur.text("#two-factor-secret"), time.Now()))
		fleur.click(`form[action="/login/two-factor/setup"] button[type=submit]`)
		fleur.waitText("h1", nl("twofactor.codes.heading"))
		fleur.click(`a[href^="` + h.workspacePath() + `?"]`)
		fleur.until("the workspace after accepting", "location.pathname === "+js(h.workspacePath()))
		fleur.waitText("h1", "Havenstad")
		fleur.waitText("#alerts", nl("notice.invitation_accepted"))
		fleur.waitText(".schakel-signout__name", "Fleur Dekker")

		u, err := store.UserByEmail(context.Background(), db, addr)
		if err != nil {
			t.Fatal(err)
		}
		if mb, err := store.MembershipOf(context.Background(), db, h.workspace, u.ID); err != nil || mb.Role != model.RoleContributor {
			t.Fatalf("membership %+v %v", mb, err)
		}
		p.goTo(h.workspacePath() + "/members")
		p.waitText("#members", "Fleur Dekker")
		p.waitNoText("#invitations", addr)
	})
}

// TestAdministratorOnboardsInTheBrowser fills in the one form that makes a
// workspace with its coordinator, as an administrator does: the browser
// must let the form go, and the coordinator is invited.
func TestAdministratorOnboardsInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "admin")
		p.signIn(admin)
		p.goTo("/admin/workspaces")
		p.click(`a[href="/admin/workspaces/new"]`)
		p.waitText("h2", nl("admin.workspaces.new"))

		p.fill("#f-name", "Regio Zuidkust")
		p.do("choose a network", chromedp.SetValue(chromedp.CSS("#f-kind"), string(model.WorkspaceNetwork)))
		p.fill("#f-region", "Zuidkust")
		p.fill("#f-new_organisation", "Zorg- en Veiligheidshuis Zuidkust")
		p.do("choose its kind", chromedp.SetValue(chromedp.CSS("#f-new_organisation_kind"), string(model.OrgSafetyHouse)))
		p.fill("#f-coordinator", "noor@zvh-zuidkust.example")
		p.fill("#f-coordinator_name", "Noor Peeters")
		p.click(`form[action="/admin/workspaces"] button[type=submit]`)
		p.until("the new workspace's members", `location.pathname.endsWith("/members")`)
		p.waitText("#alerts", nl("notice.workspace_created_invited"))
		p.waitText("h1", "Regio Zuidkust")
		p.waitText("#invitations", "noor@zvh-zuidkust.example")

		m, link := invitationMail(t, db, "noor@zvh-zuidkust.example")
		if m.Subject != nl("mail.invitation.subject", "Workspace", "Regio Zuidkust") {
			t.Errorf("subject %q", m.Subject)
		}
		noor := b.open(h.env, "noor")
		noor.goTo(link)
		noor.waitText(".schakel-facts", nl("role.coordinator"))
		if v := eval[string](noor, `document.getElementById("f-name").value`); v != "Noor Peeters" {
			t.Errorf("the name the administrator typed is not proposed: %q", v)
		}
	})
}
