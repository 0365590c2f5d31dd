package service

import (
	"context"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// AssessmentComparison sets two assessments of one workspace side by side,
// the older (From) before the newer (To), per theme and question. To is
// nil when the workspace has no other assessment to compare with.
type AssessmentComparison struct {
	From, To *model.Assessment
	Themes   []ThemeComparison
	// FromAverage and ToAverage are the averages over all questions.
	FromAverage, ToAverage ScoreAverage
	// Others are the workspace's other assessments, to compare with
	// instead, newest first.
	Others []model.Assessment
}

// ThemeComparison is one theme of a comparison: its questions, asked in
// either assessment, and the theme's average in each.
type ThemeComparison struct {
	Theme     model.Theme
	Questions []QuestionComparison
	From, To  ScoreAverage
}

// AverageChange is the change of the theme's average, in tenths; ok is
// false when either assessment has no score on the theme.
func (t ThemeComparison) AverageChange() (tenths int, ok bool) {
	return averageChange(t.From, t.To)
}

// AverageChange is the change of the overall average, in tenths; ok is
// false when either assessment has no score at all.
func (c *AssessmentComparison) AverageChange() (tenths int, ok bool) {
	return averageChange(c.FromAverage, c.ToAverage)
}

func averageChange(from, to ScoreAverage) (int, bool) {
	if !from.Valid() || !to.Valid() {
		return 0, false
	}
	return to.Tenths() - from.Tenths(), true
}

// QuestionComparison is one question's score in both assessments;
// model.ScoreNone where it was not answered or not asked.
type QuestionComparison struct {
	Question string
	From, To int
}

// Change is the step from the older score to the newer: positive is up;
// ok is false when either has no score.
func (q QuestionComparison) Change() (steps int, ok bool) {
	if !model.ValidScore(q.From) || !model.ValidScore(q.To) {
		return 0, false
	}
	return q.To - q.From, true
}

// CompareAssessments compares assessment id of the workspace with
// assessment withID of the same workspace, or, when withID is 0 or id
// itself, with the one started just before it (just after it, for the
// first). An assessment of another workspace is not found.
func (s *Service) CompareAssessments(ctx context.Context, u *model.User, workspaceID, id, withID int64) (*AssessmentComparison, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActRead); err != nil {
		return nil, err
	}
	base, err := store.Assessment(ctx, s.DB, workspaceID, id)
	if err != nil {
		return nil, notFoundErr(err)
	}
	all, err := store.Assessments(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, err
	}
	c := &AssessmentComparison{}
	var other *model.Assessment
	for i := range all {
		if all[i].ID == base.ID {
			continue
		}
		c.Others = append(c.Others, all[i])
	}
	if withID != 0 && withID != base.ID {
		if other, err = store.Assessment(ctx, s.DB, workspaceID, withID); err != nil {
			return nil, notFoundErr(err)
		}
	} else {
		other = neighbour(all, base.ID)
	}
	if other == nil {
		c.From = base
		return c, nil
	}
	c.From, c.To = base, other
	if startedBefore(other, base) {
		c.From, c.To = other, base
	}
	answers, err := store.AssessmentAnswers(ctx, s.DB, workspaceID, c.From.ID, c.To.ID)
	if err != nil {
		return nil, err
	}
	var from, to []model.AssessmentAnswer
	for _, a := range answers {
		if a.AssessmentID == c.From.ID {
			from = append(from, a)
		} else {
			to = append(to, a)
		}
	}
	compareAnswers(c, from, to)
	return c, nil
}

// neighbour is the assessment started just before id in list (newest
// first), or else the one just after; nil when id is alone.
func neighbour(list []model.Assessment, id int64) *model.Assessment {
	for i := range list {
		if list[i].ID != id {
			continue
		}
		if i+1 < len(list) {
			return &list[i+1]
		}
		if i > 0 {
			return &list[i-1]
		}
	}
	return nil
}

func startedBefore(a, b *model.Assessment) bool {
	if a.StartedAt.Equal(b.StartedAt) {
		return a.ID < b.ID
	}
	return a.StartedAt.Before(b.StartedAt)
}

// compareAnswers fills in the themes of c from the answers of both
// assessments. Themes come in the order of the frameworks (the pillars,
// then the VNG themes), questions in the order of the catalogue; a
// question asked in one assessment only is compared with no score.
func compareAnswers(c *AssessmentComparison, from, to []model.AssessmentAnswer) {
	type pair struct{ from, to int }
	scores := map[string]*pair{}
	themeOf := map[string]model.Theme{}
	var extra []string // questions no longer in the catalogue
	note := func(list []model.AssessmentAnswer, set func(*pair, int)) {
		for _, a := range list {
			p, ok := scores[a.Question]
			if !ok {
				p = &pair{}
				scores[a.Question] = p
				themeOf[a.Question] = a.Theme
				if _, known := model.AssessmentQuestionByID(a.Question); !known {
					extra = append(extra, a.Question)
				}
			}
			set(p, a.Score)
		}
	}
	note(from, func(p *pair, n int) { p.from = n })
	note(to, func(p *pair, n int) { p.to = n })
	for _, t := range model.FrameworkBoth.Themes() {
		tc := ThemeComparison{Theme: t}
		var ids []string
		for _, q := range model.AssessmentQuestions[t] {
			ids = append(ids, q.ID)
		}
		for _, q := range extra {
			if themeOf[q] == t {
				ids = append(ids, q)
			}
		}
		for _, q := range ids {
			p, ok := scores[q]
			if !ok {
				continue
			}
			tc.Questions = append(tc.Questions, QuestionComparison{Question: q, From: p.from, To: p.to})
			tc.From.add(p.from)
			tc.To.add(p.to)
			c.FromAverage.add(p.from)
			c.ToAverage.add(p.to)
		}
		if len(tc.Questions) > 0 {
			c.Themes = append(c.Themes, tc)
		}
	}
}
