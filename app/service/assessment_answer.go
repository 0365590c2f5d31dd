package service

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// MaxAnswerNote is the longest note to an answer, in characters.
const MaxAnswerNote = 2000

// AnswerInput is one question's answer as sent: the score ("" for none, or
// 1 to 4), the note, and the version of the answer the writer started from.
type AnswerInput struct {
	Question string
	Score    string
	Note     string
	Version  int
}

// SaveAnswer saves the answer to one question of an open assessment. Like
// every field in Schakel it is saved against the version the writer
// started from: if someone else changed the score since, the save is
// refused with a *Conflict; a note is merged three-way with theirs, and
// refused with a *Conflict only where the edits overlap. A completed
// assessment takes no answers. Notes are about policy and cooperation,
// never about a child: they go through the privacy guard as every text
// does. It returns the answer as saved, or as it stands when nothing
// changed.
func (s *Service) SaveAnswer(ctx context.Context, u *model.User, workspaceID, assessmentID int64, in AnswerInput) (*model.AssessmentAnswer, error) {
	if err := s.require(u, workspaceID, authz.ObjAssessment, authz.ActAnswer); err != nil {
		return nil, err
	}
	var saved *model.AssessmentAnswer
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		a, err := store.AssessmentForUpdate(ctx, tx, workspaceID, assessmentID)
		if err != nil {
			return err
		}
		if a.Completed() {
			return apperr.New(http.StatusConflict, "toets.error.completed")
		}
		cur, err := store.AssessmentAnswerForUpdate(ctx, tx, workspaceID, a.ID, in.Question)
		if err != nil {
			return err
		}
		saved = cur
		score, note, err := answerValues(in)
		if err != nil {
			return err
		}
		if in.Version < 1 || in.Version > cur.Version {
			return apperr.New(http.StatusUnprocessableEntity, "error.version")
		}
		g := s.guard(ctx, tx, workspaceID, 0)
		if note != cur.Note || g.asked("note") {
			g.check(ctx, "note", note, cur.Note, false)
			if err := g.result(&apperr.Validation{}); err != nil {
				return err
			}
		}
		next := *cur
		var changed []string
		if score != cur.Score {
			if _, err := staleWrite(ctx, tx, workspaceID, model.EntityAssessmentAnswer, cur.ID, "score", in.Version, cur.Version,
				strconv.Itoa(cur.Score), strconv.Itoa(score), false); err != nil {
				return err
			}
			next.Score = score
			changed = append(changed, "score")
		}
		if note != cur.Note {
			merged, err := staleWrite(ctx, tx, workspaceID, model.EntityAssessmentAnswer, cur.ID, "note", in.Version, cur.Version,
				cur.Note, note, true)
			if err != nil {
				return err
			}
			if merged != note {
				// The merged note is checked like any other.
				if _, merged, err = answerValues(AnswerInput{Score: in.Score, Note: merged}); err != nil {
					return err
				}
				g.check(ctx, "note", merged, cur.Note, false)
				if err := g.result(&apperr.Validation{}); err != nil {
					return err
				}
			}
			if merged != cur.Note {
				next.Note = merged
				changed = append(changed, "note")
			}
		}
		if len(changed) == 0 {
			return nil
		}
		now := time.Now().UTC()
		next.Version++
		next.UpdatedAt = now
		next.AnsweredBy = &u.ID
		next.Answerer = &model.User{ID: u.ID, Name: u.Name}
		if err := store.UpdateAssessmentAnswer(ctx, tx, &next, changed...); err != nil {
			return err
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectAssessment, a.ID); err != nil {
			return err
		}
		history := make([]model.Change, 0, len(changed))
		for _, f := range changed {
			c := model.Change{
				WorkspaceID: workspaceID, Entity: model.EntityAssessmentAnswer, EntityID: next.ID, Version: next.Version,
				UserID: u.ID, Field: f, CreatedAt: now,
			}
			if f == "score" {
				c.OldValue, c.NewValue = strconv.Itoa(cur.Score), strconv.Itoa(next.Score)
			} else {
				c.OldValue, c.NewValue = cur.Note, next.Note
			}
			history = append(history, c)
		}
		saved = &next
		return store.AddChanges(ctx, tx, history)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if saved.AnsweredBy != nil && saved.Answerer == nil {
		// Unchanged: show who answered as stored.
		return s.AssessmentAnswer(ctx, u, workspaceID, assessmentID, in.Question)
	}
	return saved, nil
}

// answerValues validates the score and note sent: a score is empty (not
// answered) or 1 to 4; a note is optional text.
func answerValues(in AnswerInput) (int, string, error) {
	var v apperr.Validation
	score := model.ScoreNone
	if s := strings.TrimSpace(in.Score); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || !model.ValidScore(n) {
			v.Add("score", "toets.error.score")
		} else {
			score = n
		}
	}
	note := text(&v, "note", strings.ReplaceAll(in.Note, "\r\n", "\n"), false, MaxAnswerNote)
	return score, note, v.Err()
}
