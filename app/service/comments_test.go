package service_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// reviewerOf is Defence for Children's demo reviewer.
func reviewerOf(t *testing.T, db *bun.DB) *model.User {
	t.Helper()
	u, err := store.UserByEmail(context.Background(), db, "lotte.visser@defenceforchildren.example")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// withoutDemoDiscussion starts from a workspace without the demo's
// comments, advice and signals.
func (f *fixture) withoutDemoDiscussion(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	for _, m := range []any{(*model.Signal)(nil), (*model.Comment)(nil)} {
		if _, err := f.db.NewDelete().Model(m).Where("1 = 1").Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

func (f *fixture) comments(t *testing.T) int {
	t.Helper()
	n, err := f.db.NewSelect().Model((*model.Comment)(nil)).Where("workspace_id = ?", f.ws).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAdviceStateMachine(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		f.withoutDemoDiscussion(t)
		ctx := context.Background()
		lotte := reviewerOf(t, db)
		advice, err := f.svc.AddComment(ctx, lotte, f.ws, service.CommentInput{
			Subject: model.SubjectPlan, SubjectID: f.plan.ID, Kind: model.CommentAdvice,
			Body: "Betrek jongeren bij de evaluatie (art. 12).", DueDate: "2027-03-01",
		})
		if err != nil {
			t.Fatal(err)
		}
		if advice.State != model.AdviceOpen || advice.DueDate != "2027-03-01" {
			t.Fatalf("new advice: state %q due %q", advice.State, advice.DueDate)
		}
		state := func() model.AdviceState {
			c, err := store.Comment(ctx, db, f.ws, advice.ID)
			if err != nil {
				t.Fatal(err)
			}
			return c.State
		}
		steps := []struct {
			name   string
			do     func() error
			status int
			want   model.AdviceState
		}{
			{"the reviewer's own follow-up leaves it open", func() error {
				_, _, err := f.svc.Reply(ctx, lotte, f.ws, advice.ID, "Denk aan de jongerenraad.")
				return err
			}, 200, model.AdviceOpen},
			{"a viewer cannot answer", func() error {
				_, _, err := f.svc.Reply(ctx, f.yousef, f.ws, advice.ID, "Goed idee.")
				return err
			}, 403, model.AdviceOpen},
			{"a contributor's answer makes it answered", func() error {
				_, _, err := f.svc.Reply(ctx, f.sanne, f.ws, advice.ID, "We nemen het op in de evaluatie.")
				return err
			}, 200, model.AdviceAnswered},
			{"a further answer keeps it answered", func() error {
				_, _, err := f.svc.Reply(ctx, f.mo, f.ws, advice.ID, "Veilig Thuis doet mee.")
				return err
			}, 200, model.AdviceAnswered},
			{"an editor cannot close it", func() error {
				_, err := f.svc.CloseAdvice(ctx, f.mo, f.ws, advice.ID)
				return err
			}, 403, model.AdviceAnswered},
			{"the coordinator closes it", func() error {
				_, err := f.svc.CloseAdvice(ctx, f.anna, f.ws, advice.ID)
				return err
			}, 200, model.AdviceClosed},
			{"a reply to a closed advice is refused", func() error {
				_, _, err := f.svc.Reply(ctx, f.anna, f.ws, advice.ID, "Nog een vraag.")
				return err
			}, 409, model.AdviceClosed},
			{"the reviewer cannot reply either", func() error {
				_, _, err := f.svc.Reply(ctx, lotte, f.ws, advice.ID, "Nog een vraag.")
				return err
			}, 409, model.AdviceClosed},
			{"closing twice is refused", func() error {
				_, err := f.svc.CloseAdvice(ctx, lotte, f.ws, advice.ID)
				return err
			}, 409, model.AdviceClosed},
			{"its text can no longer change", func() error {
				_, err := f.svc.EditComment(ctx, lotte, f.ws, advice.ID, "Anders", 1)
				return err
			}, 409, model.AdviceClosed},
		}
		for _, s := range steps {
			before := f.comments(t)
			err := s.do()
			if got := status(err); got != s.status {
				t.Fatalf("%s: status %d (%v), want %d", s.name, got, err, s.status)
			}
			if got := state(); got != s.want {
				t.Fatalf("%s: state %q, want %q", s.name, got, s.want)
			}
			if s.status != 200 && f.comments(t) != before {
				t.Fatalf("%s: a refused step wrote a comment", s.name)
			}
		}
		x, err := f.svc.CommentThreads(ctx, f.yousef, f.ws, model.SubjectPlan, f.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		th := x.For(f.ws, model.SubjectPlan, f.plan.ID)
		if len(th.Items) != 1 || len(th.Items[0].Replies) != 3 || th.Count() != 4 {
			t.Fatalf("thread as a viewer reads it: %+v", th)
		}
		open, err := f.svc.AdviceList(ctx, f.anna, f.ws, "open")
		if err != nil || len(open) != 0 {
			t.Fatalf("open advice after closing: %d %v", len(open), err)
		}
		closed, err := f.svc.AdviceList(ctx, f.anna, f.ws, "gesloten")
		if err != nil || len(closed) != 1 || closed[0].Replies != 3 || closed[0].Subject.Title != f.plan.Title {
			t.Fatalf("closed advice: %+v %v", closed, err)
		}
		if _, err := f.svc.AdviceList(ctx, f.anna, f.ws, "misschien"); status(err) != 422 {
			t.Fatalf("unknown state filter: %v", err)
		}
	})
}

func TestWhoWritesWhat(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		lotte := reviewerOf(t, db)
		remark, err := f.svc.AddComment(ctx, f.anna, f.ws, service.CommentInput{Subject: model.SubjectPlan, SubjectID: f.plan.ID, Kind: model.CommentRemark, Body: "Graag input voor thema zorg."})
		if err != nil {
			t.Fatal(err)
		}
		a := f.action(t, "Opvangplekken jongeren", model.ThemeCare)
		people := []struct {
			name string
			u    *model.User
			// remark, advice, reply to a remark, plan review, signal
			want [5]int
		}{
			{"coordinator", f.anna, [5]int{200, 403, 200, 403, 200}},
			{"editor", f.mo, [5]int{200, 403, 200, 403, 200}},
			{"contributor", f.sanne, [5]int{200, 403, 200, 403, 200}},
			{"viewer", f.yousef, [5]int{403, 403, 403, 403, 403}},
			{"reviewer", lotte, [5]int{403, 200, 403, 200, 403}},
			{"member of another workspace", f.pieter, [5]int{404, 404, 404, 404, 404}},
		}
		for _, p := range people {
			t.Run(p.name, func(t *testing.T) {
				_, e1 := f.svc.AddComment(ctx, p.u, f.ws, service.CommentInput{Subject: model.SubjectAction, SubjectID: a.ID, Kind: model.CommentRemark, Body: "Opmerking"})
				_, e2 := f.svc.AddComment(ctx, p.u, f.ws, service.CommentInput{Subject: model.SubjectAction, SubjectID: a.ID, Kind: model.CommentAdvice, Body: "Advies"})
				_, _, e3 := f.svc.Reply(ctx, p.u, f.ws, remark.ID, "Reactie")
				_, e4 := f.svc.AddPlanReview(ctx, p.u, f.ws, f.plan.ID, service.PlanReviewInput{ReviewedOn: "2026-11-30", Summary: "Goed op weg."})
				_, e5 := f.svc.AddSignal(ctx, p.u, f.ws, service.SignalInput{Source: model.SignalFromAction, SourceID: a.ID, Bottleneck: model.BottleneckCareSupply, Theme: model.ThemeCare, Description: "Te weinig plekken."})
				got := [5]int{status(e1), status(e2), status(e3), status(e4), status(e5)}
				if got != p.want {
					t.Errorf("remark, advice, reply, review, signal: %v, want %v", got, p.want)
				}
			})
		}
	})
}

func TestCommentBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		lotte := reviewerOf(t, db)
		foreignPlan, err := f.svc.CreatePlan(ctx, f.pieter, f.other, service.PlanInput{Title: "Lindendal 2027", Framework: model.FrameworkVNG})
		if err != nil {
			t.Fatal(err)
		}
		plan := func(kind model.CommentKind, body, due string) service.CommentInput {
			return service.CommentInput{Subject: model.SubjectPlan, SubjectID: f.plan.ID, Kind: kind, Body: body, DueDate: due}
		}
		tests := []struct {
			name  string
			u     *model.User
			in    service.CommentInput
			want  int
			field string
		}{
			{"empty text", f.anna, plan(model.CommentRemark, "  \n ", ""), 422, "body"},
			{"text over 4000 characters", f.anna, plan(model.CommentRemark, strings.Repeat("ä", 4001), ""), 422, "body"},
			{"invalid UTF-8", f.anna, plan(model.CommentRemark, "goed \xff\xfe plan", ""), 422, "body"},
			{"a due date that is no date", lotte, plan(model.CommentAdvice, "Advies", "31-02-2027"), 422, "due_date"},
			{"a due date that does not exist", lotte, plan(model.CommentAdvice, "Advies", "2027-02-31"), 422, "due_date"},
			{"a subject kind that does not exist", f.anna, service.CommentInput{Subject: "casus", SubjectID: f.plan.ID, Kind: model.CommentRemark, Body: "x"}, 422, "subject"},
			{"a kind that does not exist", f.anna, service.CommentInput{Subject: model.SubjectPlan, SubjectID: f.plan.ID, Kind: "klacht", Body: "x"}, 422, "kind"},
			{"advice on another workspace's plan", lotte, service.CommentInput{Subject: model.SubjectPlan, SubjectID: foreignPlan.ID, Kind: model.CommentAdvice, Body: "Advies"}, 404, ""},
			{"a comment on another workspace's plan", f.anna, service.CommentInput{Subject: model.SubjectPlan, SubjectID: foreignPlan.ID, Kind: model.CommentRemark, Body: "x"}, 404, ""},
			{"a plan that does not exist", f.anna, service.CommentInput{Subject: model.SubjectPlan, SubjectID: 999999, Kind: model.CommentRemark, Body: "x"}, 404, ""},
			{"an item that does not exist", f.anna, service.CommentInput{Subject: model.SubjectItem, SubjectID: 999999, Kind: model.CommentRemark, Body: "x"}, 404, ""},
		}
		before := f.comments(t)
		f.events.take()
		for _, tt := range tests {
			_, err := f.svc.AddComment(ctx, tt.u, f.ws, tt.in)
			if got := status(err); got != tt.want {
				t.Errorf("%s: status %d (%v), want %d", tt.name, got, err, tt.want)
				continue
			}
			if tt.field != "" {
				if e := fieldErrorsOf(err); e[tt.field] == "" {
					t.Errorf("%s: no message on %s: %v", tt.name, tt.field, e)
				}
			}
		}
		if n := f.comments(t); n != before {
			t.Fatalf("bad input wrote %d comments", n-before)
		}
		if ev := f.events.take(); len(ev) != 0 {
			t.Fatalf("refused comments announced %d changes", len(ev))
		}
		// Replying to another workspace's comment, through one's own
		// workspace, is not found.
		foreign, err := f.svc.AddComment(ctx, f.pieter, f.other, service.CommentInput{Subject: model.SubjectPlan, SubjectID: foreignPlan.ID, Kind: model.CommentRemark, Body: "Lindendal"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := f.svc.Reply(ctx, f.anna, f.ws, foreign.ID, "Havenstad"); status(err) != 404 {
			t.Fatalf("reply to a foreign comment: %v", err)
		}
		if _, err := f.svc.CloseAdvice(ctx, lotte, f.ws, foreign.ID); status(err) != 404 {
			t.Fatalf("close a foreign comment: %v", err)
		}
		if _, err := f.svc.DeleteComment(ctx, f.anna, f.ws, foreign.ID); status(err) != 404 {
			t.Fatalf("delete a foreign comment: %v", err)
		}
	})
}

func TestOwnCommentsOnly(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		c, err := f.svc.AddComment(ctx, f.anna, f.ws, service.CommentInput{Subject: model.SubjectPlan, SubjectID: f.plan.ID, Kind: model.CommentRemark, Body: "Eerste versie"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := f.svc.Reply(ctx, f.mo, f.ws, c.ID, "Eens"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.EditComment(ctx, f.mo, f.ws, c.ID, "Overgenomen", 1); status(err) != http.StatusForbidden {
			t.Fatalf("someone else edits: %v", err)
		}
		if _, err := f.svc.DeleteComment(ctx, f.mo, f.ws, c.ID); status(err) != http.StatusForbidden {
			t.Fatalf("someone else deletes: %v", err)
		}
		edited, err := f.svc.EditComment(ctx, f.anna, f.ws, c.ID, "Tweede versie", 1)
		if err != nil || edited.Body != "Tweede versie" || edited.Version != 2 {
			t.Fatalf("own edit: %+v %v", edited, err)
		}
		if _, err := f.svc.EditComment(ctx, f.anna, f.ws, c.ID, "Derde versie", 1); status(err) != http.StatusConflict {
			t.Fatalf("stale edit: %v", err)
		}
		if _, err := f.svc.DeleteComment(ctx, f.anna, f.ws, c.ID); err != nil {
			t.Fatal(err)
		}
		x, err := f.svc.CommentThreads(ctx, f.anna, f.ws, model.SubjectPlan, f.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		th := x.For(f.ws, model.SubjectPlan, f.plan.ID)
		if len(th.Items) != 1 || th.Items[0].Comment.DeletedAt == nil || len(th.Items[0].Replies) != 1 || th.Count() != 1 {
			t.Fatalf("a deleted comment with a reply: %+v", th.Items)
		}
		if _, _, err := f.svc.Reply(ctx, f.mo, f.ws, c.ID, "Nog een"); status(err) != http.StatusNotFound {
			t.Fatalf("reply to a deleted comment: %v", err)
		}
		var changes int
		changes, err = db.NewSelect().Model((*model.Change)(nil)).Where("entity = ? AND entity_id = ?", model.EntityComment, c.ID).Count(ctx)
		if err != nil || changes != 3 {
			t.Fatalf("history of the comment: %d %v, want written, edited, deleted", changes, err)
		}
	})
}

func TestSignalsAcrossWorkspaces(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		f.withoutDemoDiscussion(t)
		ctx := context.Background()
		lotte := reviewerOf(t, db)
		a := f.action(t, "Opvangplekken jongeren", model.ThemeCare)
		sig, err := f.svc.AddSignal(ctx, f.sanne, f.ws, service.SignalInput{Source: model.SignalFromAction, SourceID: a.ID, Bottleneck: model.BottleneckCareSupply, Theme: model.ThemeCare, Description: "Te weinig gespecialiseerde opvang in de regio."})
		if err != nil {
			t.Fatal(err)
		}
		bad := []struct {
			name string
			in   service.SignalInput
			want int
		}{
			{"unknown bottleneck", service.SignalInput{Source: model.SignalFromAction, SourceID: a.ID, Bottleneck: "geld", Theme: model.ThemeCare, Description: "x"}, 422},
			{"unknown theme", service.SignalInput{Source: model.SignalFromAction, SourceID: a.ID, Bottleneck: model.BottleneckFunding, Theme: "sport", Description: "x"}, 422},
			{"empty description", service.SignalInput{Source: model.SignalFromAction, SourceID: a.ID, Bottleneck: model.BottleneckFunding, Theme: model.ThemeCare, Description: " "}, 422},
			{"unknown source", service.SignalInput{Source: "casus", SourceID: a.ID, Bottleneck: model.BottleneckFunding, Theme: model.ThemeCare, Description: "x"}, 422},
			{"an action that does not exist", service.SignalInput{Source: model.SignalFromAction, SourceID: 999999, Bottleneck: model.BottleneckFunding, Theme: model.ThemeCare, Description: "x"}, 404},
			{"a remark is no advice", service.SignalInput{Source: model.SignalFromAdvice, SourceID: 999999, Bottleneck: model.BottleneckFunding, Theme: model.ThemeCare, Description: "x"}, 404},
		}
		for _, tt := range bad {
			if _, err := f.svc.AddSignal(ctx, f.anna, f.ws, tt.in); status(err) != tt.want {
				t.Errorf("%s: %v, want %d", tt.name, err, tt.want)
			}
		}
		seen := func(u *model.User, q service.SignalQuery) []string {
			t.Helper()
			l, err := f.svc.Signals(ctx, u, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, g := range l.Groups {
				for _, e := range g.Signals {
					out = append(out, string(g.Theme)+"/"+e.Workspace)
				}
			}
			return out
		}
		if got := seen(lotte, service.SignalQuery{}); len(got) != 1 || got[0] != "zorg/Havenstad" {
			t.Fatalf("reviewer sees %v", got)
		}
		if got := seen(f.yousef, service.SignalQuery{}); len(got) != 1 {
			t.Fatalf("a viewer of the workspace sees %v", got)
		}
		if got := seen(f.pieter, service.SignalQuery{}); len(got) != 0 {
			t.Fatalf("a member of another workspace sees %v", got)
		}
		if got := seen(lotte, service.SignalQuery{Bottleneck: string(model.BottleneckFunding)}); len(got) != 0 {
			t.Fatalf("filtered by another bottleneck: %v", got)
		}
		if got := seen(lotte, service.SignalQuery{WorkspaceID: f.other}); len(got) != 0 {
			t.Fatalf("filtered by another workspace: %v", got)
		}
		if _, err := f.svc.Signals(ctx, f.pieter, service.SignalQuery{WorkspaceID: f.ws}); status(err) != 404 {
			t.Fatalf("filter by a workspace one may not read: %v", err)
		}
		if err := f.svc.WithdrawSignal(ctx, f.yousef, f.ws, sig.ID); status(err) != 403 {
			t.Fatalf("a viewer withdraws: %v", err)
		}
		if err := f.svc.WithdrawSignal(ctx, f.pieter, f.other, sig.ID); status(err) != 404 {
			t.Fatalf("withdraw through another workspace: %v", err)
		}
		if err := f.svc.WithdrawSignal(ctx, f.mo, f.ws, sig.ID); err != nil {
			t.Fatal(err)
		}
		if got := seen(lotte, service.SignalQuery{}); len(got) != 0 {
			t.Fatalf("a withdrawn signal is still listed: %v", got)
		}
	})
}

// fieldErrorsOf is the field messages of a validation error.
func fieldErrorsOf(err error) map[string]string {
	if e, ok := apperr.As(err); ok {
		return e.Fields
	}
	return nil
}
