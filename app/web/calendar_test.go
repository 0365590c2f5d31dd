package web_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// parseCalendar parses an iCalendar answer, as a calendar app would.
func parseCalendar(t *testing.T, r *testkit.Response) *ics.Calendar {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	if ct := r.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(r.Body))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, r.Body)
	}
	return cal
}

func property(e *ics.VEvent, p ics.ComponentProperty) string {
	if prop := e.GetProperty(p); prop != nil {
		return prop.Value
	}
	return ""
}

func TestMeetingInvite(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		ctx := context.Background()
		anna := userByEmail(t, db, coordinator)
		c := env.Client(t)
		c.SignIn(editor)

		// Dutch time is UTC+1 in winter and UTC+2 in summer; the clocks go
		// forward at 02:00 on 28 March 2027.
		tests := []struct {
			name       string
			date, time string
			duration   string
			state      model.MeetingState
			start, end string
			status     string
		}{
			{"winter", "2026-12-03", "09:30", "90", model.MeetingPlanned, "20261203T083000Z", "20261203T100000Z", "CONFIRMED"},
			{"summer", "2027-06-10", "13:00", "180", model.MeetingFinished, "20270610T110000Z", "20270610T140000Z", "CONFIRMED"},
			{"day the clocks go forward", "2027-03-28", "09:30", "60", model.MeetingPlanned, "20270328T073000Z", "20270328T083000Z", "CONFIRMED"},
			{"evening across midnight UTC", "2026-12-31", "23:30", "60", model.MeetingPlanned, "20261231T223000Z", "20261231T233000Z", "CONFIRMED"},
			{"concept", "2027-01-14", "10:00", "120", model.MeetingDraft, "20270114T090000Z", "20270114T110000Z", "TENTATIVE"},
		}
		m := f.meeting
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, ch := range [][2]string{{"date", tt.date}, {"start_time", tt.time}, {"duration", tt.duration}, {"state", string(tt.state)}} {
					var err error
					if m, err = env.Svc.UpdateMeetingField(ctx, anna, f.ws, m.ID, ch[0], ch[1], m.Version); err != nil {
						t.Fatalf("%s: %v", ch[0], err)
					}
				}
				r := c.Get(f.path("/invite.ics"))
				cal := parseCalendar(t, r)
				if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+tt.date+`-casusoverleg-havenstad.ics"` {
					t.Errorf("Content-Disposition %q", cd)
				}
				events := cal.Events()
				if len(events) != 1 {
					t.Fatalf("%d events", len(events))
				}
				e := events[0]
				for _, p := range []struct {
					prop ics.ComponentProperty
					want string
				}{
					{ics.ComponentPropertyUniqueId, "meeting-" + itoa(m.ID) + "@schakel"},
					{ics.ComponentPropertyDtStart, tt.start},
					{ics.ComponentPropertyDtEnd, tt.end},
					{ics.ComponentPropertySummary, "Casusoverleg Havenstad"},
					{ics.ComponentPropertyLocation, "Stadhuis, zaal 2"},
					{ics.ComponentPropertyUrl, env.URL + f.path("")},
					{ics.ComponentPropertyStatus, tt.status},
				} {
					if got := property(e, p.prop); got != p.want {
						t.Errorf("%s = %q, want %q", p.prop, got, p.want)
					}
				}
				start, err := e.GetStartAt()
				if err != nil || !start.Equal(mustParseLocal(t, tt.date+" "+tt.time)) {
					t.Errorf("start %v (%v), want %s %s in Amsterdam", start, err, tt.date, tt.time)
				}
				desc := property(e, ics.ComponentPropertyDescription)
				if !strings.Contains(desc, tt.time+"  1. Opening en vaststellen agenda") || !strings.Contains(desc, "3. Casus") {
					t.Errorf("description lacks the agenda:\n%s", desc)
				}
				if strings.Contains(r.Body, "VERTROUWELIJK-CASUS") || strings.Contains(r.Body, "Havenstad-Noord") {
					t.Error("the invitation shows the case note")
				}
			})
		}
	})
}

func mustParseLocal(t *testing.T, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// feedEvents fetches a feed as a calendar app does, without cookies, and
// returns the UIDs of its events.
func feedEvents(t *testing.T, env *testkit.Env, address string) (int, []string) {
	t.Helper()
	u, err := url.Parse(address)
	if err != nil {
		t.Fatal(err)
	}
	r := env.Client(t).Get(u.Path)
	if r.Status != http.StatusOK {
		return r.Status, nil
	}
	var uids []string
	for _, e := range parseCalendar(t, r).Events() {
		uids = append(uids, e.Id())
	}
	slices.Sort(uids)
	return r.Status, uids
}

// makeAddress asks for a new calendar address and returns it.
func makeAddress(t *testing.T, env *testkit.Env, c *testkit.Client) string {
	t.Helper()
	c.Get("/calendar")
	r := c.Post("/calendar", nil)
	checkPage(t, "POST /calendar", r)
	address, _ := r.Doc.Find("input#calendar-address").Attr("value")
	token, ok := strings.CutPrefix(address, env.URL+"/calendar/")
	token, ok2 := strings.CutSuffix(token, ".ics")
	if b, err := base64.RawURLEncoding.DecodeString(token); !ok || !ok2 || err != nil || len(b) != 32 {
		t.Fatalf("address %q does not hold a 32-byte token", address)
	}
	return address
}

func TestCalendarAddress(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		ctx := context.Background()
		anna, mo := userByEmail(t, db, coordinator), userByEmail(t, db, editor)
		if _, err := env.Svc.InviteMember(ctx, anna, f.ws, f.meeting.ID, itoa(mo.ID)); err != nil {
			t.Fatal(err)
		}
		uid := "meeting-" + itoa(f.meeting.ID) + "@schakel"
		c := env.Client(t)
		c.SignIn(editor)

		r := c.Get("/calendar")
		checkPage(t, "/calendar", r)
		if r.Doc.Find("input#calendar-address").Length() != 0 || !strings.Contains(r.Text("#calendar-status"), "nog geen") {
			t.Fatalf("a user without an address: %q", r.Text("#calendar-status"))
		}
		if r.Doc.Find(`.schakel-nav a[href="/calendar"][aria-current="page"]`).Length() != 1 {
			t.Error("the menu does not lead to the calendar page")
		}

		first := makeAddress(t, env, c)
		sessions := count(t, db, (*model.Session)(nil))
		if status, uids := feedEvents(t, env, first); status != http.StatusOK || !slices.Contains(uids, uid) {
			t.Fatalf("feed: %d %v, want the meeting %s", status, uids, uid)
		}
		feedEvents(t, env, first)
		if n := count(t, db, (*model.Session)(nil)); n != sessions {
			t.Errorf("fetching the feed left %d new sessions", n-sessions)
		}
		var stored model.CalendarToken
		if err := db.NewSelect().Model(&stored).Where("user_id = ?", mo.ID).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if token := strings.TrimSuffix(first[strings.LastIndex(first, "/")+1:], ".ics"); strings.Contains(stored.TokenHash, token) {
			t.Error("the token is stored as it is, not hashed")
		}

		r = c.Get("/calendar")
		if r.Doc.Find("input#calendar-address").Length() != 0 || strings.Contains(r.Body, first) {
			t.Error("the address is shown again after it was made")
		}
		if !strings.Contains(r.Text("#calendar-status"), "gemaakt op") {
			t.Errorf("status %q", r.Text("#calendar-status"))
		}

		second := makeAddress(t, env, c)
		steps := []struct {
			name    string
			address string
			want    int
		}{
			{"the old address after a new one was made", first, http.StatusNotFound},
			{"the new address", second, http.StatusOK},
			{"a made-up address", env.URL + "/calendar/" + base64.RawURLEncoding.EncodeToString(make([]byte, 32)) + ".ics", http.StatusNotFound},
			{"an address of the wrong form", env.URL + "/calendar/abc.ics", http.StatusNotFound},
		}
		for _, s := range steps {
			if status, _ := feedEvents(t, env, s.address); status != s.want {
				t.Errorf("%s: %d, want %d", s.name, status, s.want)
			}
		}

		c.Get("/calendar")
		r = c.Post("/calendar/revoke", nil)
		if r.Status != http.StatusSeeOther || r.Location() != "/calendar?notice=calendar_revoked" {
			t.Fatalf("revoke: %d to %q", r.Status, r.Location())
		}
		if status, _ := feedEvents(t, env, second); status != http.StatusNotFound {
			t.Errorf("a revoked address: %d, want 404", status)
		}
		if r := c.Get("/calendar"); !strings.Contains(r.Text("#calendar-status"), "nog geen") {
			t.Errorf("after revoking: %q", r.Text("#calendar-status"))
		}
		if r := env.Client(t).Post("/calendar", nil); r.Status == http.StatusOK {
			t.Error("an address made without signing in")
		}
	})
}

// TestCalendarFeedFollowsAccess lists in a feed only the meetings its owner
// attends, from 30 days back, in workspaces they may still read; and
// nothing once their account is disabled.
func TestCalendarFeedFollowsAccess(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		anna, pieter, mo := userByEmail(t, db, coordinator), userByEmail(t, db, outsider), userByEmail(t, db, editor)
		havenstad, lindendal := workspaceID(t, db, "Havenstad"), workspaceID(t, db, "Lindendal")
		day := func(days int) string { return time.Now().AddDate(0, 0, days).Format(time.DateOnly) }
		meeting := func(by *model.User, ws int64, title, date string, invite bool) string {
			t.Helper()
			m, err := env.Svc.CreateMeeting(ctx, by, ws, service.MeetingInput{
				Title: title, Kind: model.MeetingNetwork, Date: date, StartTime: "14:00", Duration: "60",
			})
			if err != nil {
				t.Fatal(err)
			}
			if invite {
				if _, err := env.Svc.InviteMember(ctx, by, ws, m.ID, itoa(mo.ID)); err != nil {
					t.Fatal(err)
				}
			}
			return "meeting-" + itoa(m.ID) + "@schakel"
		}
		upcoming := meeting(anna, havenstad, "Netwerkoverleg Havenstad", day(7), true)
		recent := meeting(anna, havenstad, "Terugblik Havenstad", day(-10), true)
		old := meeting(anna, havenstad, "Oud overleg", day(-40), true)
		without := meeting(anna, havenstad, "Overleg zonder Mo", day(3), false)
		elsewhere := meeting(pieter, lindendal, "Netwerkoverleg Lindendal", day(14), true)
		// The demo data has meetings of its own; the feed is judged by the
		// meetings made here, and by whether any of Havenstad's remain.
		ours := []string{upcoming, recent, old, without, elsewhere}
		var inHavenstad []string
		all, err := store.Meetings(ctx, db, havenstad)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range all {
			inHavenstad = append(inHavenstad, "meeting-"+itoa(m.ID)+"@schakel")
		}

		c := env.Client(t)
		c.SignIn(editor)
		address := makeAddress(t, env, c)

		steps := []struct {
			name      string
			change    func() error
			status    int
			want      []string
			havenstad bool // whether any Havenstad meeting may be listed
		}{
			{"a member of both workspaces", func() error { return nil }, http.StatusOK, []string{upcoming, recent, elsewhere}, true},
			{"after leaving Havenstad", func() error {
				return env.Svc.RemoveMember(ctx, anna, havenstad, membershipID(t, db, havenstad, editor))
			}, http.StatusOK, []string{elsewhere}, false},
			{"after the account is disabled", func() error {
				return env.Svc.SetAccountDisabled(ctx, userByEmail(t, db, admin), mo.ID, true)
			}, http.StatusNotFound, nil, false},
		}
		for _, s := range steps {
			if err := s.change(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			want := append([]string(nil), s.want...)
			slices.Sort(want)
			status, listed := feedEvents(t, env, address)
			var got []string
			for _, uid := range listed {
				if slices.Contains(ours, uid) {
					got = append(got, uid)
				}
				if !s.havenstad && slices.Contains(inHavenstad, uid) {
					t.Errorf("%s: Havenstad's %s is listed", s.name, uid)
				}
			}
			if status != s.status || strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: %d %v, want %d %v", s.name, status, got, s.status, want)
			}
		}
	})
}
