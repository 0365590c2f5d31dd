package e2e_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/testkit"
)

// TestDeleteOffersUndoWhenThePushComesFirst deletes an action while the
// answer to the delete is slow: the live update of the same deletion
// reaches the page first. The page must still end up offering the undo,
// not lose the action without one.
func TestDeleteOffersUndoWhenThePushComesFirst(t *testing.T) {
	t.Parallel()
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		p.goToPlan(h.planPath(""))
		a := h.actions[len(h.actions)-1]
		total := len(h.actions)

		// Hold the answer to the delete once the server has given it.
		paused := chromedp.Events(p.ctx, fetch.RequestPaused)
		p.do("hold answers to deletes", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{
				URLPattern: "*/actions/" + itoa(a.ID) + "/delete", RequestStage: fetch.RequestStageResponse,
			}}})
			return err
		}))
		p.openRow(a.ID)
		p.click("#delete-" + itoa(a.ID))
		var held fetch.RequestID
		for ev, err := range paused {
			if err != nil {
				t.Fatalf("waiting for the answer to the delete: %v", err)
			}
			held = ev.RequestID
			break
		}
		// The push of the deletion has reached the page: its totals say so.
		p.waitText("#rollup-plan .schakel-rollup__count", nl("plans.action_count", "Count", total-1))
		p.do("let the answer through", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, fetch.Disable, cdp.Empty{})
			return err
		}))
		p.waitVisible("#undo-" + itoa(a.ID))
		p.waitText("#action-"+itoa(a.ID)+"-deleted", a.Title)

		p.click("#undo-" + itoa(a.ID))
		p.waitText("#action-"+itoa(a.ID)+"-title h3", a.Title)
		p.waitGone("#action-" + itoa(a.ID) + "-deleted")
		if h.reload(t, a.ID).DeletedAt != nil {
			t.Error("the action is still deleted after the undo")
		}
	})
}
