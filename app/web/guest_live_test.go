package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/store"
	"schakel/app/testkit"
)

// TestRemovedGuestHearsNoMore: a guest follows their meeting live; taken
// off its attendees, their open page hears nothing more of it.
func TestRemovedGuestHearsNoMore(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		own := matrixFixture(t, db, ws)
		addMatrixGuest(t, env, own)
		meetingID, _ := strconv.ParseInt(own[":mid"], 10, 64)
		anna := userByEmail(t, db, coordinator)

		guest := env.Client(t)
		guest.SignIn(matrixGuest)
		live, status := guest.DialLive(wsPath(ws, "/meetings/"+own[":mid"]+"/live"))
		if status != http.StatusSwitchingProtocols {
			t.Fatalf("the guest's live page: %d", status)
		}
		// Following begins once the page is among the meeting's viewers.
		live.Await("#presence-viewers", "Gast van het overleg")
		m, err := env.Svc.UpdateMeetingField(ctx, anna, ws, meetingID, "title", "Overleg met een gast", versionOf(t, db, meetingID))
		if err != nil {
			t.Fatal(err)
		}
		live.Await("body", "Overleg met een gast")

		u := userByEmail(t, db, matrixGuest)
		attendee, err := store.AttendeeOf(ctx, db, meetingID, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Svc.RemoveAttendee(ctx, anna, ws, attendee.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := env.Svc.UpdateMeetingField(ctx, anna, ws, meetingID, "title", "Overleg zonder de gast", m.Version); err != nil {
			t.Fatal(err)
		}
		live.Quiet("Overleg zonder de gast")
	})
}

func versionOf(t *testing.T, db *bun.DB, meetingID int64) int {
	t.Helper()
	var v int
	if err := db.NewSelect().Table("meetings").Column("version").Where("id = ?", meetingID).Scan(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
