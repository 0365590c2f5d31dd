package e2e_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/store"
	"schakel/app/testkit"
)

// TestLiveAfterRestart restarts the server under two open plan pages. The
// websockets drop and come back by themselves; an edit made while Anna's
// page was cut off reaches it after the reconnect, and edits on the pages
// after the restart are saved and reach the other page. No edit is lost.
func TestLiveAfterRestart(t *testing.T) {
	t.Parallel()
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		annaPage, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		annaPage.signedIn(anna)
		moPage.signedIn(mo)
		moName := nameOf(t, h, mo)
		for _, p := range []*tab{annaPage, moPage} {
			p.goToPlan(h.planPath(""))
			p.keepsPage()
		}
		for _, p := range []*tab{annaPage, moPage} {
			p.waitText("#presence-viewers", moName)
		}
		first, second, third := h.actions[0], h.actions[1], h.actions[2]

		h.env.Stop(t)
		// Nobody looks at the plan while the server is away: the presence
		// lists empty (or keep) as the pages see fit, but the pages stay.
		offline := "Voorlichting op scholen (gewijzigd terwijl de server weg was)"
		moUser, err := store.UserByEmail(context.Background(), db, mo)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.env.Svc.UpdateActionField(context.Background(), moUser, h.workspace, first.ID, "title", offline, first.Version); err != nil {
			t.Fatalf("Mo's edit while Anna's page is cut off: %v", err)
		}
		h.env.Restart(t)

		t.Run("an edit made while the page was cut off arrives after the reconnect", func(t *testing.T) {
			annaPage := annaPage.in(t)
			annaPage.waitText("#action-"+itoa(first.ID)+"-title h3", offline)
			annaPage.waitText("#presence-viewers", moName)
			annaPage.stillSamePage()
		})

		t.Run("an edit typed after the restart is saved", func(t *testing.T) {
			annaPage := annaPage.in(t)
			title := "Jongerenwerkers trainen, ook na de herstart"
			annaPage.editTitle(second.ID, title)
			if got := h.reload(t, second.ID).Title; got != title {
				t.Errorf("saved title = %q, want %q", got, title)
			}
			annaPage.reloadPlan()
			annaPage.waitText("#action-"+itoa(second.ID)+"-title h3", title)
			annaPage.waitText("#action-"+itoa(first.ID)+"-title h3", offline)
		})

		t.Run("an edit on the other page after the restart arrives live", func(t *testing.T) {
			annaPage, moPage := annaPage.in(t), moPage.in(t)
			annaPage.keepsPage()
			title := "Signalenkaart verspreiden, na de herstart"
			moPage.editTitle(third.ID, title)
			annaPage.waitText("#action-"+itoa(third.ID)+"-title h3", title)
			annaPage.stillSamePage()
			moPage.stillSamePage()
		})
	})
}
