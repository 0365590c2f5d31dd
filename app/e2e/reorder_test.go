package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// order returns the ids of the actions the page lists under a theme.
func (p *tab) order(theme model.Theme) string {
	p.t.Helper()
	return eval[string](p, `Array.from(document.querySelectorAll("#theme-`+string(theme)+`-actions > li.schakel-action[data-id]")).map(li => li.dataset.id).join(",")`)
}

// waitOrder waits until the page lists want under the theme.
func (p *tab) waitOrder(theme model.Theme, want string) {
	p.t.Helper()
	p.until(fmt.Sprintf("the actions of %s in the order %s (now %s)", theme, want, p.order(theme)),
		`Array.from(document.querySelectorAll("#theme-`+string(theme)+`-actions > li.schakel-action[data-id]")).map(li => li.dataset.id).join(",") === `+js(want))
}

// ids joins action ids as the page's order lists them.
func ids(actions ...model.Action) string {
	s := make([]string, len(actions))
	for i, a := range actions {
		s[i] = itoa(a.ID)
	}
	return strings.Join(s, ",")
}

// savedOrder is the order of a theme's actions as the database holds it.
func (h *havenstad) savedOrder(t *testing.T, theme model.Theme) string {
	t.Helper()
	actions, err := store.Actions(context.Background(), h.env.DB, h.workspace, h.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	actions = slices.DeleteFunc(actions, func(a model.Action) bool { return a.Theme != theme || a.DeletedAt != nil })
	return ids(actions...)
}

// TestReorderByKeyboard moves an action with the Up and Down buttons,
// pressed from the keyboard: the list changes, the focus stays on the
// button, the move is announced and it is still so after reloading.
func TestReorderByKeyboard(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		p.goToPlan(h.planPath(""))
		list := h.inTheme(model.ThemePrevention)
		if len(list) < 2 {
			t.Fatalf("the demo plan has %d actions on prevention; the test needs two", len(list))
		}
		first, second := list[0], list[1]
		p.waitOrder(model.ThemePrevention, ids(list...))

		tests := []struct {
			name   string
			button string
			key    string
			want   string
		}{
			{"Down with Enter moves the first action below the second", "#move-down-" + itoa(first.ID), "\r", ids(second, first)},
			{"Up with Space moves it back", "#move-up-" + itoa(first.ID), " ", ids(first, second)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := p.in(t)
				p.openRow(first.ID)
				p.onElement("focus "+tt.button, chromedp.Focus(chromedp.CSS(tt.button)))
				p.press(tt.key)
				p.waitOrder(model.ThemePrevention, tt.want)
				p.waitText("#alerts", first.Title)
				p.until("the focus back on "+tt.button, "document.activeElement && document.activeElement.id === "+js(tt.button[1:]))
				if !p.exists("#action-" + itoa(first.ID) + "-details") {
					t.Error("the moved row closed")
				}
				if got := h.savedOrder(t, model.ThemePrevention); got != tt.want {
					t.Errorf("saved order = %s, want %s", got, tt.want)
				}
				p.reloadPlan()
				p.waitOrder(model.ThemePrevention, tt.want)
			})
		}
	})
}

// center returns the middle of the element matching sel in the viewport,
// after scrolling it into view; dy moves the point down (or up) from there.
func (p *tab) center(sel string, dy float64) (x, y float64) {
	p.t.Helper()
	xy := eval[[]float64](p, `(() => { const r = document.querySelector(`+js(sel)+`).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	return xy[0], xy[1] + dy
}

// TestReorderByDragAndDrop drags actions by their handles with the mouse,
// within a theme and into another; each move is saved, shows on a second
// person's page without reloading and stays after a reload.
func TestReorderByDragAndDrop(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		p, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		p.signedIn(anna)
		moPage.signedIn(mo)
		// Both ends of a drag must be on screen at once.
		p.viewport(1280, 2400, false)
		p.goToPlan(h.planPath(""))
		moPage.goToPlan(h.planPath(""))
		moPage.keepsPage()
		prevention := h.inTheme(model.ThemePrevention)
		signalling := h.inTheme(model.ThemeSignalling)
		if len(prevention) < 2 || len(signalling) < 1 {
			t.Fatalf("the demo plan has %d actions on prevention and %d on signalling; the test needs 2 and 1", len(prevention), len(signalling))
		}
		first, second := prevention[0], prevention[1]

		tests := []struct {
			name string
			// drag is the action dragged by its handle, onto the top edge
			// of the row onto (a compact row is low: its upper half is not
			// far from its middle).
			drag, onto model.Action
			want       map[model.Theme]string
		}{
			{"within a theme: the second action onto the first", second, first,
				map[model.Theme]string{model.ThemePrevention: ids(second, first), model.ThemeSignalling: ids(signalling...)}},
			{"into another theme: the first action onto signalling's first", first, signalling[0],
				map[model.Theme]string{model.ThemePrevention: ids(second), model.ThemeSignalling: ids(append([]model.Action{first}, signalling...)...)}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p, moPage := p.in(t), moPage.in(t)
				handle := "#action-" + itoa(tt.drag.ID) + " .schakel-drag-handle"
				target := "#action-" + itoa(tt.onto.ID)
				p.do("scroll to "+target, chromedp.ScrollIntoView(chromedp.CSS(target)))
				fromX, fromY := p.center(handle, 0)
				height := eval[float64](p, `document.querySelector(`+js(target)+`).getBoundingClientRect().height`)
				toX, toY := p.center(target, -height/2+3)
				p.do("drag "+handle+" onto "+target, chromedp.DragAndDropXY(fromX, fromY, toX, toY, 20))
				for theme, want := range tt.want {
					p.waitOrder(theme, want)
				}
				for theme, want := range tt.want {
					eventually(t, "the order of "+string(theme)+" saved as "+want, func() bool { return h.savedOrder(t, theme) == want })
				}
				for theme, want := range tt.want {
					moPage.waitOrder(theme, want)
				}
				moPage.stillSamePage()
				p.reloadPlan()
				for theme, want := range tt.want {
					p.waitOrder(theme, want)
				}
			})
		}
	})
}
