package service_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// onboarding is the fixture of the invitation tests: the demo data and a
// service that writes e-mails with links to https://schakel.example.
type onboarding struct {
	*fixture
	ctx context.Context
	// meeting is Havenstad's upcoming case conference, other its training.
	meeting, other *model.Meeting
}

const baseURL = "https://schakel.example"

func setupOnboarding(t *testing.T, db *bun.DB) *onboarding {
	t.Helper()
	f := setup(t, db)
	msgs, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	f.svc.Messages = msgs
	f.svc.BaseURL, f.svc.Secret = baseURL, []byte("a secret key of the test, 32 bytes long")
	f.svc.Hashing = testkit.FastHashing
	o := &onboarding{fixture: f, ctx: context.Background()}
	meetings, err := store.Meetings(o.ctx, db, f.ws)
	if err != nil {
		t.Fatal(err)
	}
	for i := range meetings {
		if meetings[i].Kind == model.MeetingCaseConf {
			o.meeting = &meetings[i]
		} else {
			o.other = &meetings[i]
		}
	}
	if o.meeting == nil || o.other == nil {
		t.Fatal("Havenstad's demo meetings are missing")
	}
	return o
}

// outbox returns the messages written to the outbox for an address.
func (o *onboarding) outbox(t *testing.T, to string) []mail.Message {
	t.Helper()
	var list []mail.Message
	if err := o.db.NewSelect().Model(&list).Where("to_address = ?", to).OrderExpr("id ASC").Scan(o.ctx); err != nil {
		t.Fatal(err)
	}
	return list
}

var linkPattern = regexp.MustCompile(regexp.QuoteMeta(baseURL) + `/invitations/([A-Za-z0-9_-]+)`)

// token is the token of the link in the last message to an address.
func (o *onboarding) token(t *testing.T, to string) string {
	t.Helper()
	msgs := o.outbox(t, to)
	if len(msgs) == 0 {
		t.Fatalf("no e-mail to %s", to)
	}
	m := linkPattern.FindStringSubmatch(msgs[len(msgs)-1].Text)
	if m == nil {
		t.Fatalf("no invitation link in the e-mail to %s:\n%s", to, msgs[len(msgs)-1].Text)
	}
	return m[1]
}

// rows counts what an invitation may write: invitations, e-mails,
// accounts, memberships, attendees and audit lines.
func (o *onboarding) rows(t *testing.T) [6]int {
	t.Helper()
	var n [6]int
	for i, m := range []any{(*model.Invitation)(nil), (*mail.Message)(nil), (*model.User)(nil), (*model.Membership)(nil), (*model.Attendee)(nil), (*model.AuditEntry)(nil)} {
		c, err := o.db.NewSelect().Model(m).Count(o.ctx)
		if err != nil {
			t.Fatal(err)
		}
		n[i] = c
	}
	return n
}

func (o *onboarding) audit(t *testing.T, event string) []model.AuditEntry {
	t.Helper()
	var list []model.AuditEntry
	if err := o.db.NewSelect().Model(&list).Where("event = ?", event).OrderExpr("id ASC").Scan(o.ctx); err != nil {
		t.Fatal(err)
	}
	return list
}

func fieldError(err error, field string) string {
	if e, ok := apperr.As(err); ok {
		return e.Fields[field]
	}
	return ""
}

func messageID(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.MessageID
	}
	return ""
}

func orgID(t *testing.T, db *bun.DB, name string) int64 {
	t.Helper()
	o, err := store.OrganisationByName(context.Background(), db, name)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

func TestInvitationMakesAnAccountAndAMember(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		addr := "noor.peeters@havenstad.example"
		inv, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{
			Email: " Noor.Peeters@Havenstad.example ", Name: "Noor Peeters", Role: model.RoleEditor,
			Organisation: itoa(orgID(t, db, "Gemeente Havenstad")), Language: "en",
		})
		if err != nil {
			t.Fatal(err)
		}
		if inv.Email != addr || inv.Role != model.RoleEditor || inv.Locale != "en" {
			t.Fatalf("invitation %+v", inv)
		}
		if d := inv.ExpiresAt.Sub(inv.SentAt); d != service.DefaultInvitationLifetime {
			t.Errorf("link works for %s, want 7 days", d)
		}
		msgs := o.outbox(t, addr)
		if len(msgs) != 1 {
			t.Fatalf("%d e-mails to the invitee, want 1", len(msgs))
		}
		m := msgs[0]
		token := o.token(t, addr)
		for _, want := range []string{"Anna de Vries (Gemeente Havenstad) invites you to the workspace Havenstad", "in the role Co-coordinator", "Hello Noor Peeters,"} {
			if !strings.Contains(m.Text, want) {
				t.Errorf("the English text part lacks %q:\n%s", want, m.Text)
			}
		}
		if m.Subject != "Invitation to Havenstad in Schakel" || m.Kind != "invitation" {
			t.Errorf("subject %q, kind %q", m.Subject, m.Kind)
		}
		if !strings.Contains(m.HTML, `<html lang="en">`) || !strings.Contains(m.HTML, `href="`+baseURL+"/invitations/"+token+`"`) {
			t.Errorf("the HTML part lacks the language or the link:\n%s", m.HTML)
		}
		if strings.Contains(m.Text, "&amp;") || strings.Contains(m.Text, "<p>") {
			t.Errorf("the text part holds HTML:\n%s", m.Text)
		}
		var stored model.Invitation
		if err := db.NewSelect().Model(&stored).Where("id = ?", inv.ID).Scan(o.ctx); err != nil {
			t.Fatal(err)
		}
		if stored.TokenHash == token || strings.Contains(stored.TokenHash, token) {
			t.Fatal("the token itself is stored")
		}
		sent := o.audit(t, model.AuditInvitationSent)
		if len(sent) != 1 || *sent[0].UserID != o.anna.ID || strings.Contains(sent[0].Detail, token) || !strings.Contains(sent[0].Detail, addr) {
			t.Fatalf("audit of the invitation: %+v", sent)
		}

		l, err := o.svc.OpenInvitation(o.ctx, token)
		if err != nil || l.Problem() != "" || l.HasAccount {
			t.Fatalf("opening the link: %+v %v", l, err)
		}

		before := o.rows(t)
		for _, tt := range []struct {
			name, field, message string
			in                   service.AccountSetup
		}{
			{"no name", "name", "validation.required", service.AccountSetup{Name: " ", Password: "een lange zin als wachtwoord"}},
			{"short password", "password", "validation.password_short", service.AccountSetup{Name: "Noor", Password: "elf tekens!"}},
			{"no password", "password", "validation.required", service.AccountSetup{Name: "Noor"}},
			{"oversized password", "password", "validation.too_long", service.AccountSetup{Name: "Noor", Password: strings.Repeat("w", 257)}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				_, _, err := o.svc.AcceptInvitationNew(o.ctx, token, tt.in)
				if got := fieldError(err, tt.field); got != tt.message {
					t.Fatalf("error at %s: %q (%v), want %q", tt.field, got, err, tt.message)
				}
				if after := o.rows(t); after != before {
					t.Fatalf("refused input wrote rows: %v → %v", before, after)
				}
			})
		}

		u, accepted, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Noor Peeters", Password: "twaalf tekens"})
		if err != nil {
			t.Fatal(err)
		}
		if u.Email != addr || u.Locale != "en" || u.OrganisationID != orgID(t, db, "Gemeente Havenstad") || accepted.AcceptedAt == nil {
			t.Fatalf("account %+v, invitation %+v", u, accepted)
		}
		if !o.svc.Authz.Can(u, o.ws, "plan", "manage") || o.svc.Authz.Can(u, o.other.WorkspaceID+1000, "workspace", "read") {
			t.Fatal("the new account does not hold its role at once")
		}
		mb, err := store.MembershipOf(o.ctx, db, o.ws, u.ID)
		if err != nil || mb.Role != model.RoleEditor {
			t.Fatalf("membership %+v %v", mb, err)
		}
		if got := o.audit(t, model.AuditInvitationAccepted); len(got) != 1 || *got[0].UserID != u.ID {
			t.Fatalf("audit of the acceptance: %+v", got)
		}

		t.Run("the link works once", func(t *testing.T) {
			before := o.rows(t)
			_, _, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Iemand anders", Password: "nog een wachtwoord"})
			if status(err) != http.StatusGone || messageID(err) != "invitations.error.used" {
				t.Fatalf("second use: %v", err)
			}
			if _, err := o.svc.AcceptInvitation(o.ctx, u, token); messageID(err) != "invitations.error.used" {
				t.Fatalf("second use with the account: %v", err)
			}
			if after := o.rows(t); after != before {
				t.Fatalf("a used link wrote rows: %v → %v", before, after)
			}
		})
	})
}

func TestInvitationOfAnAccountIsAcceptedAfterSigningIn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		users := o.rows(t)[2]
		if _, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: o.pieter.Email, Role: model.RoleViewer}); err != nil {
			t.Fatal(err)
		}
		token := o.token(t, o.pieter.Email)
		l, err := o.svc.OpenInvitation(o.ctx, token)
		if err != nil || !l.HasAccount {
			t.Fatalf("the link does not see the account: %+v %v", l, err)
		}
		if _, _, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Pieter", Password: "een tweede account"}); messageID(err) != "invitations.error.has_account" {
			t.Fatalf("a second account for the address: %v", err)
		}
		if _, err := o.svc.AcceptInvitation(o.ctx, o.anna, token); status(err) != http.StatusForbidden || messageID(err) != "invitations.error.other_account" {
			t.Fatalf("accepted by another account: %v", err)
		}
		if n := o.rows(t)[2]; n != users {
			t.Fatalf("%d accounts made", n-users)
		}
		if _, err := o.svc.AcceptInvitation(o.ctx, o.pieter, token); err != nil {
			t.Fatal(err)
		}
		mb, err := store.MembershipOf(o.ctx, db, o.ws, o.pieter.ID)
		if err != nil || mb.Role != model.RoleViewer {
			t.Fatalf("membership %+v %v", mb, err)
		}
		if !o.svc.Authz.Can(o.pieter, o.ws, "workspace", "read") {
			t.Fatal("the account does not read the workspace at once")
		}
	})
}

func TestInvitationsRefuseBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		lotte, err := store.UserByEmail(o.ctx, db, "lotte.visser@defenceforchildren.example")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: "open@havenstad.example", Role: model.RoleViewer}); err != nil {
			t.Fatal(err)
		}
		ok := service.InvitationInput{Email: "nieuw@havenstad.example", Role: model.RoleViewer}
		with := func(change func(*service.InvitationInput)) service.InvitationInput {
			in := ok
			change(&in)
			return in
		}
		for _, tt := range []struct {
			name    string
			by      *model.User
			in      service.InvitationInput
			status  int
			field   string
			message string
		}{
			{"a member already", o.anna, with(func(in *service.InvitationInput) { in.Email = o.mo.Email }), 422, "email", "members.error.already_member"},
			{"a reviewer's account", o.anna, with(func(in *service.InvitationInput) { in.Email = lotte.Email }), 422, "email", "members.error.platform_account"},
			{"an invitation open already", o.anna, with(func(in *service.InvitationInput) { in.Email = "Open@Havenstad.example" }), 422, "email", "invitations.error.pending"},
			{"no address", o.anna, with(func(in *service.InvitationInput) { in.Email = "" }), 422, "email", "validation.required"},
			{"no e-mail address", o.anna, with(func(in *service.InvitationInput) { in.Email = "noor at havenstad" }), 422, "email", "validation.email"},
			{"a role that does not exist", o.anna, with(func(in *service.InvitationInput) { in.Role = "owner" }), 422, "role", "validation.choice"},
			{"the guest role for the workspace", o.anna, with(func(in *service.InvitationInput) { in.Role = model.RoleGuest }), 422, "role", "validation.choice"},
			{"an organisation that does not exist", o.anna, with(func(in *service.InvitationInput) { in.Organisation = "999999" }), 422, "organisation", "validation.choice"},
			{"an organisation that is no id", o.anna, with(func(in *service.InvitationInput) { in.Organisation = "politie" }), 422, "organisation", "validation.choice"},
			{"a language Schakel does not speak", o.anna, with(func(in *service.InvitationInput) { in.Language = "de" }), 422, "language", "validation.choice"},
			{"a 100 kB name", o.anna, with(func(in *service.InvitationInput) { in.Name = strings.Repeat("n", 100000) }), 422, "name", "validation.too_long"},
			{"by a co-coordinator, who may not manage members", o.mo, ok, 403, "", ""},
			{"by a coordinator of another workspace", o.pieter, ok, 404, "", ""},
			{"by a reviewer", lotte, ok, 403, "", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := o.rows(t)
				_, err := o.svc.Invite(o.ctx, tt.by, o.ws, tt.in)
				if status(err) != tt.status {
					t.Fatalf("status %d (%v), want %d", status(err), err, tt.status)
				}
				if tt.field != "" && fieldError(err, tt.field) != tt.message {
					t.Fatalf("error at %s: %q, want %q", tt.field, fieldError(err, tt.field), tt.message)
				}
				if after := o.rows(t); after != before {
					t.Fatalf("refused invitation wrote rows: %v → %v", before, after)
				}
			})
		}
	})
}

func TestInvitationResentRevokedAndExpired(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		addr := "lieke@havenstad.example"
		inv, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: addr, Role: model.RoleContributor})
		if err != nil {
			t.Fatal(err)
		}
		first := o.token(t, addr)
		// Age the invitation, so that sending it again visibly renews it.
		if _, err := db.NewUpdate().Model((*model.Invitation)(nil)).Set("expires_at = ?", time.Now().Add(time.Hour)).Where("id = ?", inv.ID).Exec(o.ctx); err != nil {
			t.Fatal(err)
		}

		again, err := o.svc.ResendInvitation(o.ctx, o.anna, o.ws, inv.ID)
		if err != nil {
			t.Fatal(err)
		}
		second := o.token(t, addr)
		if second == first || len(o.outbox(t, addr)) != 2 || again.Sends != 2 || time.Until(again.ExpiresAt) < 6*24*time.Hour {
			t.Fatalf("sent again: same token %v, %d e-mails, sends %d, expires %s", second == first, len(o.outbox(t, addr)), again.Sends, again.ExpiresAt)
		}
		l, err := o.svc.OpenInvitation(o.ctx, first)
		if err != nil || l.Problem() != "invitations.error.superseded" {
			t.Fatalf("the old link: %+v %v", l, err)
		}
		if _, _, err := o.svc.AcceptInvitationNew(o.ctx, first, service.AccountSetup{Name: "Lieke", Password: "een lange zin als wachtwoord"}); messageID(err) != "invitations.error.superseded" {
			t.Fatalf("accepting with the old link: %v", err)
		}
		if l, err := o.svc.OpenInvitation(o.ctx, second); err != nil || l.Problem() != "" {
			t.Fatalf("the new link: %+v %v", l, err)
		}
		if n := len(o.audit(t, model.AuditInvitationResent)); n != 1 {
			t.Fatalf("%d audit lines for sending again", n)
		}

		if _, err := o.svc.RevokeInvitation(o.ctx, o.mo, o.ws, inv.ID); status(err) != http.StatusForbidden {
			t.Fatalf("revoked by a co-coordinator: %v", err)
		}
		if _, err := o.svc.RevokeInvitation(o.ctx, o.pieter, o.ws, inv.ID); status(err) != http.StatusNotFound {
			t.Fatalf("revoked from another workspace: %v", err)
		}
		if _, err := o.svc.RevokeInvitation(o.ctx, o.anna, o.ws, inv.ID); err != nil {
			t.Fatal(err)
		}
		if l, _ := o.svc.OpenInvitation(o.ctx, second); l.Problem() != "invitations.error.revoked" {
			t.Fatalf("the revoked link: %+v", l)
		}
		before := o.rows(t)
		if _, _, err := o.svc.AcceptInvitationNew(o.ctx, second, service.AccountSetup{Name: "Lieke", Password: "een lange zin als wachtwoord"}); status(err) != http.StatusGone || messageID(err) != "invitations.error.revoked" {
			t.Fatalf("accepting a revoked invitation: %v", err)
		}
		if _, err := o.svc.ResendInvitation(o.ctx, o.anna, o.ws, inv.ID); status(err) != http.StatusConflict {
			t.Fatalf("sending a revoked invitation again: %v", err)
		}
		if _, err := o.svc.RevokeInvitation(o.ctx, o.anna, o.ws, inv.ID); status(err) != http.StatusConflict {
			t.Fatalf("revoking twice: %v", err)
		}
		if after := o.rows(t); after != before {
			t.Fatalf("refused changes wrote rows: %v → %v", before, after)
		}
		if n := len(o.audit(t, model.AuditInvitationRevoked)); n != 1 {
			t.Fatalf("%d audit lines for revoking", n)
		}

		t.Run("expired", func(t *testing.T) {
			o.svc.InvitationLifetime = -time.Minute
			defer func() { o.svc.InvitationLifetime = service.DefaultInvitationLifetime }()
			if _, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: addr, Role: model.RoleViewer}); err != nil {
				t.Fatalf("a revoked invitation does not stop a new one: %v", err)
			}
			token := o.token(t, addr)
			if l, _ := o.svc.OpenInvitation(o.ctx, token); l.Problem() != "invitations.error.expired" {
				t.Fatalf("expired link: %+v", l)
			}
			if _, _, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Lieke", Password: "een lange zin als wachtwoord"}); messageID(err) != "invitations.error.expired" {
				t.Fatalf("accepting an expired invitation: %v", err)
			}
			o.svc.InvitationLifetime = service.DefaultInvitationLifetime
			if _, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: addr, Role: model.RoleViewer}); err != nil {
				t.Fatalf("an expired invitation stops a new one: %v", err)
			}
		})

		t.Run("links that name nothing", func(t *testing.T) {
			for _, token := range []string{"", "abc", strings.Repeat("A", 43), "../../etc/passwd", strings.Repeat("x", 10000)} {
				if _, err := o.svc.OpenInvitation(o.ctx, token); status(err) != http.StatusNotFound || messageID(err) != "invitations.error.unknown" {
					t.Errorf("token %.20q: %v", token, err)
				}
			}
		})
	})
}

func TestGuestSeesOnlyTheirMeeting(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		addr := "ervaringsdeskundige@example.org"
		if _, err := o.svc.InviteToMeeting(o.ctx, o.mo, o.ws, o.meeting.ID, service.InvitationInput{Email: addr}); status(err) != http.StatusForbidden {
			t.Fatalf("a co-coordinator invites a guest: %v", err)
		}
		if _, err := o.svc.InviteToMeeting(o.ctx, o.anna, o.ws, o.meeting.ID, service.InvitationInput{Email: o.sanne.Email}); fieldError(err, "email") != "invitations.error.member_of_meeting_workspace" {
			t.Fatalf("a member invited as a guest: %v", err)
		}
		if _, err := o.svc.InviteToMeeting(o.ctx, o.anna, o.ws, o.meeting.ID, service.InvitationInput{Email: "lotte.visser@defenceforchildren.example"}); fieldError(err, "email") != "meetings.error.platform_account" {
			t.Fatalf("the reviewer invited as a guest: %v", err)
		}
		if _, err := o.svc.InviteToMeeting(o.ctx, o.anna, o.ws, 999999, service.InvitationInput{Email: addr}); status(err) != http.StatusNotFound {
			t.Fatalf("a meeting that does not exist: %v", err)
		}
		inv, err := o.svc.InviteToMeeting(o.ctx, o.anna, o.ws, o.meeting.ID, service.InvitationInput{Email: addr, Name: "Sam"})
		if err != nil {
			t.Fatal(err)
		}
		if inv.Role != model.RoleGuest || inv.MeetingID == nil || *inv.MeetingID != o.meeting.ID {
			t.Fatalf("guest invitation %+v", inv)
		}
		text := o.outbox(t, addr)[0].Text
		if !strings.Contains(text, o.meeting.Title) || !strings.Contains(text, "Als gast zie je in Schakel alleen dit overleg.") {
			t.Fatalf("the guest's e-mail does not name the meeting:\n%s", text)
		}
		token := o.token(t, addr)
		org := itoa(orgID(t, db, "Jeugdhulp De Brug"))
		if _, _, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Sam", Password: "een lange zin als wachtwoord"}); fieldError(err, "organisation") != "validation.required" {
			t.Fatalf("a guest without organisation: %v", err)
		}
		guest, _, err := o.svc.AcceptInvitationNew(o.ctx, token, service.AccountSetup{Name: "Sam", Organisation: org, Password: "een lange zin als wachtwoord"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.AttendeeOf(o.ctx, db, o.meeting.ID, guest.ID); err != nil {
			t.Fatalf("the guest is not on the meeting's list: %v", err)
		}
		if _, err := o.svc.Meeting(o.ctx, guest, o.ws, o.meeting.ID); err != nil {
			t.Fatalf("the guest cannot open their meeting: %v", err)
		}
		if _, err := o.svc.MeetingRecord(o.ctx, guest, o.ws, o.meeting.ID); err != nil {
			t.Fatalf("the guest cannot print their meeting's agenda: %v", err)
		}
		items, err := store.Items(o.ctx, db, o.ws, o.meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		var caseItem, item *model.AgendaItem
		for i := range items {
			if items[i].Kind == model.ItemCase {
				caseItem = &items[i]
			} else {
				item = &items[i]
			}
		}
		if _, _, err := o.svc.Item(o.ctx, guest, o.ws, item.ID); err != nil {
			t.Fatalf("the guest cannot read an item of their meeting: %v", err)
		}
		otherItems, err := store.Items(o.ctx, db, o.ws, o.other.ID)
		if err != nil || len(otherItems) == 0 {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name string
			do   func() error
		}{
			{"another meeting", func() error { _, err := o.svc.Meeting(o.ctx, guest, o.ws, o.other.ID); return err }},
			{"an item of another meeting", func() error { _, _, err := o.svc.Item(o.ctx, guest, o.ws, otherItems[0].ID); return err }},
			{"the case notes of their meeting", func() error { _, err := o.svc.CaseNotes(o.ctx, guest, o.ws, caseItem.ID); return err }},
			{"the list of meetings", func() error { _, err := o.svc.Meetings(o.ctx, guest, o.ws); return err }},
			{"the workspace", func() error { _, err := o.svc.Workspace(o.ctx, guest, o.ws); return err }},
			{"the plans", func() error { _, err := o.svc.Plans(o.ctx, guest, o.ws); return err }},
			{"a plan", func() error { _, err := o.svc.Plan(o.ctx, guest, o.ws, o.plan.ID); return err }},
			{"the members", func() error { _, err := o.svc.Members(o.ctx, guest, o.ws); return err }},
			{"the other meeting's record", func() error { _, err := o.svc.MeetingRecord(o.ctx, guest, o.ws, o.other.ID); return err }},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if err := tt.do(); status(err) != http.StatusNotFound {
					t.Fatalf("got %v, want not found", err)
				}
			})
		}
		if o.svc.CanSeeCase(o.ctx, guest, o.meeting) {
			t.Fatal("the guest may see case material")
		}
		list, err := o.svc.Workspaces(o.ctx, guest)
		if err != nil || len(list) != 0 {
			t.Fatalf("the guest's workspaces: %v %v", list, err)
		}
		meetings, err := o.svc.GuestMeetings(o.ctx, guest)
		if err != nil || len(meetings) != 1 || meetings[0].ID != o.meeting.ID || meetings[0].WorkspaceName != "Havenstad" {
			t.Fatalf("the guest's meetings: %+v %v", meetings, err)
		}

		t.Run("a guest owns no action", func(t *testing.T) {
			a := o.action(t, "Voorlichting door een ervaringsdeskundige", model.ThemePrevention)
			_, err := o.svc.UpdateActionField(o.ctx, o.anna, o.ws, a.ID, "owner", itoa(guest.ID), a.Version)
			if fieldError(err, "value") != "actions.error.owner_not_member" {
				t.Fatalf("a guest made an action's owner: %v", err)
			}
		})
		t.Run("a guest invited to the workspace becomes a member", func(t *testing.T) {
			if _, err := o.svc.Invite(o.ctx, o.anna, o.ws, service.InvitationInput{Email: addr, Role: model.RoleViewer}); err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.AcceptInvitation(o.ctx, guest, o.token(t, addr)); err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Plans(o.ctx, guest, o.ws); err != nil {
				t.Fatalf("a former guest, now a viewer, cannot read the plans: %v", err)
			}
			if o.svc.IsGuest(guest, o.ws) {
				t.Fatal("still a guest")
			}
		})
	})
}
