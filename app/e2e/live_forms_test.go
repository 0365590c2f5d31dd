package e2e_test

import (
	"context"
	"path"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
)

// TestTypingSurvivesLiveUpdates: a part of the meeting page that a live
// update draws again (the attendees, when someone else adds a guest)
// keeps the form someone is typing in: the text stays, and so does the
// focus, while the new guest appears around it.
func TestTypingSurvivesLiveUpdates(t *testing.T) {
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		h := startHavenstad(t, db)
		b := newBrowser(t)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		page := h.meetingPath(t, model.MeetingCaseConf)
		p.goToMeeting(page)
		meeting := mustID(t, path.Base(page))

		for _, tt := range []struct {
			name, field, typed, guest string
		}{
			{"a guest's name half typed", "#f-guest_name", "Iris Sm", "Karin Vos"},
			{"a guest's organisation typed, the focus elsewhere", "#f-guest_organisation", "GGD Kust", "Pim de Wit"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				p := p.in(t)
				p.do("type "+tt.typed, focusEmpty(tt.field), chromedp.KeyEvent(tt.typed))
				focused := tt.field
				if tt.field == "#f-guest_organisation" {
					p.focus("#f-guest_name")
					focused = "#f-guest_name"
				}
				if _, err := h.env.Svc.InviteGuest(context.Background(), userOf(t, h, mo), h.workspace, meeting, service.GuestInput{Name: tt.guest}); err != nil {
					t.Fatal(err)
				}
				p.waitText("#attendees table", tt.guest)
				if got := eval[string](p, "document.querySelector("+js(tt.field)+").value"); got != tt.typed {
					t.Errorf("after the live update %s holds %q, want what was typed: %q", tt.field, got, tt.typed)
				}
				p.until(focused+" to keep the focus", "document.activeElement && document.activeElement.id === "+js(focused[1:]))
			})
		}
	})
}
