package e2e_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"schakel/app/store"
	"schakel/app/testkit"
)

// TestGuideAccessibility checks the children's-rights guide and the
// coverage of a plan with axe-core, in the states a reader and an editor
// meet: the index, an article with its actions, the edit form with its
// errors, the history with what changed, the coverage table with the
// actions of one number, and a training's links to the guide.
func TestGuideAccessibility(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	h := startHavenstad(t, testkit.NewDB(t, "sqlite"))
	annaPage, lottePage := b.open(h.env, "anna"), b.open(h.env, "lotte")
	annaPage.signedIn(anna)
	lottePage.signedIn(lotte)
	meetings, err := store.Meetings(context.Background(), h.env.DB, h.workspace)
	if err != nil || len(meetings) == 0 {
		t.Fatalf("Havenstad's meetings: %v", err)
	}
	training := ""
	for _, m := range meetings {
		if m.Kind == "training" {
			training = h.workspacePath() + "/meetings/" + itoa(m.ID)
		}
	}
	if training == "" {
		t.Fatal("Havenstad has no training")
	}

	tests := []struct {
		name string
		page *tab
		show func(p *tab)
	}{
		{"guide", annaPage, func(p *tab) {
			p.goTo("/guide")
			p.waitText("h1", nl("guide.title"))
		}},
		{"guide article with actions", annaPage, func(p *tab) { p.goTo("/guide/ivrk-12") }},
		{"guide article of the directive, in English", lottePage, func(p *tab) {
			p.goTo("/guide/eu-14")
			p.click(`button[name=lang][value=en]`)
			p.waitText("#guide-actions", en("guide.actions_heading"))
		}},
		{"guide: editing with errors", lottePage, func(p *tab) {
			p.goTo("/guide/ivrk-3/nl/edit")
			p.do("empty the title, past the browser's own check", chromedp.Evaluate[chromedp.Void](`(() => { const f = document.getElementById("guide-title"); f.removeAttribute("required"); f.value = "" })()`))
			p.click(`.schakel-guide-form button[type=submit]`)
			p.waitVisible("#guide-title-error")
		}},
		{"guide: history with what changed", lottePage, func(p *tab) {
			p.goTo("/guide/ivrk-6/nl/edit")
			p.fill("#guide-title", "Leven, overleven en ontwikkeling")
			p.click(`.schakel-guide-form button[type=submit]`)
			p.waitText("#alerts", en("notice.guide_saved")) // Lotte reads in English since the step before
			p.goTo("/guide/ivrk-6/history?lang=nl")
			p.waitVisible("#guide-diff ins")
		}},
		{"coverage with the actions of a number", annaPage, func(p *tab) {
			p.goTo(h.workspacePath() + "/plans/" + itoa(h.plan.ID) + "/coverage")
			p.waitVisible(".schakel-coverage__table")
			p.click(".schakel-coverage__count")
			p.waitVisible("#coverage-actions")
		}},
		{"training with the guide", annaPage, func(p *tab) {
			p.goTo(training)
			p.waitVisible(".schakel-guide-training")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.page.in(t)
			p.colorScheme("light")
			tt.show(p)
			p.checkAccessibility(tt.name + " (light)")
			p.colorScheme("dark")
			p.checkColours(tt.name + " (dark)")
			p.colorScheme("light")
		})
	}
}
