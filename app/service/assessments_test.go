package service_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// toetsFixture is the service fixture with Havenstad's demo assessment
// completed, so that a new one can start, and the reviewer.
type toetsFixture struct {
	*fixture
	lotte *model.User
}

func setupToets(t *testing.T, db *bun.DB) *toetsFixture {
	t.Helper()
	f := &toetsFixture{fixture: setup(t, db)}
	ctx := context.Background()
	var err error
	if f.lotte, err = store.UserByEmail(ctx, db, "lotte.visser@defenceforchildren.example"); err != nil {
		t.Fatal(err)
	}
	if open, err := store.OpenAssessment(ctx, db, f.ws); err == nil {
		if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, open.ID); err != nil {
			t.Fatalf("complete the demo's open assessment: %v", err)
		}
	}
	return f
}

// start starts an assessment on the four pillars as Anna.
func (f *toetsFixture) start(t *testing.T, title string) *model.Assessment {
	t.Helper()
	a, err := f.svc.StartAssessment(context.Background(), f.anna, f.ws, service.AssessmentInput{Title: title, Framework: model.FrameworkPillars})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// answer saves a score (and note) at the answer's current version.
func (f *toetsFixture) answer(t *testing.T, u *model.User, a *model.Assessment, question string, score int, note string) *model.AssessmentAnswer {
	t.Helper()
	ctx := context.Background()
	cur, err := store.AssessmentAnswer(ctx, f.db, f.ws, a.ID, question)
	if err != nil {
		t.Fatal(err)
	}
	s := ""
	if score != 0 {
		s = strconv.Itoa(score)
	}
	got, err := f.svc.SaveAnswer(ctx, u, f.ws, a.ID, service.AnswerInput{Question: question, Score: s, Note: note, Version: cur.Version})
	if err != nil {
		t.Fatalf("answer %s: %v", question, err)
	}
	return got
}

func TestAssessmentRoles(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setupToets(t, db)
		ctx := context.Background()
		a := f.start(t, "Rollen")
		people := []struct {
			name string
			u    *model.User
			// start, answer, complete and read are the statuses each gets.
			start, answer, complete, read int
		}{
			{"a coordinator starts, answers, completes and reads", f.anna, 409, 200, 200, 200},
			{"an editor answers and reads", f.mo, 403, 200, 403, 200},
			{"a contributor (chain partner) answers and reads", f.sanne, 403, 200, 403, 200},
			{"a viewer reads", f.yousef, 403, 403, 403, 200},
			{"the reviewer reads every workspace's", f.lotte, 403, 403, 403, 200},
			{"a coordinator elsewhere finds nothing", f.pieter, 404, 404, 404, 404},
		}
		for _, p := range people {
			t.Run(p.name, func(t *testing.T) {
				// Starting while one is open is refused (409) for whoever may
				// start; the others never get that far.
				_, err := f.svc.StartAssessment(ctx, p.u, f.ws, service.AssessmentInput{Framework: model.FrameworkPillars})
				if got := status(err); got != p.start {
					t.Errorf("start: %d (%v), want %d", got, err, p.start)
				}
				cur, _ := store.AssessmentAnswer(ctx, db, f.ws, a.ID, "zorg.shelter")
				_, err = f.svc.SaveAnswer(ctx, p.u, f.ws, a.ID, service.AnswerInput{Question: "zorg.shelter", Score: strconv.Itoa(1 + cur.Version%4), Version: cur.Version})
				if got := status(err); got != p.answer {
					t.Errorf("answer: %d (%v), want %d", got, err, p.answer)
				}
				_, err = f.svc.Assessment(ctx, p.u, f.ws, a.ID)
				if got := status(err); got != p.read {
					t.Errorf("read: %d (%v), want %d", got, err, p.read)
				}
				if _, err = f.svc.Assessments(ctx, p.u, f.ws); status(err) != p.read {
					t.Errorf("list: %d (%v), want %d", status(err), err, p.read)
				}
				if p.complete != 200 {
					_, err = f.svc.CompleteAssessment(ctx, p.u, f.ws, a.ID)
					if got := status(err); got != p.complete {
						t.Errorf("complete: %d (%v), want %d", got, err, p.complete)
					}
				}
			})
		}
		t.Run("the coordinator completes it, and then nobody answers", func(t *testing.T) {
			done, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, a.ID)
			if err != nil || done.CompletedAt == nil || *done.CompletedBy != f.anna.ID {
				t.Fatalf("complete: %+v, %v", done, err)
			}
			cur, _ := store.AssessmentAnswer(ctx, db, f.ws, a.ID, "zorg.shelter")
			_, err = f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, service.AnswerInput{Question: "zorg.shelter", Score: "4", Version: cur.Version})
			if e, ok := apperr.As(err); !ok || e.Status != 409 || e.MessageID != "toets.error.completed" {
				t.Fatalf("answer to a completed assessment: %v", err)
			}
			if after, _ := store.AssessmentAnswer(ctx, db, f.ws, a.ID, "zorg.shelter"); after.Version != cur.Version || after.Score != cur.Score {
				t.Fatalf("the refused answer changed it: %+v → %+v", cur, after)
			}
			if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, a.ID); status(err) != 409 {
				t.Fatalf("completing twice: %v", err)
			}
			// Now a new one can start.
			if _, err := f.svc.StartAssessment(ctx, f.anna, f.ws, service.AssessmentInput{Framework: model.FrameworkVNG}); err != nil {
				t.Fatalf("start after completing: %v", err)
			}
		})
	})
}

func TestAssessmentStartAndComplete(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setupToets(t, db)
		ctx := context.Background()
		bad := []struct {
			name  string
			in    service.AssessmentInput
			field string
		}{
			{"unknown framework", service.AssessmentInput{Framework: "alles"}, "framework"},
			{"no framework", service.AssessmentInput{}, "framework"},
			{"title too long", service.AssessmentInput{Title: strings.Repeat("t", service.MaxTitle+1), Framework: model.FrameworkPillars}, "title"},
			{"title not UTF-8", service.AssessmentInput{Title: "Meting \xff", Framework: model.FrameworkPillars}, "title"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				_, err := f.svc.StartAssessment(ctx, f.anna, f.ws, tt.in)
				if e, ok := apperr.As(err); !ok || e.Fields[tt.field] == "" {
					t.Fatalf("want a message on %s, got %v", tt.field, err)
				}
			})
		}
		if list, _ := store.Assessments(ctx, db, f.ws); len(list) != 2 {
			t.Fatalf("refused starts stored assessments: %d", len(list))
		}
		t.Run("every question of the framework's themes, unanswered", func(t *testing.T) {
			a, err := f.svc.StartAssessment(ctx, f.anna, f.ws, service.AssessmentInput{Framework: model.FrameworkBoth})
			if err != nil {
				t.Fatal(err)
			}
			sheet, err := f.svc.Assessment(ctx, f.yousef, f.ws, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, th := range model.FrameworkBoth.Themes() {
				n := len(model.AssessmentQuestions[th])
				if n < 2 || n > 4 {
					t.Errorf("theme %s has %d questions, want 2 to 4", th, n)
				}
				want += n
			}
			if sheet.Questions != want || sheet.Answered != 0 || len(sheet.Themes) != 9 || sheet.Themes[0].Theme != model.ThemePrevention {
				t.Fatalf("sheet: %d questions (want %d), %d answered, %d themes", sheet.Questions, want, sheet.Answered, len(sheet.Themes))
			}
			if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, a.ID); status(err) != 422 {
				t.Fatalf("completing without any answer: %v", err)
			}
			f.answer(t, f.sanne, a, "opsporing.age", 3, "")
			if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, a.ID); err != nil {
				t.Fatalf("completing with one answer: %v", err)
			}
		})
		t.Run("the default framework is the current plan's", func(t *testing.T) {
			got, err := f.svc.DefaultAssessmentFramework(ctx, f.anna, f.other)
			if status(err) != 404 {
				t.Fatalf("another workspace: %v, %v", got, err)
			}
			if got, err = f.svc.DefaultAssessmentFramework(ctx, f.anna, f.ws); err != nil || got != model.FrameworkPillars {
				t.Fatalf("Havenstad: %v, %v", got, err)
			}
		})
	})
}

func TestSaveAnswer(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setupToets(t, db)
		ctx := context.Background()
		a := f.start(t, "Antwoorden")
		const q = "signalering.heard"
		load := func() *model.AssessmentAnswer {
			cur, err := store.AssessmentAnswer(ctx, db, f.ws, a.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			return cur
		}
		changes := func() int {
			n, err := db.NewSelect().Model((*model.Change)(nil)).Where("entity = ?", model.EntityAssessmentAnswer).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		t.Run("refused input changes nothing", func(t *testing.T) {
			before, n := load(), changes()
			bad := []struct {
				name        string
				in          service.AnswerInput
				status      int
				field, mess string
			}{
				{"score above 4", service.AnswerInput{Score: "5"}, 422, "score", "toets.error.score"},
				{"score 0", service.AnswerInput{Score: "0"}, 422, "score", "toets.error.score"},
				{"negative score", service.AnswerInput{Score: "-1"}, 422, "score", "toets.error.score"},
				{"score in words", service.AnswerInput{Score: "volledig"}, 422, "score", "toets.error.score"},
				{"note too long", service.AnswerInput{Score: "3", Note: strings.Repeat("n", service.MaxAnswerNote+1)}, 422, "note", "validation.too_long"},
				{"note not UTF-8", service.AnswerInput{Score: "3", Note: "Goed \xff\xfe geregeld"}, 422, "note", "validation.invalid_text"},
				{"note with a phone number", service.AnswerInput{Score: "3", Note: "Bel de moeder op 06-12345678."}, 422, "note", "textguard.refused"},
				{"note with a date of birth", service.AnswerInput{Note: "Meisje geboren op 12-03-2011."}, 422, "note", "textguard.refused"},
				{"note with a postcode", service.AnswerInput{Note: "Woont aan de Kerkstraat 12, 1234 AB."}, 422, "note", "textguard.refused"},
				{"stale version 0", service.AnswerInput{Score: "3"}, 422, "", "error.version"},
				{"version from the future", service.AnswerInput{Score: "3", Version: 99}, 422, "", "error.version"},
				{"unknown question", service.AnswerInput{Question: "preventie.onbekend", Score: "3"}, 404, "", "error.not_found"},
			}
			for _, tt := range bad {
				t.Run(tt.name, func(t *testing.T) {
					in := tt.in
					if in.Question == "" {
						in.Question = q
					}
					if in.Version == 0 && tt.mess != "error.version" {
						in.Version = before.Version
					}
					_, err := f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, in)
					e, ok := apperr.As(err)
					if !ok || e.Status != tt.status {
						t.Fatalf("got %v, want %d", err, tt.status)
					}
					if tt.field != "" && e.Fields[tt.field] != tt.mess || tt.field == "" && e.MessageID != tt.mess {
						t.Fatalf("got %+v, want %s on %q", e, tt.mess, tt.field)
					}
				})
			}
			if after := load(); after.Version != before.Version || after.Score != before.Score || after.Note != before.Note || changes() != n {
				t.Fatalf("refused input changed the answer: %+v → %+v", before, after)
			}
		})

		t.Run("an assessment of another workspace is not found", func(t *testing.T) {
			theirs, err := f.svc.StartAssessment(ctx, f.pieter, f.other, service.AssessmentInput{Framework: model.FrameworkVNG})
			if err != nil {
				t.Fatal(err)
			}
			// Havenstad's coordinator, in her own workspace, with the id of
			// Lindendal's assessment.
			_, err = f.svc.SaveAnswer(ctx, f.anna, f.ws, theirs.ID, service.AnswerInput{Question: "beleid.rights", Score: "3", Version: 1})
			if status(err) != 404 {
				t.Fatalf("answer: %v", err)
			}
			if _, err := f.svc.Assessment(ctx, f.anna, f.ws, theirs.ID); status(err) != 404 {
				t.Fatalf("read: %v", err)
			}
			if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, theirs.ID); status(err) != 404 {
				t.Fatalf("complete: %v", err)
			}
		})

		t.Run("versioned: a stale score is a conflict, a note beside it is kept", func(t *testing.T) {
			base := load()
			saved, err := f.svc.SaveAnswer(ctx, f.anna, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Version: base.Version})
			if err != nil || saved.Score != 3 || saved.Version != base.Version+1 || saved.Answerer == nil || saved.Answerer.Name != f.anna.Name {
				t.Fatalf("first save: %+v, %v", saved, err)
			}
			// Mo started from the same version and chose another score.
			_, err = f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, service.AnswerInput{Question: q, Score: "2", Version: base.Version})
			var c *service.Conflict
			if !errors.As(err, &c) || c.Field != "score" || c.Theirs != "3" || c.Mine != "2" || c.ByUserID != f.anna.ID {
				t.Fatalf("stale score: %v (%+v)", err, c)
			}
			if got := load(); got.Score != 3 {
				t.Fatalf("the stale score overwrote: %d", got.Score)
			}
			// Mo's note alone, from the old version, with the score as
			// Anna left it: nobody changed the note, so it is saved.
			saved, err = f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: "Er is een folder voor jongeren.", Version: base.Version})
			if err != nil || saved.Score != 3 || saved.Note != "Er is een folder voor jongeren." || saved.Version != base.Version+2 {
				t.Fatalf("note beside a changed score: %+v, %v", saved, err)
			}
			// Saving what is there changes nothing.
			same, err := f.svc.SaveAnswer(ctx, f.sanne, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: "Er is een folder voor jongeren.", Version: base.Version})
			if err != nil || same.Version != saved.Version || same.Answerer == nil || same.Answerer.ID != f.mo.ID {
				t.Fatalf("unchanged save: %+v, %v", same, err)
			}
		})

		t.Run("notes written at once are merged where they do not overlap", func(t *testing.T) {
			start := "Voorlichting op school.\nUitleg bij een signaal.\nNazorg volgt."
			f.answer(t, f.anna, a, q, 3, start)
			base := load()
			annas := "Voorlichting op alle scholen.\nUitleg bij een signaal.\nNazorg volgt."
			mos := "Voorlichting op school.\nUitleg bij een signaal.\nNazorg volgt binnen een week."
			if _, err := f.svc.SaveAnswer(ctx, f.anna, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: annas, Version: base.Version}); err != nil {
				t.Fatal(err)
			}
			got, err := f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: mos, Version: base.Version})
			if want := "Voorlichting op alle scholen.\nUitleg bij een signaal.\nNazorg volgt binnen een week."; err != nil || got.Note != want {
				t.Fatalf("merged note %q, %v", got.Note, err)
			}
			// Both changing the same line is a conflict.
			base = load()
			if _, err := f.svc.SaveAnswer(ctx, f.anna, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: "De eerste versie.", Version: base.Version}); err != nil {
				t.Fatal(err)
			}
			_, err = f.svc.SaveAnswer(ctx, f.mo, f.ws, a.ID, service.AnswerInput{Question: q, Score: "3", Note: "De tweede versie.", Version: base.Version})
			var c *service.Conflict
			if !errors.As(err, &c) || c.Field != "note" {
				t.Fatalf("overlapping notes: %v", err)
			}
		})

		t.Run("every save is in the change history", func(t *testing.T) {
			cur := load()
			hist, err := store.Changes(ctx, db, f.ws, model.EntityAssessmentAnswer, cur.ID)
			if err != nil || len(hist) == 0 || hist[0].Version != cur.Version || hist[0].Field != "note" || hist[0].NewValue != "De eerste versie." {
				t.Fatalf("history %+v, %v", hist, err)
			}
		})
	})
}
