package service_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestConcurrentAnswersAndStarts(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setupToets(t, db)
		ctx := context.Background()
		a := f.start(t, "Tegelijk")
		cur, _ := store.AssessmentAnswer(ctx, db, f.ws, a.ID, "zorg.guardian")
		var wg sync.WaitGroup
		answers := make([]error, 2)
		for i, u := range []*model.User{f.mo, f.sanne} {
			wg.Add(1)
			go func(i int, u *model.User) {
				defer wg.Done()
				_, answers[i] = f.svc.SaveAnswer(ctx, u, f.ws, a.ID, service.AnswerInput{Question: "zorg.guardian", Score: strconv.Itoa(2 + i), Version: cur.Version})
			}(i, u)
		}
		wg.Wait()
		var wins, conflicts int
		for _, err := range answers {
			var c *service.Conflict
			switch {
			case err == nil:
				wins++
			case errors.As(err, &c):
				conflicts++
			default:
				t.Fatalf("unexpected error %v", err)
			}
		}
		if wins != 1 || conflicts != 1 {
			t.Fatalf("answers: %d saved and %d conflicts, want one of each", wins, conflicts)
		}
		if _, err := f.svc.CompleteAssessment(ctx, f.anna, f.ws, a.ID); err != nil {
			t.Fatal(err)
		}
		// Two coordinators of Regio Lindendal start one at the same moment.
		regio, err := store.WorkspaceByName(ctx, db, "Regio Lindendal")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.NewUpdate().Model((*model.Membership)(nil)).Set("role = ?", model.RoleCoordinator).
			Where("workspace_id = ?", regio.ID).Where("role = ?", model.RoleEditor).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Authz.Reload(); err != nil {
			t.Fatal(err)
		}
		fatima, _ := store.UserByEmail(ctx, db, "fatima.ouali@bergvliet.example")
		starts := make([]error, 2)
		for i, u := range []*model.User{f.pieter, fatima} {
			wg.Add(1)
			go func(i int, u *model.User) {
				defer wg.Done()
				_, starts[i] = f.svc.StartAssessment(ctx, u, regio.ID, service.AssessmentInput{Framework: model.FrameworkVNG})
			}(i, u)
		}
		wg.Wait()
		if (status(starts[0]) == 200) == (status(starts[1]) == 200) || status(starts[0])+status(starts[1]) != 200+409 {
			t.Fatalf("starts: %v and %v, want one started and one refused", starts[0], starts[1])
		}
		if list, _ := store.Assessments(ctx, db, regio.ID); len(list) != 1 {
			t.Fatalf("%d assessments started", len(list))
		}
	})
}
