package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestPlatformAccountsGainNothingByMembership: a coordinator cannot make
// the reviewer or the administrator a member; a membership from before
// that rule gives neither write access nor case material, even when the
// reviewer was invited to a case conference; pickers do not offer them.
func TestPlatformAccountsGainNothingByMembership(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)

		t.Run("refused as a member", func(t *testing.T) {
			for _, who := range []string{reviewer, admin} {
				anna.Get(wsPath(ws, "/members"))
				before := count(t, db, (*model.Membership)(nil))
				r := anna.Post(wsPath(ws, "/members"), url.Values{"email": {who}, "role": {"editor"}})
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("%s as a member: %d, want 422", who, r.Status)
				}
				if msg := r.Text("#f-email-error"); !strings.Contains(msg, "platformaccount") {
					t.Fatalf("%s: message %q", who, msg)
				}
				if after := count(t, db, (*model.Membership)(nil)); after != before {
					t.Fatalf("%s: a membership was stored", who)
				}
			}
		})

		// Old data: the reviewer made editor and then coordinator of
		// Havenstad, and invited to a case conference with case notes.
		page, item := casusMeeting(t, env, anna, ws, "2026-12-03")
		anna.Get(page)
		note := "Meisje A. (15), contact via sociale media; school en Veilig Thuis betrokken."
		if r := anna.PostHTMX(wsPath(ws, "/items/"+item+"/fields/case_notes"), url.Values{"value": {note}, "version": {itemVersion(t, db, ws, item)}}); r.Status != http.StatusOK {
			t.Fatalf("case notes: %d", r.Status)
		}
		lotte := userByEmail(t, db, reviewer)
		old := &model.Membership{WorkspaceID: ws, UserID: lotte.ID, Role: model.RoleCoordinator, CreatedAt: time.Now().UTC()}
		if err := store.CreateMembership(ctx, db, old); err != nil {
			t.Fatal(err)
		}
		meetingID := strings.TrimPrefix(page, wsPath(ws, "/meetings/"))
		var mid int64
		if err := db.NewSelect().Model((*model.Meeting)(nil)).Column("id").Where("id = ?", meetingID).Scan(ctx, &mid); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateAttendee(ctx, db, &model.Attendee{WorkspaceID: ws, MeetingID: mid, UserID: &lotte.ID, CreatedAt: time.Now().UTC()}); err != nil {
			t.Fatal(err)
		}
		if err := env.Authz.Reload(); err != nil {
			t.Fatal(err)
		}

		t.Run("an old membership gives no write access", func(t *testing.T) {
			c := env.Client(t)
			c.SignIn(reviewer)
			c.Get(wsPath(ws, "/plans"))
			before := count(t, db, (*model.Plan)(nil))
			r := c.Post(wsPath(ws, "/plans"), url.Values{"title": {"Plan van de beoordelaar"}, "period_start": {"2028-01-01"}, "period_end": {"2028-12-31"}, "framework": {"vng"}})
			if r.Status != http.StatusForbidden {
				t.Fatalf("reviewer creates a plan: %d, want 403", r.Status)
			}
			if count(t, db, (*model.Plan)(nil)) != before {
				t.Fatal("the reviewer's plan was stored")
			}
			c.Get(wsPath(ws, "/members"))
			if r := c.Post(wsPath(ws, "/members"), url.Values{"email": {outsider}, "role": {"viewer"}}); r.Status != http.StatusForbidden {
				t.Fatalf("reviewer adds a member: %d, want 403", r.Status)
			}
		})

		t.Run("an old membership and an invitation give no case notes", func(t *testing.T) {
			c := env.Client(t)
			c.SignIn(reviewer)
			r := c.Get(page)
			if r.Status != http.StatusOK {
				t.Fatalf("meeting page: %d", r.Status)
			}
			if strings.Contains(r.Body, note) || r.Doc.Find(".schakel-case").Length() > 0 {
				t.Fatal("the meeting page shows the reviewer the case notes")
			}
			for _, p := range []string{"/items/" + item + "/case", "/items/" + item + "/fields/case_notes", "/items/" + item + "/fields/case_notes/edit"} {
				r := c.GetHTMX(wsPath(ws, p))
				if strings.Contains(r.Body, note) {
					t.Fatalf("%s shows the reviewer the case notes (%d)", p, r.Status)
				}
				if r.Status == http.StatusOK && p == "/items/"+item+"/case" {
					t.Fatalf("%s answers 200", p)
				}
			}
			c.Get(page)
			if r := c.PostHTMX(wsPath(ws, "/items/"+item+"/fields/case_notes"), url.Values{"value": {"overschreven"}, "version": {itemVersion(t, db, ws, item)}}); r.Status < 400 {
				t.Fatalf("the reviewer wrote case notes: %d", r.Status)
			}
			var it model.AgendaItem
			if err := db.NewSelect().Model(&it).Where("id = ?", item).Scan(ctx); err != nil || it.CaseNotes != note {
				t.Fatalf("case notes changed: %q %v", it.CaseNotes, err)
			}
		})

		t.Run("the old membership does not keep the last coordinator's place", func(t *testing.T) {
			anna.Get(wsPath(ws, "/members"))
			r := anna.Post(wsPath(ws, "/members/"+itoa(membershipID(t, db, ws, coordinator))+"/role"), url.Values{"role": {"viewer"}})
			if r.Status != http.StatusUnprocessableEntity {
				t.Fatalf("demoting the only real coordinator: %d, want 422", r.Status)
			}
		})

		t.Run("members page marks it; pickers leave it out", func(t *testing.T) {
			r := anna.Get(wsPath(ws, "/members"))
			row := r.Doc.Find("#member-" + itoa(old.ID))
			if !strings.Contains(row.Text(), "Platformaccount: deze rol geeft geen rechten") {
				t.Fatalf("the reviewer's row says %q", strings.Join(strings.Fields(row.Text()), " "))
			}
			if row.Find(`select[name=role]`).Length() != 0 || row.Find(`form[action$="/delete"]`).Length() != 1 {
				t.Fatal("the reviewer's row offers a role, or no removal")
			}
			mp := anna.Get(page)
			if mp.Doc.Find("#invite-user").Length() == 0 {
				t.Fatal("no attendee picker on the meeting page")
			}
			if mp.Doc.Find(`#invite-user option[value="`+itoa(lotte.ID)+`"]`).Length() != 0 {
				t.Fatal("the attendee picker offers the reviewer")
			}
			r = anna.PostHTMX(page+"/attendees", url.Values{"user": {itoa(lotte.ID)}})
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Text("#invite-user-error"), "platformaccount") {
				t.Fatalf("inviting the reviewer: %d %q", r.Status, r.Text("#invite-user-error"))
			}
		})
	})
}
