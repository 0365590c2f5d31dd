package service_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestCompareAssessments(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setupToets(t, db)
		ctx := context.Background()
		// Two assessments answered by hand; the arithmetic below is done
		// by hand too.
		older := f.start(t, "Ouder")
		for q, s := range map[string]int{
			"preventie.reach": 1, "preventie.views": 2,
			"signalering.signs": 4, "signalering.route": 4, "signalering.heard": 3,
			"zorg.shelter": 2, "zorg.guardian": 2, "zorg.after18": 3,
		} {
			f.answer(t, f.mo, older, q, s, "")
		}
		if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, older.ID); err != nil {
			t.Fatal(err)
		}
		newer := f.start(t, "Nieuwer")
		for q, s := range map[string]int{
			"preventie.reach": 3, "preventie.views": 2, "preventie.screening": 4,
			"signalering.signs": 3, "signalering.route": 4,
			"opsporing.interview": 1,
			"zorg.shelter":        2, "zorg.guardian": 3, "zorg.after18": 3,
		} {
			f.answer(t, f.sanne, newer, q, s, "")
		}

		type change struct {
			delta int
			ok    bool
		}
		wantThemes := []struct {
			theme    model.Theme
			from, to int // averages in tenths, 0 for none
			change   change
		}{
			{model.ThemePrevention, 15, 30, change{15, true}},   // (1+2)/2 = 1.5; (3+2+4)/3 = 3.0
			{model.ThemeSignalling, 37, 35, change{-2, true}},   // 11/3 = 3.67; 7/2 = 3.5
			{model.ThemeInvestigation, 0, 10, change{0, false}}, // nothing before; 1
			{model.ThemeCare, 23, 27, change{4, true}},          // 7/3 = 2.33; 8/3 = 2.67
		}
		wantQuestions := map[string]change{
			"preventie.reach": {2, true}, "preventie.views": {0, true}, "preventie.screening": {0, false},
			"signalering.signs": {-1, true}, "signalering.route": {0, true}, "signalering.heard": {0, false},
			"opsporing.interview": {0, false}, "opsporing.age": {0, false}, "opsporing.victim_first": {0, false},
			"zorg.shelter": {0, true}, "zorg.guardian": {1, true}, "zorg.after18": {0, true},
		}
		check := func(t *testing.T, c *service.AssessmentComparison) {
			t.Helper()
			if c.From == nil || c.To == nil || c.From.ID != older.ID || c.To.ID != newer.ID {
				t.Fatalf("the older is not left, the newer not right: %+v / %+v", c.From, c.To)
			}
			if len(c.Themes) != len(wantThemes) {
				t.Fatalf("%d themes", len(c.Themes))
			}
			seen := 0
			for i, w := range wantThemes {
				th := c.Themes[i]
				tenths := func(a service.ScoreAverage) int {
					if !a.Valid() {
						return 0
					}
					return a.Tenths()
				}
				d, ok := th.AverageChange()
				if th.Theme != w.theme || tenths(th.From) != w.from || tenths(th.To) != w.to || (change{d, ok}) != w.change {
					t.Errorf("%s: %d → %d (%d, %v), want %d → %d (%+v)", th.Theme, tenths(th.From), tenths(th.To), d, ok, w.from, w.to, w.change)
				}
				for _, q := range th.Questions {
					seen++
					if d, ok := q.Change(); (change{d, ok}) != wantQuestions[q.Question] {
						t.Errorf("%s: %d → %d is %d/%v, want %+v", q.Question, q.From, q.To, d, ok, wantQuestions[q.Question])
					}
				}
			}
			if seen != len(wantQuestions) {
				t.Errorf("%d questions compared, want %d", seen, len(wantQuestions))
			}
			// All themes: 21/8 = 2.625 and 25/9 = 2.78.
			if d, ok := c.AverageChange(); c.FromAverage.Tenths() != 26 || c.ToAverage.Tenths() != 28 || d != 2 || !ok {
				t.Errorf("overall %d → %d (%d)", c.FromAverage.Tenths(), c.ToAverage.Tenths(), d)
			}
		}
		t.Run("newer with older, named", func(t *testing.T) {
			c, err := f.svc.CompareAssessments(ctx, f.lotte, f.ws, newer.ID, older.ID)
			if err != nil {
				t.Fatal(err)
			}
			check(t, c)
		})
		t.Run("older with newer: the same sides", func(t *testing.T) {
			c, err := f.svc.CompareAssessments(ctx, f.yousef, f.ws, older.ID, newer.ID)
			if err != nil {
				t.Fatal(err)
			}
			check(t, c)
		})
		t.Run("without a choice, with the one before", func(t *testing.T) {
			c, err := f.svc.CompareAssessments(ctx, f.anna, f.ws, newer.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			check(t, c)
		})
		t.Run("an assessment of another workspace is not found", func(t *testing.T) {
			theirs, err := f.svc.StartAssessment(ctx, f.pieter, f.other, service.AssessmentInput{Framework: model.FrameworkPillars})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.svc.CompareAssessments(ctx, f.anna, f.ws, newer.ID, theirs.ID); status(err) != 404 {
				t.Fatalf("with a foreign one: %v", err)
			}
			if _, err := f.svc.CompareAssessments(ctx, f.lotte, f.ws, theirs.ID, newer.ID); status(err) != 404 {
				t.Fatalf("a foreign one in this workspace, as the reviewer: %v", err)
			}
			if _, err := f.svc.CompareAssessments(ctx, f.anna, f.other, theirs.ID, 0); status(err) != 404 {
				t.Fatalf("in a workspace she is not in: %v", err)
			}
		})
		t.Run("alone, there is nothing to compare with", func(t *testing.T) {
			alone, err := f.svc.StartAssessment(ctx, f.pieter, f.other, service.AssessmentInput{Framework: model.FrameworkVNG})
			if status(err) != 409 {
				t.Fatalf("second open assessment in Lindendal: %v", err)
			}
			list, _ := store.Assessments(ctx, db, f.other)
			c, err := f.svc.CompareAssessments(ctx, f.pieter, f.other, list[0].ID, 0)
			if err != nil || c.To != nil || len(c.Themes) != 0 {
				t.Fatalf("comparison of a lone assessment: %+v, %v (%v)", c, err, alone)
			}
		})
	})
}
