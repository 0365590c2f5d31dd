package e2e_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// userOf is a demo account.
func userOf(t *testing.T, h *havenstad, email string) *model.User {
	t.Helper()
	u, err := store.UserByEmail(context.Background(), h.env.DB, email)
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

// nameOf is the display name of a demo account.
func nameOf(t *testing.T, h *havenstad, email string) string {
	t.Helper()
	return userOf(t, h, email).Name
}

// keepsPage marks the page, so that stillSamePage can tell that it was not
// loaded again: what a test sees then came live.
func (p *tab) keepsPage() {
	p.t.Helper()
	p.do("mark the page", chromedp.Evaluate[chromedp.Void]("window.schakelSamePage = true"))
}

func (p *tab) stillSamePage() {
	p.t.Helper()
	if !eval[bool](p, "window.schakelSamePage === true") {
		p.t.Errorf("%s: the page was loaded again; the change should have come live", p.who)
	}
}

// openRow opens an action's row, as a click on its title does, unless it
// is open, and waits for its details.
func (p *tab) openRow(id int64) {
	p.t.Helper()
	details := "#action-" + itoa(id) + "-details"
	if p.exists(details) {
		return
	}
	p.click("#open-" + itoa(id))
	p.waitVisible(details)
}

// openField opens the inline editor of an action's field (opening its row
// first) and waits for its input to have the focus.
func (p *tab) openField(id int64, field string) string {
	p.t.Helper()
	p.openRow(id)
	input := "#f-" + itoa(id) + "-" + field
	p.click("#edit-" + itoa(id) + "-" + field)
	p.waitVisible(input)
	p.until(input+" to have the focus", "document.activeElement && document.activeElement.id === "+js(input[1:]))
	return input
}

// editTitle changes an action's title in place: open the editor, type,
// Enter, and wait until the page shows the saved title.
func (p *tab) editTitle(id int64, title string) {
	p.t.Helper()
	input := p.openField(id, "title")
	p.fill(input, title)
	p.press("\r")
	p.waitGone(input)
	p.waitText("#action-"+itoa(id)+"-title h3", title)
}

// setStatus changes an action's status with its inline editor and Save.
func (p *tab) setStatus(id int64, status model.ActionStatus) {
	p.t.Helper()
	input := p.openField(id, "status")
	p.do("choose status "+string(status), chromedp.SetValue(chromedp.CSS(input), string(status)))
	p.click("#action-" + itoa(id) + "-status button[type=submit]")
	p.waitGone(input)
	p.waitText("#action-"+itoa(id)+"-status", nl("action_status."+string(status)))
}

// TestLiveTogether has Anna and Mo on the same plan in two browsers: each
// sees the other, edits arrive without reloading, and a stale edit shows
// both versions instead of overwriting.
func TestLiveTogether(t *testing.T) {
	t.Parallel()
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		annaPage, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		annaPage.signedIn(anna)
		moPage.signedIn(mo)
		annaName, moName := nameOf(t, h, anna), nameOf(t, h, mo)
		for _, p := range []*tab{annaPage, moPage} {
			p.goToPlan(h.planPath(""))
			p.keepsPage()
		}

		t.Run("presence shows both viewers", func(t *testing.T) {
			for _, p := range []*tab{annaPage.in(t), moPage.in(t)} {
				p.waitText("#presence-viewers", annaName)
				p.waitText("#presence-viewers", moName)
			}
		})

		first, second := h.actions[0], h.actions[1]

		t.Run("an inline edit appears on the other page", func(t *testing.T) {
			annaPage, moPage := annaPage.in(t), moPage.in(t)
			title := "Voorlichting op alle scholen, ook het mbo"
			annaPage.editTitle(first.ID, title)
			moPage.waitText("#action-"+itoa(first.ID)+"-title h3", title)
			moPage.stillSamePage()
			if got := h.reload(t, first.ID).Title; got != title {
				t.Errorf("saved title = %q, want %q", got, title)
			}
		})

		t.Run("someone editing a field is shown to the other", func(t *testing.T) {
			annaPage, moPage := annaPage.in(t), moPage.in(t)
			input := moPage.openField(second.ID, "title")
			annaPage.waitText("#presence-"+itoa(second.ID)+"-title", moName)
			moPage.do("leave the editor", chromedp.Click(chromedp.CSS("#action-"+itoa(second.ID)+"-title [data-cancel]")))
			moPage.waitGone(input)
			annaPage.waitNoText("#presence-"+itoa(second.ID)+"-title", moName)
		})

		t.Run("another's update is announced politely and leaves the focus in the field being edited", func(t *testing.T) {
			annaPage, moPage := annaPage.in(t), moPage.in(t)
			third := h.actions[2]
			input := moPage.openField(third.ID, "title")
			typed := "Half getypt, nog niet opgeslagen"
			moPage.fill(input, typed)

			annaPage.setStatus(third.ID, model.ActionBlocked)
			moPage.waitText("#action-"+itoa(third.ID)+"-status", nl("action_status."+string(model.ActionBlocked)))
			// A new status brings its default progress along.
			fields := strings.ToLower(nl("actions.field.status") + ", " + nl("actions.field.progress"))
			moPage.waitText("#live-status", nl("live.news.action_changed", "Name", annaName, "Title", third.Title, "Fields", fields))
			if role := eval[string](moPage, `document.getElementById("live-status").getAttribute("aria-live")`); role != "polite" {
				t.Errorf("the live region is aria-live=%q, want polite", role)
			}
			if got := moPage.focusedID(); got != input[1:] {
				t.Errorf("after Anna's update the focus is on %q, want it still in %s", got, input)
			}
			if got := eval[string](moPage, "document.activeElement.value"); got != typed {
				t.Errorf("after Anna's update the field holds %q, want what Mo typed: %q", got, typed)
			}
			if got := annaPage.text("#live-status"); got != "" {
				t.Errorf("Anna is told of her own change: %q", got)
			}

			// Anna changes the very title Mo is typing: his editor stays,
			// with what he typed, and says so.
			annaTitle := "Signalenkaart verspreiden (gemeente)"
			annaPage.editTitle(third.ID, annaTitle)
			moPage.waitVisible("#action-" + itoa(third.ID) + "-title [data-stale-note]")
			moPage.waitText("#live-status", nl("live.news.action_changed", "Name", annaName, "Title", annaTitle, "Fields", strings.ToLower(nl("actions.field.title"))))
			if got := moPage.focusedID(); got != input[1:] {
				t.Errorf("after Anna's title change the focus is on %q, want it still in %s", got, input)
			}
			if got := eval[string](moPage, "document.activeElement.value"); got != typed {
				t.Errorf("after Anna's title change the field holds %q, want %q", got, typed)
			}
			moPage.press(kb.Escape)
			moPage.waitGone(input)
			moPage.stillSamePage()
		})

		t.Run("a stale edit shows the conflict view", func(t *testing.T) {
			annaPage, moPage := annaPage.in(t), moPage.in(t)
			field := "#action-" + itoa(second.ID) + "-title"
			annaInput := annaPage.openField(second.ID, "title")
			moInput := moPage.openField(second.ID, "title")
			annaTitle, moTitle := "Trainen in het gesprek over grenzen (gemeente)", "Jongerenwerkers trainen (ketenpartner)"

			annaPage.fill(annaInput, annaTitle)
			annaPage.press("\r")
			annaPage.waitText(field+" h3", annaTitle)

			// Mo's editor stays open and says that the field changed.
			moPage.waitVisible(field + " [data-stale-note]")
			moPage.fill(moInput, moTitle)
			moPage.press("\r")
			moPage.waitVisible(field + ".schakel-field--conflict")
			moPage.waitText(field, nl("conflict.message", "Name", annaName))
			moPage.waitText(field+" .schakel-conflict__value:not(.schakel-conflict__value--mine)", annaTitle)
			moPage.waitText(field+" .schakel-conflict__value--mine", moTitle)
			if got := h.reload(t, second.ID).Title; got != annaTitle {
				t.Fatalf("after the refused save the title is %q, want Anna's %q", got, annaTitle)
			}

			// The conflict takes the focus to its message (which may scroll
			// the page); then Mo chooses his own version, and Anna sees it
			// arrive.
			moPage.until("the focus on the conflict's message", "document.activeElement && document.activeElement.id === "+js(field[1:]+"-conflict"))
			moPage.click(field + " .schakel-conflict__choices button[type=submit]:not([name])")
			moPage.waitText(field+" h3", moTitle)
			annaPage.waitText(field+" h3", moTitle)
			annaPage.stillSamePage()
			moPage.stillSamePage()
		})
	})
}

// TestLiveFilteredBoard has Mo look at the actions in progress while Anna
// changes one's status: it leaves Mo's board, and comes back with its old
// status, without reloading.
func TestLiveFilteredBoard(t *testing.T) {
	t.Parallel()
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		annaPage, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		annaPage.signedIn(anna)
		moPage.signedIn(mo)
		a := h.action(t, model.ThemePrevention, model.ActionInProgress)
		item := "#action-" + itoa(a.ID)

		annaPage.goToPlan(h.planPath(""))
		moPage.goToPlan(h.planPath("status=" + string(model.ActionInProgress)))
		moPage.keepsPage()
		moPage.waitText(item+"-title", a.Title)
		for _, other := range h.actions {
			if other.Status != model.ActionInProgress && moPage.exists("#action-"+itoa(other.ID)) {
				t.Fatalf("the filtered board shows %q, which is %s", other.Title, other.Status)
			}
		}

		inProgress := 0
		for _, other := range h.actions {
			if other.Status == model.ActionInProgress {
				inProgress++
			}
		}
		moPage.waitText("#filter-count", nl("plans.filter.shown", "Shown", inProgress, "Count", len(h.actions)))
		tests := []struct {
			name       string
			status     model.ActionStatus
			shown      bool
			shownCount int
		}{
			{"done: leaves the board of actions in progress", model.ActionDone, false, inProgress - 1},
			{"in progress again: comes back", model.ActionInProgress, true, inProgress},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				annaPage, moPage := annaPage.in(t), moPage.in(t)
				annaPage.setStatus(a.ID, tt.status)
				if tt.shown {
					moPage.waitText(item+"-title", a.Title)
					moPage.waitText(item+"-summary .schakel-summary__status", nl("action_status."+string(tt.status)))
				} else {
					moPage.waitGone(item)
				}
				// The filter's count follows.
				moPage.waitText("#filter-count", nl("plans.filter.shown", "Shown", tt.shownCount, "Count", len(h.actions)))
				moPage.stillSamePage()
			})
		}
	})
}
