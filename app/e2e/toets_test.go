package e2e_test

import (
	"context"
	"testing"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestToetsAndProgressInTheBrowser answers a question of Havenstad's open
// kinderrechtentoets as its coordinator does, with htmx: the answer is
// saved in place, the count of answered questions follows, and the focus
// stays on the button. Every page of the toets and the progress chart is
// checked with axe-core in the light colour scheme, and for contrast in
// the dark one.
func TestToetsAndProgressInTheBrowser(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	h := startHavenstad(t, testkit.NewDB(t, "sqlite"))
	annaPage := b.open(h.env, "anna")
	annaPage.signedIn(anna)
	list, err := store.Assessments(context.Background(), h.env.DB, h.workspace)
	if err != nil || len(list) != 2 || list[0].Completed() || !list[1].Completed() {
		t.Fatalf("Havenstad's demo assessments: %v, %+v", err, list)
	}
	open, done := list[0], list[1]
	toets := h.workspacePath() + "/toets"
	sheet := toets + "/" + itoa(open.ID)
	// The question the demo left unanswered in the open assessment.
	const q = "q-signalering-heard"

	t.Run("a question answered in place", func(t *testing.T) {
		p := annaPage.in(t)
		p.goTo(sheet)
		before := p.text("#toets-answered")
		p.click("#" + q + "-score-3")
		p.fill("#"+q+"-note", "Jongeren krijgen uitleg over wat er met een signaal gebeurt.")
		p.click("#" + q + "-save")
		p.waitText("#"+q+" .schakel-toets-meta", nl("toets.saved"))
		p.waitText("#alerts", nl("notice.toets_answer_saved"))
		if after := p.text("#toets-answered"); after == before {
			t.Errorf("the count of answered questions stayed %q", after)
		}
		if got := p.focusedID(); got != q+"-save" {
			t.Errorf("the focus went to %q, not back to the save button", got)
		}
		var a model.AssessmentAnswer
		if err := h.env.DB.NewSelect().Model(&a).Where("assessment_id = ? AND question = ?", open.ID, "signalering.heard").Scan(context.Background()); err != nil || a.Score != 3 {
			t.Fatalf("stored answer %+v: %v", a, err)
		}
	})

	pages := []struct {
		name string
		show func(p *tab)
	}{
		{"toets list", func(p *tab) { p.goTo(toets) }},
		{"open toets", func(p *tab) { p.goTo(sheet) }},
		{"toets answer refused", func(p *tab) {
			p.goTo(sheet)
			p.fill("#"+q+"-note", "Bel de moeder op 06-12345678.")
			p.click("#" + q + "-save")
			p.waitVisible("#" + q + "-note-guard")
		}},
		{"completed toets", func(p *tab) { p.goTo(toets + "/" + itoa(done.ID)) }},
		{"comparison", func(p *tab) { p.goTo(sheet + "/compare") }},
		{"progress over time", func(p *tab) { p.goTo(h.workspacePath() + "/progress") }},
	}
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			p := annaPage.in(t)
			p.colorScheme("light")
			pg.show(p)
			p.checkAccessibility(pg.name)
			p.colorScheme("dark")
			p.checkColours(pg.name + " (dark)")
			p.colorScheme("light")
		})
	}
}
