package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// mails returns the e-mails in the outbox for an address, oldest first.
func mails(t *testing.T, db *bun.DB, to string) []mail.Message {
	t.Helper()
	var list []mail.Message
	if err := db.NewSelect().Model(&list).Where("to_address = ?", to).OrderExpr("id ASC").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	return list
}

var invitationLink = regexp.MustCompile(`https?://[^/\s]+(/invitations/[A-Za-z0-9_-]+)`)

// invitationPath is the path of the link in the last e-mail to an address.
func invitationPath(t *testing.T, db *bun.DB, to string) string {
	t.Helper()
	list := mails(t, db, to)
	if len(list) == 0 {
		t.Fatalf("no e-mail to %s", to)
	}
	m := invitationLink.FindStringSubmatch(list[len(list)-1].Text)
	if m == nil {
		t.Fatalf("no invitation link in the e-mail to %s:\n%s", to, list[len(list)-1].Text)
	}
	return m[1]
}

func invitationID(t *testing.T, db *bun.DB, ws int64, email string) int64 {
	t.Helper()
	var inv model.Invitation
	err := db.NewSelect().Model(&inv).Where("workspace_id = ?", ws).Where("email = ?", email).OrderExpr("id DESC").Limit(1).Scan(context.Background())
	if err != nil {
		t.Fatalf("invitation of %s: %v", email, err)
	}
	return inv.ID
}

// putOffTwoFactor goes past the set-up of two-factor that a sign-in may
// lead to, as the demo allows, and returns where the sign-in goes on to.
func putOffTwoFactor(t *testing.T, c *testkit.Client, r *testkit.Response) *testkit.Response {
	t.Helper()
	if r.Location() != "/login/two-factor/setup" {
		return r
	}
	c.Get(r.Location())
	return c.Post("/login/two-factor/later", nil)
}

func optionTexts(s *goquery.Selection) []string {
	var out []string
	s.Find("option").Each(func(_ int, o *goquery.Selection) { out = append(out, o.Text()) })
	return out
}

func TestCoordinatorInvitesByEmail(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		c := env.Client(t)
		c.SignIn(coordinator)
		page := c.Get(wsPath(ws, "/members"))

		t.Run("the open invitation of the demo, with who sent it and until when", func(t *testing.T) {
			row := page.Doc.Find("#invitations tbody tr")
			if row.Length() != 1 || !strings.Contains(row.Text(), "lisa.bos@havenstad.example") || !strings.Contains(row.Text(), "Anna de Vries") || !strings.Contains(row.Text(), "Bewerker") {
				t.Fatalf("open invitations: %q", row.Text())
			}
		})
		t.Run("the organisation picker shows Havenstad's region first", func(t *testing.T) {
			groups := page.Doc.Find("#invite #f-organisation optgroup")
			if groups.Length() != 2 {
				t.Fatalf("%d groups of organisations, want 2", groups.Length())
			}
			if label, _ := groups.Eq(0).Attr("label"); label != "In deze regio (Kustland)" {
				t.Errorf("first group %q", label)
			}
			first, rest := strings.Join(optionTexts(groups.Eq(0)), "|"), strings.Join(optionTexts(groups.Eq(1)), "|")
			if !strings.Contains(first, "Politie Kustland – AVIM") || strings.Contains(first, "Jeugdhulp De Brug") || !strings.Contains(rest, "Jeugdhulp De Brug") {
				t.Errorf("groups: %q / %q", first, rest)
			}
			filter := page.Doc.Find("#invite [data-orgpicker-filter]")
			if _, hidden := filter.Attr("hidden"); !hidden || filter.Find(`label[for="f-organisation-filter"]`).Length() != 1 {
				t.Error("the filter is not hidden until its script runs, or has no label")
			}
		})

		t.Run("invite with htmx", func(t *testing.T) {
			addr := "noor.peeters@havenstad.example"
			r := c.PostHTMX(wsPath(ws, "/invitations"), url.Values{
				"email": {addr}, "name": {"Noor Peeters"}, "role": {"editor"}, "organisation": {""}, "language": {"en"},
			})
			if r.Status != http.StatusOK {
				t.Fatalf("status %d: %s", r.Status, r.Text(".utrecht-form-field-error-message"))
			}
			if got := r.Text("#invite [role=status]"); got != "De uitnodiging is verstuurd naar "+addr+"." {
				t.Errorf("confirmation %q", got)
			}
			if v, _ := r.Doc.Find("#invite #f-email").Attr("value"); v != "" {
				t.Errorf("the form still holds %q after sending", v)
			}
			if oob, _ := r.Doc.Find("#invitations").Attr("hx-swap-oob"); oob != "true" || !strings.Contains(r.Text("#invitations"), addr) {
				t.Error("the list of invitations does not come along out of band")
			}
			m := mails(t, db, addr)
			if len(m) != 1 || m[0].Subject != "Invitation to Havenstad in Schakel" {
				t.Fatalf("e-mails: %+v", m)
			}
		})
		t.Run("invite without JavaScript", func(t *testing.T) {
			c.Get(wsPath(ws, "/members"))
			r := c.Post(wsPath(ws, "/invitations"), url.Values{"email": {"joost@havenstad.example"}, "role": {"viewer"}, "language": {"nl"}})
			if r.Status != http.StatusSeeOther || r.Location() != wsPath(ws, "/members?notice=invitation_sent#invitations") {
				t.Fatalf("got %d to %q", r.Status, r.Location())
			}
			back := c.Get(wsPath(ws, "/members?notice=invitation_sent"))
			if back.Text("#alerts [role=status]") != "De uitnodiging is verstuurd." || !strings.Contains(back.Text("#invitations"), "joost@havenstad.example") {
				t.Fatal("the member page does not confirm the invitation or list it")
			}
			if got := mails(t, db, "joost@havenstad.example"); len(got) != 1 || got[0].Subject != "Uitnodiging voor Havenstad in Schakel" {
				t.Fatalf("Dutch e-mail: %+v", got)
			}
		})

		for _, tt := range []struct {
			name, email, role, field, message string
		}{
			{"a member already", editor, "viewer", "email", "Deze persoon is al lid van deze werkruimte."},
			{"an invitation open already", "lisa.bos@havenstad.example", "viewer", "email", "Er staat al een uitnodiging open voor dit adres."},
			{"the reviewer's account", reviewer, "viewer", "email", "Dit is een platformaccount (beoordelaar of beheerder)."},
			{"no e-mail address", "lisa", "viewer", "email", "Vul een geldig e-mailadres in"},
			{"a role that does not exist", "nieuw@havenstad.example", "owner", "role", "Kies een van de mogelijkheden."},
		} {
			t.Run(tt.name, func(t *testing.T) {
				invitations, outbox := count(t, db, (*model.Invitation)(nil)), count(t, db, (*mail.Message)(nil))
				c.Get(wsPath(ws, "/members"))
				r := c.PostHTMX(wsPath(ws, "/invitations"), url.Values{"email": {tt.email}, "role": {tt.role}, "language": {"nl"}})
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if got := r.Text("#f-" + tt.field + "-error"); !strings.HasPrefix(got, tt.message) {
					t.Fatalf("message at %s: %q, want %q", tt.field, got, tt.message)
				}
				if invalid, _ := r.Doc.Find("#f-" + tt.field).Attr("aria-invalid"); invalid != "true" {
					t.Errorf("%s is not marked invalid", tt.field)
				}
				if v, _ := r.Doc.Find("#f-email").Attr("value"); v != tt.email {
					t.Errorf("the address typed is gone: %q", v)
				}
				if count(t, db, (*model.Invitation)(nil)) != invitations || count(t, db, (*mail.Message)(nil)) != outbox {
					t.Fatal("a refused invitation was stored or sent")
				}
			})
		}

		t.Run("send again: a new link, the old one stops working", func(t *testing.T) {
			addr := "joost@havenstad.example"
			old := invitationPath(t, db, addr)
			id := invitationID(t, db, ws, addr)
			c.Get(wsPath(ws, "/members"))
			r := c.PostHTMX(wsPath(ws, "/invitations/"+itoa(id)+"/resend"), nil)
			if r.Status != http.StatusOK || r.Text("#invitations [role=status]") != "De uitnodiging is opnieuw verstuurd. De vorige link werkt niet meer." {
				t.Fatalf("send again: %d %q", r.Status, r.Text("#invitations [role=status]"))
			}
			if !strings.Contains(r.Text("#invitation-"+itoa(id)), "2 keer verstuurd") {
				t.Errorf("the row does not count the sends: %q", r.Text("#invitation-"+itoa(id)))
			}
			fresh := invitationPath(t, db, addr)
			if fresh == old || len(mails(t, db, addr)) != 2 {
				t.Fatal("no new link was sent")
			}
			anon := env.Client(t)
			if r := anon.Get(old); r.Status != http.StatusGone || !strings.Contains(r.Text("[role=alert]"), "nieuwere uitnodiging") {
				t.Fatalf("the old link: %d %q", r.Status, r.Text("[role=alert]"))
			}
			if r := anon.Get(fresh); r.Status != http.StatusOK {
				t.Fatalf("the new link: %d", r.Status)
			}
		})
		t.Run("revoke", func(t *testing.T) {
			addr := "joost@havenstad.example"
			link := invitationPath(t, db, addr)
			id := invitationID(t, db, ws, addr)
			c.Get(wsPath(ws, "/members"))
			r := c.Post(wsPath(ws, "/invitations/"+itoa(id)+"/revoke"), nil)
			if r.Status != http.StatusSeeOther || r.Location() != wsPath(ws, "/members?notice=invitation_revoked#invitations") {
				t.Fatalf("revoke: %d to %q", r.Status, r.Location())
			}
			if strings.Contains(c.Get(wsPath(ws, "/members")).Text("#invitations"), addr) {
				t.Error("a revoked invitation is still listed")
			}
			r = env.Client(t).Get(link)
			if r.Status != http.StatusGone || !strings.Contains(r.Text("[role=alert]"), "ingetrokken") ||
				!strings.Contains(r.Text(".schakel-invitation"), "Vraag Anna de Vries (anna.devries@havenstad.example) om een nieuwe uitnodiging.") {
				t.Fatalf("the revoked link: %d %q", r.Status, r.Text(".schakel-invitation"))
			}
			if r := c.Post(wsPath(ws, "/invitations/"+itoa(id)+"/revoke"), nil); r.Status != http.StatusConflict {
				t.Fatalf("revoking twice: %d", r.Status)
			}
		})
		t.Run("only whoever manages the members", func(t *testing.T) {
			mo := env.Client(t)
			mo.SignIn(editor)
			if p := mo.Get(wsPath(ws, "/members")); p.Doc.Find("#invite, #invitations").Length() != 0 {
				t.Fatal("a co-coordinator sees the invitations")
			}
			if r := mo.Post(wsPath(ws, "/invitations"), url.Values{"email": {"x@havenstad.example"}, "role": {"viewer"}}); r.Status != http.StatusForbidden {
				t.Fatalf("a co-coordinator invites: %d", r.Status)
			}
			pieter := env.Client(t)
			pieter.SignIn(outsider)
			id := invitationID(t, db, ws, "lisa.bos@havenstad.example")
			for _, p := range []string{"/invitations", "/invitations/" + itoa(id) + "/resend", "/invitations/" + itoa(id) + "/revoke"} {
				if r := pieter.Post(wsPath(ws, p), url.Values{"email": {"x@havenstad.example"}, "role": {"viewer"}}); r.Status != http.StatusNotFound {
					t.Errorf("another workspace's coordinator: POST %s: %d, want 404", p, r.Status)
				}
			}
			lindendal := workspaceID(t, db, "Lindendal")
			pieter.Get(wsPath(lindendal, "/members"))
			if r := pieter.Post(wsPath(lindendal, "/invitations/"+itoa(id)+"/revoke"), nil); r.Status != http.StatusNotFound {
				t.Errorf("revoking Havenstad's invitation through Lindendal: %d, want 404", r.Status)
			}
		})
	})
}

func TestInvitationLinkMakesAnAccount(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(wsPath(ws, "/members"))
		org, err := store.OrganisationByName(context.Background(), db, "Veilig Thuis Kustland")
		if err != nil {
			t.Fatal(err)
		}
		addr := "fleur.dekker@veiligthuis-kustland.example"
		if r := anna.Post(wsPath(ws, "/invitations"), url.Values{
			"email": {addr}, "name": {"Fleur"}, "role": {"contributor"}, "organisation": {itoa(org.ID)}, "language": {"en"},
		}); r.Status != http.StatusSeeOther {
			t.Fatalf("invite: %d", r.Status)
		}
		link := invitationPath(t, db, addr)

		c := env.Client(t)
		page := c.Get(link)
		if page.Status != http.StatusOK || page.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("the link: %d, Cache-Control %q", page.Status, page.Header.Get("Cache-Control"))
		}
		if lang, _ := page.Doc.Find("html").Attr("lang"); lang != "en" || page.Text("h1") != "Invitation to Havenstad" {
			t.Fatalf("the page is not in the invitation's language: %q %q", lang, page.Text("h1"))
		}
		if v, _ := page.Doc.Find("#f-invitee").Attr("value"); v != addr || !strings.Contains(page.Text(".schakel-invitation"), "Organisation: Veilig Thuis Kustland") {
			t.Fatalf("the form does not show the address and organisation: %q", page.Text(".schakel-invitation"))
		}
		if page.Doc.Find("#f-organisation").Length() != 0 {
			t.Error("the invitee chooses an organisation the inviter chose")
		}

		users := count(t, db, (*model.User)(nil))
		r := c.Post(link, url.Values{"name": {"Fleur Dekker"}, "password": {"too short"}})
		if r.Status != http.StatusUnprocessableEntity || r.Text("#f-password-error") != "The password must be at least 12 characters long." {
			t.Fatalf("short password: %d %q", r.Status, r.Text("#f-password-error"))
		}
		if v, _ := r.Doc.Find("#f-name").Attr("value"); v != "Fleur Dekker" || count(t, db, (*model.User)(nil)) != users {
			t.Fatal("the name typed is gone, or an account was made")
		}
		r = c.Post(link, url.Values{"name": {"Fleur Dekker"}, "password": {"een zin van twaalf"}})
		// A contributor reads case material: setting up two-factor comes
		// first, and a new account may not put it off.
		if r.Status != http.StatusSeeOther || r.Location() != "/login/two-factor/setup" {
			t.Fatalf("accept: %d to %q, want the set-up of two-factor", r.Status, r.Location())
		}
		setup := c.Get(r.Location())
		if r := c.Post("/login/two-factor/later", nil); r.Status != http.StatusForbidden {
			t.Fatalf("a new account puts off two-factor: %d", r.Status)
		}
		r = c.Post("/login/two-factor/setup", url.Values{"code": {testkit.TOTPCode(setup.Text("#two-factor-secret"), time.Now())}})
		next, _ := r.Doc.Find("#recovery-codes ~ p a").Attr("href")
		if r.Status != http.StatusOK || next != wsPath(ws, "?notice=invitation_accepted") {
			t.Fatalf("two-factor set up: %d, going on to %q", r.Status, next)
		}
		home := c.Get(next)
		if home.Status != http.StatusOK || home.Text("h1") != "Havenstad" || !strings.HasPrefix(home.Text(".schakel-signout__name"), "Fleur Dekker") {
			t.Fatalf("landing: %d %q signed in as %q", home.Status, home.Text("h1"), home.Text(".schakel-signout__name"))
		}
		if home.Text("#alerts [role=status]") != "Welcome! Your invitation was accepted." {
			t.Errorf("welcome %q", home.Text("#alerts [role=status]"))
		}
		u := userByEmail(t, db, addr)
		if u.OrganisationID != org.ID || u.Locale != "en" {
			t.Errorf("account %+v", u)
		}
		if r := env.Client(t).Get(link); r.Status != http.StatusGone || !strings.Contains(r.Text("[role=alert]"), "used already") {
			t.Fatalf("the link a second time: %d %q", r.Status, r.Text("[role=alert]"))
		}
		if r := c.Post(link, url.Values{"name": {"Nog een"}, "password": {"een zin van twaalf"}}); r.Status != http.StatusSeeOther || count(t, db, (*model.User)(nil)) != users+1 {
			t.Fatalf("a used link made another account: %d", r.Status)
		}
	})
}

func TestInvitationOfAnAccountAfterSigningIn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(wsPath(ws, "/members"))
		if r := anna.Post(wsPath(ws, "/invitations"), url.Values{"email": {outsider}, "role": {"viewer"}, "language": {"nl"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("invite: %d", r.Status)
		}
		link := invitationPath(t, db, outsider)

		t.Run("signed in as someone else", func(t *testing.T) {
			page := anna.Get(link)
			if !strings.Contains(page.Text("[role=alert]"), "je bent ingelogd als "+coordinator) || page.Doc.Find(`form[action$="/accept"]`).Length() != 0 {
				t.Fatalf("another account is offered to accept: %q", page.Text(".schakel-invitation"))
			}
			if r := anna.Post(link+"/accept", nil); r.Status != http.StatusForbidden {
				t.Fatalf("another account accepts: %d", r.Status)
			}
			if r := anna.Post(link, url.Values{"name": {"Pieter"}, "password": {"een zin van twaalf"}}); r.Status != http.StatusSeeOther || r.Location() != link {
				t.Fatalf("a signed-in account makes a new one: %d %q", r.Status, r.Location())
			}
		})

		c := env.Client(t)
		page := c.Get(link)
		signIn, _ := page.Doc.Find(`a[href^="/login?next="]`).Attr("href")
		if signIn != "/login?next="+link || page.Doc.Find("#f-password").Length() != 0 {
			t.Fatalf("the page offers a second account instead of signing in: %q", page.Text(".schakel-invitation"))
		}
		if r := c.Post(link, url.Values{"name": {"Pieter"}, "password": {"een zin van twaalf"}}); r.Status != http.StatusConflict || !strings.Contains(r.Text(".schakel-invitation"), "Er is al een account") {
			t.Fatalf("a second account for the address: %d %q", r.Status, r.Text(".schakel-invitation"))
		}
		login := c.Get(signIn)
		if v, _ := login.Doc.Find(`input[name="next"]`).Attr("value"); v != link {
			t.Fatalf("the sign-in page forgets where to go back to: %q", v)
		}
		r := putOffTwoFactor(t, c, c.Post("/login", url.Values{"email": {outsider}, "password": {"schakel-demo-2026"}, "next": {link}}))
		if r.Status != http.StatusSeeOther || r.Location() != link {
			t.Fatalf("signing in returns to %q (%d), want the link", r.Location(), r.Status)
		}
		page = c.Get(link)
		if page.Doc.Find(`form[action="`+link+`/accept"] button`).Length() != 1 {
			t.Fatalf("no accept button: %q", page.Text(".schakel-invitation"))
		}
		r = c.Post(link+"/accept", nil)
		if r.Status != http.StatusSeeOther || r.Location() != wsPath(ws, "?notice=invitation_accepted") {
			t.Fatalf("accept: %d to %q", r.Status, r.Location())
		}
		if got := c.Get(wsPath(ws, "")); got.Status != http.StatusOK {
			t.Fatalf("the workspace after accepting: %d", got.Status)
		}
		membershipID(t, db, ws, outsider)
	})
}

func TestInvitationLinksThatNoLongerWork(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		org, err := store.OrganisationByName(context.Background(), db, "Gemeente Havenstad")
		if err != nil {
			t.Fatal(err)
		}
		invite := func(addr string) string {
			anna.Get(wsPath(ws, "/members"))
			form := url.Values{"email": {addr}, "role": {"viewer"}, "language": {"nl"}, "organisation": {itoa(org.ID)}}
			if r := anna.Post(wsPath(ws, "/invitations"), form); r.Status != http.StatusSeeOther {
				t.Fatalf("invite %s: %d", addr, r.Status)
			}
			return invitationPath(t, db, addr)
		}
		expired := invite("verlopen@havenstad.example")
		if _, err := db.NewUpdate().Model((*model.Invitation)(nil)).Set("expires_at = ?", time.Now().Add(-time.Hour)).
			Where("id = ?", invitationID(t, db, ws, "verlopen@havenstad.example")).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		used := invite("gebruikt@havenstad.example")
		user := env.Client(t)
		user.Get(used)
		if r := user.Post(used, url.Values{"name": {"Gebruikt"}, "password": {"een zin van twaalf"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("using the link: %d", r.Status)
		}
		revoked := invite("ingetrokken@havenstad.example")
		anna.Get(wsPath(ws, "/members"))
		anna.Post(wsPath(ws, "/invitations/"+itoa(invitationID(t, db, ws, "ingetrokken@havenstad.example"))+"/revoke"), nil)
		superseded := invite("opnieuw@havenstad.example")
		anna.Get(wsPath(ws, "/members"))
		anna.Post(wsPath(ws, "/invitations/"+itoa(invitationID(t, db, ws, "opnieuw@havenstad.example"))+"/resend"), nil)

		for _, tt := range []struct {
			name, path string
			status     int
			message    string
		}{
			{"expired", expired, http.StatusGone, "Deze uitnodiging is verlopen."},
			{"used", used, http.StatusGone, "Deze uitnodiging is al gebruikt."},
			{"revoked", revoked, http.StatusGone, "Deze uitnodiging is ingetrokken."},
			{"sent again since", superseded, http.StatusGone, "Er is een nieuwere uitnodiging verstuurd"},
			{"unknown", "/invitations/" + strings.Repeat("Q", 43), http.StatusNotFound, "Deze uitnodigingslink is niet geldig."},
			{"cut short", expired[:len(expired)-5], http.StatusNotFound, "Deze uitnodigingslink is niet geldig."},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				r := c.Get(tt.path)
				if r.Status != tt.status || !strings.HasPrefix(r.Text("[role=alert]"), tt.message) {
					t.Fatalf("GET: %d %q, want %d %q", r.Status, r.Text("[role=alert]"), tt.status, tt.message)
				}
				if tt.status == http.StatusGone && !strings.Contains(r.Text(".schakel-invitation"), "Vraag Anna de Vries") {
					t.Errorf("the page does not say whom to ask: %q", r.Text(".schakel-invitation"))
				}
				c.Get("/login")
				users := count(t, db, (*model.User)(nil))
				r = c.Post(tt.path, url.Values{"name": {"Iemand"}, "password": {"een zin van twaalf"}})
				if r.Status != tt.status || count(t, db, (*model.User)(nil)) != users {
					t.Fatalf("POST: %d, %d accounts made", r.Status, count(t, db, (*model.User)(nil))-users)
				}
			})
		}
	})
}

func TestGuestOfOneMeeting(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		meetings, err := store.Meetings(ctx, db, ws)
		if err != nil {
			t.Fatal(err)
		}
		var mine, other model.Meeting
		for _, m := range meetings {
			if m.Kind == model.MeetingCaseConf {
				mine = m
			} else {
				other = m
			}
		}
		meeting := wsPath(ws, "/meetings/"+itoa(mine.ID))
		anna := env.Client(t)
		anna.SignIn(coordinator)
		var item model.AgendaItem
		if err := db.NewSelect().Model(&item).Where("meeting_id = ?", mine.ID).Where("kind <> ?", model.ItemCase).Limit(1).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if r := anna.PostHTMX(wsPath(ws, "/items/"+itoa(item.ID)+"/outcomes"), url.Values{"kind": {"actie"}, "text": {"Terugkoppeling aan de school"}, "theme": {"preventie"}}); r.Status != http.StatusOK {
			t.Fatalf("an action agreed at the meeting: %d", r.Status)
		}
		page := anna.Get(meeting)
		if page.Doc.Find("#guest-invite form").Length() != 1 {
			t.Fatal("the coordinator is not offered to invite a guest by e-mail")
		}
		addr := "sam@ervaringsdeskundig.example"
		r := anna.PostHTMX(meeting+"/invitations", url.Values{"email": {addr}, "name": {"Sam"}, "language": {"nl"}})
		if r.Status != http.StatusOK || r.Text("#guest-invite [role=status]") != "De uitnodiging is verstuurd naar "+addr+"." {
			t.Fatalf("invite a guest: %d %q %q", r.Status, r.Text("#guest-invite [role=status]"), r.Text(".utrecht-form-field-error-message"))
		}
		r = anna.PostHTMX(meeting+"/invitations", url.Values{"email": {contributor}, "language": {"nl"}})
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Text("#guest-invite #f-email-error"), "al lid van de werkruimte") {
			t.Fatalf("a member invited as a guest: %d %q", r.Status, r.Text("#guest-invite"))
		}
		mo := env.Client(t)
		mo.SignIn(editor)
		if mo.Get(meeting).Doc.Find("#guest-invite").Length() != 0 {
			t.Error("a co-coordinator is offered to invite a guest")
		}

		guest := env.Client(t)
		link := invitationPath(t, db, addr)
		landing := guest.Get(link)
		if !strings.Contains(landing.Text(".schakel-facts"), mine.Title) || landing.Doc.Find("#f-organisation optgroup").Length() != 2 {
			t.Fatalf("the guest's page: %q", landing.Text(".schakel-invitation"))
		}
		if r := guest.Post(link, url.Values{"name": {"Sam"}, "password": {"een zin van twaalf"}}); r.Status != http.StatusUnprocessableEntity || r.Text("#f-organisation-error") != "Vul dit veld in." {
			t.Fatalf("no organisation: %d %q", r.Status, r.Text("#f-organisation-error"))
		}
		org, err := store.OrganisationByName(ctx, db, "Jeugdhulp De Brug")
		if err != nil {
			t.Fatal(err)
		}
		r = guest.Post(link, url.Values{"name": {"Sam"}, "organisation": {itoa(org.ID)}, "password": {"een zin van twaalf"}})
		if r.Status != http.StatusSeeOther || r.Location() != meeting+"?notice=invitation_accepted" {
			t.Fatalf("accept: %d to %q", r.Status, r.Location())
		}
		shown := guest.Get(meeting)
		if shown.Status != http.StatusOK || !strings.Contains(shown.Text("#attendees"), "Sam") {
			t.Fatalf("the guest's meeting: %d", shown.Status)
		}
		if shown.Doc.Find(`.schakel-breadcrumb a[href="`+wsPath(ws, "")+`"]`).Length() != 0 {
			t.Error("the guest's meeting page links to the workspace")
		}
		// The meeting's plan and agreed actions are named to the guest, but
		// not linked: those pages are not found to a guest. The
		// coordinator's page links them.
		for _, sel := range []string{`a[href*="/plans/"]`, `a[href*="/actions/"]`} {
			if n := page.Doc.Find(sel).Length(); n == 0 {
				t.Errorf("the coordinator's page of the meeting has no %s", sel)
			}
			if n := shown.Doc.Find(sel).Length(); n != 0 {
				t.Errorf("the guest's meeting page has %d %s, which they cannot open", n, sel)
			}
		}
		var caseItem model.AgendaItem
		if err := db.NewSelect().Model(&caseItem).Where("meeting_id = ?", mine.ID).Where("kind = ?", model.ItemCase).Limit(1).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		plans, err := store.Plans(ctx, db, ws)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct{ name, path string }{
			{"the workspace", wsPath(ws, "")},
			{"the list of meetings", wsPath(ws, "/meetings")},
			{"another meeting", wsPath(ws, "/meetings/"+itoa(other.ID))},
			{"another meeting's minutes", wsPath(ws, "/meetings/"+itoa(other.ID)+"/export/minutes")},
			{"the plans", wsPath(ws, "/plans")},
			{"a plan", wsPath(ws, "/plans/"+itoa(plans[0].ID))},
			{"the members", wsPath(ws, "/members")},
			{"the case notes of their meeting", wsPath(ws, "/items/"+itoa(caseItem.ID)+"/case")},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if r := guest.Get(tt.path); r.Status != http.StatusNotFound {
					t.Fatalf("status %d, want 404", r.Status)
				}
			})
		}
		samAccount := userByEmail(t, db, addr)
		sam, err := store.AttendeeOf(ctx, db, mine.ID, samAccount.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r := guest.Post(meeting+"/attendees/"+itoa(sam.ID)+"/answer", url.Values{"rsvp": {"komt"}}); r.Status != http.StatusSeeOther {
			t.Errorf("the guest answers the invitation to the meeting: %d", r.Status)
		}
		attendees, err := store.Attendees(ctx, db, ws, mine.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(attendees) < 2 {
			t.Fatal("the meeting has no other attendee to answer for")
		}
		someone := attendees[0]
		if someone.ID == sam.ID {
			someone = attendees[1]
		}
		if r := guest.Post(meeting+"/attendees/"+itoa(someone.ID)+"/answer", url.Values{"rsvp": {"afgemeld"}}); r.Status != http.StatusForbidden {
			t.Errorf("the guest answers for %s: %d", someone.DisplayName(), r.Status)
		}
		if r := guest.Get(meeting + "/export/agenda"); r.Status != http.StatusOK {
			t.Errorf("the guest cannot print their meeting's agenda: %d", r.Status)
		}
		list := guest.Get("/workspaces")
		if href, _ := list.Doc.Find("#guest-meetings ~ ul a").Attr("href"); href != meeting {
			t.Errorf("the guest's overview links to %q, want the meeting", href)
		}
		if list.Doc.Find(`a[href="`+wsPath(ws, "")+`"]`).Length() != 0 {
			t.Error("the guest's overview links to the workspace")
		}
		if !strings.Contains(anna.Get(wsPath(ws, "/members")).Text("#members"), "Gast") {
			t.Error("the member list does not show the guest as a guest")
		}
	})
}

func TestAdministratorOnboardsInOneForm(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)
		page := c.Get("/admin/workspaces/new")
		if page.Doc.Find("form fieldset").Length() != 3 || page.Doc.Find("datalist#regions option").Length() != 2 {
			t.Fatalf("the form: %d fieldsets, %d regions", page.Doc.Find("form fieldset").Length(), page.Doc.Find("datalist#regions option").Length())
		}
		var groups []string
		page.Doc.Find("#f-organisation optgroup").Each(func(_ int, g *goquery.Selection) {
			l, _ := g.Attr("label")
			groups = append(groups, l)
		})
		if strings.Join(groups, "|") != "Kustland|Lindendal|Overige organisaties" {
			t.Errorf("organisations grouped as %v", groups)
		}

		tables := []any{(*model.Workspace)(nil), (*model.Organisation)(nil), (*model.Region)(nil), (*model.Invitation)(nil), (*mail.Message)(nil), (*model.Membership)(nil)}
		counts := func() []int {
			var n []int
			for _, m := range tables {
				n = append(n, count(t, db, m))
			}
			return n
		}
		before := counts()
		r := c.Post("/admin/workspaces", url.Values{"region": {"Zuidkust"}, "new_organisation": {"Gemeente Zilverhaven"}, "new_organisation_kind": {"gemeente"}, "language": {"nl"}})
		if r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", r.Status)
		}
		for field, want := range map[string]string{"name": "Vul dit veld in.", "coordinator": "Vul dit veld in."} {
			if got := r.Text("#f-" + field + "-error"); got != want {
				t.Errorf("at %s: %q, want %q", field, got, want)
			}
		}
		if v, _ := r.Doc.Find("#f-new_organisation").Attr("value"); v != "Gemeente Zilverhaven" {
			t.Errorf("the new organisation typed is gone: %q", v)
		}
		if after := counts(); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("refused form wrote rows: %v → %v", before, after)
		}
		r = c.Post("/admin/workspaces", url.Values{
			"name": {"Zilverhaven"}, "kind": {"gemeente"}, "region": {"Zuidkust"},
			"new_organisation": {"Gemeente Zilverhaven"}, "new_organisation_kind": {"gemeente"},
			"coordinator": {"noor@zilverhaven.example"}, "coordinator_name": {"Noor"}, "language": {"en"},
		})
		ws := workspaceID(t, db, "Zilverhaven")
		if r.Status != http.StatusSeeOther || r.Location() != wsPath(ws, "/members?notice=workspace_created_invited") {
			t.Fatalf("create: %d to %q", r.Status, r.Location())
		}
		members := c.Get(r.Location())
		if !strings.Contains(members.Text("#invitations"), "noor@zilverhaven.example") || !strings.Contains(members.Text("#invitations"), "Regisseur") {
			t.Errorf("the coordinator's invitation is not listed: %q", members.Text("#invitations"))
		}
		if m := mails(t, db, "noor@zilverhaven.example"); len(m) != 1 || m[0].Subject != "Invitation to Zilverhaven in Schakel" {
			t.Fatalf("e-mail to the coordinator: %+v", m)
		}
	})
}

// TestInvitationFormsRefuseForgedRequests sends every form of onboarding
// without its CSRF token, with a made-up one and with another session's:
// each is refused with the message to reload, and nothing is written.
func TestInvitationFormsRefuseForgedRequests(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(wsPath(ws, "/members"))
		if r := anna.Post(wsPath(ws, "/invitations"), url.Values{"email": {outsider}, "role": {"viewer"}, "language": {"nl"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("invite: %d", r.Status)
		}
		pieterLink := invitationPath(t, db, outsider)
		if r := anna.Post(wsPath(ws, "/invitations"), url.Values{"email": {"nieuw@havenstad.example"}, "role": {"viewer"}, "language": {"nl"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("invite: %d", r.Status)
		}
		newLink := invitationPath(t, db, "nieuw@havenstad.example")
		id := itoa(invitationID(t, db, ws, "nieuw@havenstad.example"))
		meetings, err := store.Meetings(ctx, db, ws)
		if err != nil {
			t.Fatal(err)
		}
		administrator := env.Client(t)
		administrator.SignIn(admin)
		administrator.Get("/admin/workspaces/new")
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		pieter.Get(pieterLink)
		invitee := env.Client(t)
		invitee.Get(newLink)

		forms := []struct {
			name   string
			client *testkit.Client
			path   string
			form   url.Values
		}{
			{"invite", anna, wsPath(ws, "/invitations"), url.Values{"email": {"derde@havenstad.example"}, "role": {"viewer"}, "language": {"nl"}}},
			{"send again", anna, wsPath(ws, "/invitations/"+id+"/resend"), url.Values{}},
			{"revoke", anna, wsPath(ws, "/invitations/"+id+"/revoke"), url.Values{}},
			{"invite a guest", anna, wsPath(ws, "/meetings/"+itoa(meetings[0].ID)+"/invitations"), url.Values{"email": {"gast@example.org"}, "language": {"nl"}}},
			{"make a workspace with its coordinator", administrator, "/admin/workspaces", url.Values{
				"name": {"Vervalst"}, "kind": {"gemeente"}, "new_organisation": {"Gemeente Vervalst"}, "new_organisation_kind": {"gemeente"},
				"coordinator": {"r@vervalst.example"}, "language": {"nl"},
			}},
			{"make an account from an invitation", invitee, newLink, url.Values{"name": {"Nieuw"}, "organisation": {"1"}, "password": {"een zin van twaalf"}}},
			{"accept with an account", pieter, pieterLink + "/accept", url.Values{}},
		}
		tables := []any{(*model.Invitation)(nil), (*mail.Message)(nil), (*model.User)(nil), (*model.Membership)(nil), (*model.Workspace)(nil), (*model.AuditEntry)(nil)}
		state := func() string {
			var b strings.Builder
			for _, m := range tables {
				fmt.Fprint(&b, count(t, db, m), " ")
			}
			var revoked, renewed int
			revoked, _ = db.NewSelect().Model((*model.Invitation)(nil)).Where("revoked_at IS NOT NULL").Count(ctx)
			renewed, _ = db.NewSelect().Model((*model.Invitation)(nil)).Where("sends > 1").Count(ctx)
			fmt.Fprint(&b, revoked, " ", renewed)
			return b.String()
		}
		for _, f := range forms {
			for _, tok := range []struct{ name, value string }{
				{"without a token", ""},
				{"with a made-up token", "bm9uc2Vuc2U"},
				{"with another session's token", env.Client(t).Get("/login").Doc.Find(`input[name="_csrf"]`).AttrOr("value", "")},
			} {
				t.Run(f.name+" "+tok.name, func(t *testing.T) {
					before := state()
					form := url.Values{}
					for k, v := range f.form {
						form[k] = v
					}
					form.Set("_csrf", tok.value)
					r := f.client.Post(f.path, form)
					if r.Status != http.StatusForbidden || !strings.Contains(r.Text("[role=alert]"), "Het formulier is verlopen of ongeldig") {
						t.Fatalf("status %d %q, want 403 and the message to reload", r.Status, r.Text("[role=alert]"))
					}
					if after := state(); after != before {
						t.Fatalf("a forged request wrote: %s → %s", before, after)
					}
				})
			}
		}
	})
}
