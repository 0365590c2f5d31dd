package e2e_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
)

// TestPlanRows opens and closes an action's row from the keyboard and
// collapses a theme: the focus stays on what was pressed, the row's details
// come and go, and a collapsed theme keeps its count and roll-up.
func TestPlanRows(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		p.viewport(1280, 900, false)
		p.goToPlan(h.planPath(""))
		a := h.actions[0]
		toggle := "#open-" + itoa(a.ID)
		details := "#action-" + itoa(a.ID) + "-details"

		t.Run("Enter on a row's title opens its details in place", func(t *testing.T) {
			p := p.in(t)
			if p.exists(details) {
				t.Fatal("the row is open before it is opened")
			}
			p.focus(toggle)
			p.press("\r")
			p.waitVisible(details + " #action-" + itoa(a.ID) + "-status")
			p.waitVisible("#edit-" + itoa(a.ID) + "-status")
			if got := p.attr(toggle, "aria-expanded"); got != "true" {
				t.Errorf("the open row's title says aria-expanded=%q", got)
			}
			p.until("the focus still on the row's title", "document.activeElement && document.activeElement.id === "+js(toggle[1:]))
		})

		t.Run("the open row's field opens its editor", func(t *testing.T) {
			p := p.in(t)
			input := p.openField(a.ID, "status")
			p.press("\x1b")
			p.waitGone(input)
		})

		t.Run("Enter again closes it", func(t *testing.T) {
			p := p.in(t)
			p.focus(toggle)
			p.press("\r")
			p.waitGone(details)
			if got := p.attr(toggle, "aria-expanded"); got != "false" {
				t.Errorf("the closed row's title says aria-expanded=%q", got)
			}
			if got := p.focusedID(); got != toggle[1:] {
				t.Errorf("after closing the focus is on %q", got)
			}
		})

		t.Run("a collapsed theme keeps its count and roll-up", func(t *testing.T) {
			p := p.in(t)
			theme := string(a.Theme)
			count := nl("plans.action_count", "Count", len(h.inTheme(a.Theme)))
			p.focus("#theme-" + theme + "-toggle")
			p.press(" ")
			p.until("the theme's list hidden", `document.getElementById("theme-`+theme+`-actions").offsetParent === null`)
			if got := p.attr("#theme-"+theme+"-toggle", "aria-expanded"); got != "false" {
				t.Errorf("the collapsed theme's button says aria-expanded=%q", got)
			}
			p.waitVisible("#rollup-theme-" + theme + " .schakel-rollup__count")
			p.waitText("#rollup-theme-"+theme+" .schakel-rollup__count", count)
			p.waitVisible("#rollup-theme-" + theme + " progress")
			// It stays collapsed when the page is loaded again.
			p.reloadPlan()
			p.until("the theme still collapsed", `document.getElementById("theme-`+theme+`-actions").offsetParent === null`)
			p.click("#theme-" + theme + "-toggle")
			p.waitVisible("#theme-" + theme + "-actions")
		})
	})
}

// TestPlanHighlightsAColleaguesChange has Mo change an action's status
// while Anna looks: her page shows the row and cell lit up with Mo's name;
// his own page does not.
func TestPlanHighlightsAColleaguesChange(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		annaPage, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		annaPage.signedIn(anna)
		moPage.signedIn(mo)
		for _, p := range []*tab{annaPage, moPage} {
			p.goToPlan(h.planPath(""))
		}
		a := h.action(t, model.ThemePrevention, model.ActionInProgress)
		row := "#action-" + itoa(a.ID)
		moPage.setStatus(a.ID, model.ActionBlocked)

		annaPage.waitVisible(row + ".schakel-action--changed .schakel-summary__status.schakel-changed")
		annaPage.waitText(row+" .schakel-action__changed-by", nameOf(t, h, mo))
		annaPage.waitText(row+"-summary .schakel-summary__status", nl("action_status."+string(model.ActionBlocked)))
		if moPage.exists(row + ".schakel-action--changed") {
			t.Error("Mo's own change is highlighted on his page")
		}
		// The highlight is brief.
		annaPage.waitGone(row + ".schakel-action--changed")
		annaPage.waitGone(row + " .schakel-action__changed-by")
	})
}

// TestPlanOnAPhone shows the board 375 px wide: each row is a card, its
// cells below its title with their labels; on a desktop they share its
// line and the labels are for screen readers only.
func TestPlanOnAPhone(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		a := h.actions[0]
		title := "#action-" + itoa(a.ID) + "-title"
		status := "#action-" + itoa(a.ID) + "-summary .schakel-summary__status"
		label := status + " dt"

		tests := []struct {
			name   string
			width  int64
			mobile bool
			// card: the cells are below the title, labelled.
			card bool
		}{
			{"phone", 375, true, true},
			{"desktop", 1280, false, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := p.in(t)
				p.viewport(tt.width, 900, tt.mobile)
				p.goToPlan(h.planPath(""))
				titleBottom := eval[float64](p, `document.querySelector(`+js(title)+`).getBoundingClientRect().bottom`)
				statusTop := eval[float64](p, `document.querySelector(`+js(status)+`).getBoundingClientRect().top`)
				labelWidth := eval[float64](p, `document.querySelector(`+js(label)+`).getBoundingClientRect().width`)
				rowWidth := eval[float64](p, `document.querySelector("#action-`+itoa(a.ID)+`").getBoundingClientRect().width`)
				if below := statusTop >= titleBottom-1; below != tt.card {
					t.Errorf("status at %.0f, title ends at %.0f: below the title %v, want %v", statusTop, titleBottom, below, tt.card)
				}
				if shown := labelWidth > 1; shown != tt.card {
					t.Errorf("the status label is %.0f px wide: shown %v, want %v", labelWidth, shown, tt.card)
				}
				if tt.card && rowWidth > float64(tt.width) {
					t.Errorf("the card is %.0f px wide on a %d px screen", rowWidth, tt.width)
				}
				if got := eval[bool](p, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); got {
					t.Error("the page scrolls sideways")
				}
			})
		}
	})
}

// focus puts the keyboard focus on the element sel.
func (p *tab) focus(sel string) {
	p.t.Helper()
	p.onElement("focus "+sel, chromedp.Focus(chromedp.CSS(sel)))
}

// attr is an attribute of the element sel, "" when it has none.
func (p *tab) attr(sel, name string) string {
	p.t.Helper()
	return eval[string](p, `document.querySelector(`+js(sel)+`).getAttribute(`+js(name)+`) || ""`)
}
