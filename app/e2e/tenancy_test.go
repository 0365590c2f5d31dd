package e2e_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"
)

// TestOtherMunicipalityGetsNotFound has Pieter, coordinator of Lindendal,
// open Havenstad's pages by their addresses: each answers "not found" and
// shows nothing of Havenstad, exactly as an address that does not exist.
func TestOtherMunicipalityGetsNotFound(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "pieter")
		p.signedIn(pieter)
		a := h.actions[0]
		tests := []struct {
			name string
			path string
		}{
			{"the plan", h.planPath("")},
			{"the filtered plan", h.planPath("status=bezig")},
			{"an action", h.actionPath(a.ID)},
			{"an action's field editor", h.actionPath(a.ID) + "/fields/title/edit"},
			{"the workspace", h.workspacePath()},
			{"an action that does not exist, for comparison", h.actionPath(999999)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := p.in(t)
				ctx, cancel := context.WithTimeout(p.ctx, waitFor)
				defer cancel()
				resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(h.env.URL+tt.path))
				if err != nil {
					t.Fatalf("open %s: %v", tt.path, err)
				}
				if resp.Status != 404 {
					t.Errorf("status = %d, want 404", resp.Status)
				}
				p.waitText("h1", nl("errorpage.not_found.heading"))
				p.waitText("main", nl("errorpage.not_found.message"))
				body := p.text("body")
				for _, secret := range []string{"Havenstad", h.plan.Title, a.Title} {
					if strings.Contains(body, secret) {
						t.Errorf("the not-found page shows %q", secret)
					}
				}
			})
		}
	})
}
