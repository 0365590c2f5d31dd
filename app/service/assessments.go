package service

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// ScoreAverage is the average of the scores given, over the questions
// answered; questions without a score do not count.
type ScoreAverage struct {
	Sum, Count int
}

// add counts one answer's score, if it has one.
func (a *ScoreAverage) add(score int) {
	if model.ValidScore(score) {
		a.Sum += score
		a.Count++
	}
}

// Valid reports whether any question was answered.
func (a ScoreAverage) Valid() bool { return a.Count > 0 }

// Tenths is the average rounded to one decimal, in tenths (2.5 is 25),
// half away from zero; 0 when nothing was answered. Pages show this
// rounded value, and changes are the differences between rounded values,
// so that a reader can check them.
func (a ScoreAverage) Tenths() int {
	if a.Count == 0 {
		return 0
	}
	return (a.Sum*20 + a.Count) / (2 * a.Count)
}

// AssessmentSummary is an assessment as the list shows it: how many of its
// questions are answered, and the average score.
type AssessmentSummary struct {
	model.Assessment
	Answered, Questions int
	Average             ScoreAverage
}

// AssessmentSheet is an assessment with its answers by theme.
type AssessmentSheet struct {
	Assessment          *model.Assessment
	Themes              []AssessmentTheme
	Answered, Questions int
	Average             ScoreAverage
}

// AssessmentTheme is one theme of an assessment: its answers in the order
// of the questions, and their average.
type AssessmentTheme struct {
	Theme   model.Theme
	Answers []model.AssessmentAnswer
	Average ScoreAverage
}

// AssessmentInput is what the coordinator fills in to start an assessment.
type AssessmentInput struct {
	Title     string
	Framework model.Framework
}

// CanManageAssessments reports whether u may start and complete
// assessments in the workspace.
func (s *Service) CanManageAssessments(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAssessment, authz.ActManage)
}

// CanAnswerAssessments reports whether u may answer the questions of the
// workspace's open assessment.
func (s *Service) CanAnswerAssessments(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAssessment, authz.ActAnswer)
}

// DefaultAssessmentFramework is the framework a new assessment takes
// unless the coordinator chooses another: that of the workspace's current
// plan, or the four pillars when it has none.
func (s *Service) DefaultAssessmentFramework(ctx context.Context, u *model.User, workspaceID int64) (model.Framework, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActRead); err != nil {
		return "", err
	}
	plans, err := store.Plans(ctx, s.DB, workspaceID)
	if err != nil {
		return "", err
	}
	if p := CurrentPlan(plans); p != nil {
		return p.Framework, nil
	}
	return model.FrameworkPillars, nil
}

// StartAssessment starts a new assessment with every question of the
// framework's themes unanswered. A workspace has one open assessment at a
// time: the one before must be completed first.
func (s *Service) StartAssessment(ctx context.Context, u *model.User, workspaceID int64, in AssessmentInput) (*model.Assessment, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActManage); err != nil {
		return nil, err
	}
	var v apperr.Validation
	g := s.guard(ctx, s.DB, workspaceID, 0)
	title := g.text(ctx, &v, "title", in.Title, false, MaxTitle)
	if !in.Framework.Valid() {
		v.Add("framework", "validation.choice")
	}
	if err := g.result(&v); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	a := &model.Assessment{
		WorkspaceID: workspaceID, Title: title, Framework: in.Framework,
		StartedBy: u.ID, StartedAt: now, Version: 1, UpdatedAt: now,
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.LockAssessments(ctx, tx, workspaceID); err != nil {
			return err
		}
		if _, err := store.OpenAssessment(ctx, tx, workspaceID); err == nil {
			return apperr.New(http.StatusConflict, "toets.error.open_exists")
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := store.CreateAssessment(ctx, tx, a); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectAssessment, a.ID); err != nil {
			return err
		}
		var answers []model.AssessmentAnswer
		for _, t := range a.Framework.Themes() {
			for _, q := range model.AssessmentQuestions[t] {
				answers = append(answers, model.AssessmentAnswer{
					WorkspaceID: workspaceID, AssessmentID: a.ID, Theme: t, Question: q.ID,
					Position: len(answers) + 1, Version: 1, UpdatedAt: now,
				})
			}
		}
		if err := store.CreateAssessmentAnswers(ctx, tx, answers); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityAssessment, EntityID: a.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: string(a.Framework), CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// CompleteAssessment marks an assessment complete, today: its answers are
// final from then on. One without any answer cannot be completed.
func (s *Service) CompleteAssessment(ctx context.Context, u *model.User, workspaceID, id int64) (*model.Assessment, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActManage); err != nil {
		return nil, err
	}
	var a *model.Assessment
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if a, err = store.AssessmentForUpdate(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if a.Completed() {
			return apperr.New(http.StatusConflict, "toets.error.already_completed")
		}
		answers, err := store.AssessmentAnswers(ctx, tx, workspaceID, a.ID)
		if err != nil {
			return err
		}
		var avg ScoreAverage
		for _, ans := range answers {
			avg.add(ans.Score)
		}
		if !avg.Valid() {
			return apperr.New(http.StatusUnprocessableEntity, "toets.error.nothing_answered")
		}
		now := time.Now().UTC()
		a.CompletedAt, a.CompletedBy = &now, &u.ID
		a.Version++
		a.UpdatedAt = now
		if err := store.UpdateAssessment(ctx, tx, a, "completed_at", "completed_by"); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityAssessment, EntityID: a.ID, Version: a.Version,
			UserID: u.ID, Field: model.FieldCompleted, NewValue: now.In(amsterdam()).Format(time.DateOnly), CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	return a, nil
}

// Assessments lists the workspace's assessments, newest first, with how
// far each was answered.
func (s *Service) Assessments(ctx context.Context, u *model.User, workspaceID int64) ([]AssessmentSummary, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActRead); err != nil {
		return nil, err
	}
	list, err := store.Assessments(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	answers, err := store.AssessmentAnswers(ctx, s.DB, workspaceID, ids...)
	if err != nil {
		return nil, err
	}
	out := make([]AssessmentSummary, len(list))
	index := map[int64]int{}
	for i := range list {
		out[i].Assessment = list[i]
		index[list[i].ID] = i
	}
	for _, ans := range answers {
		sum := &out[index[ans.AssessmentID]]
		sum.Questions++
		sum.Average.add(ans.Score)
	}
	for i := range out {
		out[i].Answered = out[i].Average.Count
	}
	return out, nil
}

// Assessment loads one assessment of the workspace with its answers by
// theme.
func (s *Service) Assessment(ctx context.Context, u *model.User, workspaceID, id int64) (*AssessmentSheet, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActRead); err != nil {
		return nil, err
	}
	a, err := store.Assessment(ctx, s.DB, workspaceID, id)
	if err != nil {
		return nil, notFoundErr(err)
	}
	answers, err := store.AssessmentAnswers(ctx, s.DB, workspaceID, a.ID)
	if err != nil {
		return nil, err
	}
	return sheetOf(a, answers), nil
}

// sheetOf groups an assessment's answers by theme, in the order of the
// assessment's framework; a theme the framework no longer knows comes
// last.
func sheetOf(a *model.Assessment, answers []model.AssessmentAnswer) *AssessmentSheet {
	sh := &AssessmentSheet{Assessment: a}
	index := map[model.Theme]int{}
	for _, t := range a.Framework.Themes() {
		index[t] = len(sh.Themes)
		sh.Themes = append(sh.Themes, AssessmentTheme{Theme: t})
	}
	for _, ans := range answers {
		i, ok := index[ans.Theme]
		if !ok {
			i = len(sh.Themes)
			index[ans.Theme] = i
			sh.Themes = append(sh.Themes, AssessmentTheme{Theme: ans.Theme})
		}
		sh.Themes[i].Answers = append(sh.Themes[i].Answers, ans)
		sh.Themes[i].Average.add(ans.Score)
		sh.Average.add(ans.Score)
		sh.Questions++
	}
	// A theme without questions (none in the catalogue) is not asked.
	kept := sh.Themes[:0]
	for _, t := range sh.Themes {
		if len(t.Answers) > 0 {
			kept = append(kept, t)
		}
	}
	sh.Themes = kept
	sh.Answered = sh.Average.Count
	return sh
}

// AssessmentAnswer loads the answer to one question of an assessment.
func (s *Service) AssessmentAnswer(ctx context.Context, u *model.User, workspaceID, assessmentID int64, question string) (*model.AssessmentAnswer, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActRead); err != nil {
		return nil, err
	}
	a, err := store.AssessmentAnswer(ctx, s.DB, workspaceID, assessmentID, question)
	return a, notFoundErr(err)
}
