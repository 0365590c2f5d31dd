package views

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"schakel/app/model"
	"schakel/app/service"
)

// ToetsList is the page of a workspace's kinderrechtentoetsen.
type ToetsList struct {
	Workspace   *model.Workspace
	Assessments []service.AssessmentSummary
	// CanManage offers the form to start one (when none is open).
	CanManage bool
	// Form is what the start form was last sent, Errors its message ids.
	Form   ToetsForm
	Errors map[string]string
}

// ToetsForm holds the values of the form that starts an assessment.
type ToetsForm struct {
	Title, Framework string
	// Guard is the privacy guard's answer on the title.
	Guard service.GuardedFields
}

// open is the assessment that is not complete yet, if any.
func (d ToetsList) open() *service.AssessmentSummary {
	for i := range d.Assessments {
		if !d.Assessments[i].Completed() {
			return &d.Assessments[i]
		}
	}
	return nil
}

// ToetsSheetPage is the page of one assessment: its questions by theme,
// each with its answer or, for who may answer an open one, its form.
type ToetsSheetPage struct {
	Workspace *model.Workspace
	Sheet     *service.AssessmentSheet
	// CanAnswer offers the forms; CanManage offers to complete it.
	CanAnswer, CanManage bool
	// Question, if set, replaces the form of one question: what was sent,
	// with its errors or the conflict (a browser without JavaScript).
	Question *ToetsQuestion
}

// editable reports whether the page shows forms.
func (d ToetsSheetPage) editable() bool { return d.CanAnswer && !d.Sheet.Assessment.Completed() }

// question is the view of one answer on the page.
func (d ToetsSheetPage) question(a model.AssessmentAnswer) ToetsQuestion {
	if d.Question != nil && d.Question.Answer.Question == a.Question {
		return *d.Question
	}
	return NewToetsQuestion(d.Sheet.Assessment, a, d.editable())
}

// ToetsQuestion is one question with its answer: as a form for who may
// answer, or as read.
type ToetsQuestion struct {
	Assessment *model.Assessment
	// Answer is the answer as stored.
	Answer model.AssessmentAnswer
	// Editable shows the form.
	Editable bool
	// Score, Note and Version are what the form holds: the stored answer,
	// or what was sent after an error or a conflict.
	Score, Note string
	Version     int
	// Errors are message ids per field ("score", "note").
	Errors map[string]string
	// Guard is the privacy guard's answer on the note.
	Guard *service.GuardedField
	// Conflict, if set, is the answer someone else saved meanwhile, by
	// ConflictBy.
	Conflict   *model.AssessmentAnswer
	ConflictBy string
	// Saved says that the answer was just saved.
	Saved bool
}

// NewToetsQuestion is the view of an answer as stored.
func NewToetsQuestion(a *model.Assessment, ans model.AssessmentAnswer, editable bool) ToetsQuestion {
	q := ToetsQuestion{Assessment: a, Answer: ans, Editable: editable, Note: ans.Note, Version: ans.Version}
	if model.ValidScore(ans.Score) {
		q.Score = strconv.Itoa(ans.Score)
	}
	return q
}

// domID is the id of the question's element.
func (q ToetsQuestion) domID() string { return QuestionDomID(q.Answer.Question) }

// QuestionDomID turns a question's id ("preventie.reach") into an element
// id that CSS selectors take as it is.
func QuestionDomID(question string) string {
	return "q-" + strings.NewReplacer(".", "-", "_", "-").Replace(question)
}

// ToetsComparePage is the page that sets two assessments side by side.
type ToetsComparePage struct {
	Workspace  *model.Workspace
	Comparison *service.AssessmentComparison
	// Base is the assessment the page was opened from, whose "compare
	// with" choice it offers.
	Base *model.Assessment
}

// toetsPath is the address of an assessment's page.
func toetsPath(a *model.Assessment) string {
	return "/workspaces/" + id(a.WorkspaceID) + "/toets/" + id(a.ID)
}

// toetsListPath is the address of a workspace's assessments.
func toetsListPath(workspaceID int64) string { return "/workspaces/" + id(workspaceID) + "/toets" }

// toetsTitle is the assessment's name, or else one after the day it
// started.
func toetsTitle(ctx context.Context, a *model.Assessment) string {
	if a.Title != "" {
		return a.Title
	}
	return T(ctx, "toets.untitled", "Date", FormatDate(ctx, dayOf(a.StartedAt)))
}

// dayOf is the day of a moment in Dutch time, as YYYY-MM-DD.
func dayOf(t time.Time) string { return t.In(Amsterdam()).Format(time.DateOnly) }

// userName is the name of a loaded account, or "" when it is not loaded.
func userName(u *model.User) string {
	if u == nil {
		return ""
	}
	return u.Name
}

// scoreText writes a score as "3 · grotendeels", or says it is missing.
func scoreText(ctx context.Context, score int) string {
	if !model.ValidScore(score) {
		return T(ctx, "toets.not_answered")
	}
	return strconv.Itoa(score) + " · " + T(ctx, "toets.score."+strconv.Itoa(score))
}

// tenths writes a number of tenths with one decimal in the page's
// language: 25 is "2,5" in Dutch and "2.5" in English.
func tenths(ctx context.Context, n int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	sep := "."
	if lang(ctx) == "nl" {
		sep = ","
	}
	return sign + strconv.Itoa(n/10) + sep + strconv.Itoa(n%10)
}

// averageText writes an average score, or says there is none yet.
func averageText(ctx context.Context, a service.ScoreAverage) string {
	if !a.Valid() {
		return T(ctx, "toets.no_average")
	}
	return tenths(ctx, a.Tenths())
}

// changeKind names a change for its class and symbol: up, down, same or
// none (cannot be compared).
func changeKind(delta int, ok bool) string {
	switch {
	case !ok:
		return "none"
	case delta > 0:
		return "up"
	case delta < 0:
		return "down"
	}
	return "same"
}

// changeSymbol is the sign that shows a change's direction beside its
// words, so that it reads without colour.
func changeSymbol(kind string) string {
	switch kind {
	case "up":
		return "▲"
	case "down":
		return "▼"
	case "same":
		return "="
	}
	return "–"
}

// changeText writes a change in words: "hoger (+1)", "gelijk", … delta is
// in steps of the scale, or in tenths when inTenths.
func changeText(ctx context.Context, delta int, ok, inTenths bool) string {
	kind := changeKind(delta, ok)
	if kind == "same" || kind == "none" {
		return T(ctx, "toets.change."+kind)
	}
	d := strconv.Itoa(delta)
	if inTenths {
		d = tenths(ctx, delta)
	}
	if delta > 0 {
		d = "+" + d
	}
	return T(ctx, "toets.change."+kind, "Delta", d)
}

// questionRights lists the articles a question asks about.
func questionRights(question string) []model.Right {
	q, _ := model.AssessmentQuestionByID(question)
	return q.Rights
}

// noteAttrs are the attributes of the note's text area: its hint, and its
// error or the privacy guard's answer.
func (q ToetsQuestion) noteAttrs(controlID string) templ.Attributes {
	a := guardedAttrs(controlID, q.Errors["note"], q.Guard, false)
	if d, ok := a["aria-describedby"].(string); ok {
		a["aria-describedby"] = d + " " + controlID + "-hint"
	} else {
		a["aria-describedby"] = controlID + "-hint"
	}
	return a
}
