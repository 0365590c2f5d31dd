package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Entities of the kinderrechtentoets in the change history.
const (
	EntityAssessment       Entity = "assessment"
	EntityAssessmentAnswer Entity = "assessment_answer"
)

// FieldCompleted is the change that marks an assessment complete.
const FieldCompleted = "_completed"

// Scores of the kinderrechtentoets's four-point scale; ScoreNone is a
// question not answered yet.
const (
	ScoreNone    = 0
	ScoreNot     = 1 // niet
	ScoreLimited = 2 // beperkt
	ScoreMostly  = 3 // grotendeels
	ScoreFully   = 4 // volledig
)

// Scores lists the points of the scale, lowest first.
var Scores = []int{ScoreNot, ScoreLimited, ScoreMostly, ScoreFully}

// ValidScore reports whether n is a point of the scale.
func ValidScore(n int) bool { return n >= ScoreNot && n <= ScoreFully }

// Assessment is one kinderrechtentoets of a workspace: a self-assessment,
// per theme of a framework, of how far the workspace's approach gives
// children's rights a place. The coordinator starts it, members answer its
// questions one by one, and the coordinator marks it complete; a later one
// shows what changed.
type Assessment struct {
	bun.BaseModel `bun:"table:assessments"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	Title       string    `bun:"title,notnull"`
	Framework   Framework `bun:"framework,notnull"`
	StartedBy   int64     `bun:"started_by,notnull"`
	Starter     *User     `bun:"rel:belongs-to,join:started_by=id"`
	StartedAt   time.Time `bun:"started_at,notnull"`
	// CompletedAt and CompletedBy are set once the coordinator marks the
	// assessment complete; its answers are final from then on.
	CompletedAt *time.Time `bun:"completed_at"`
	CompletedBy *int64     `bun:"completed_by"`
	Completer   *User      `bun:"rel:belongs-to,join:completed_by=id"`
	Version     int        `bun:"version,notnull"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
}

// Completed reports whether the assessment is marked complete.
func (a *Assessment) Completed() bool { return a.CompletedAt != nil }

// AssessmentAnswer is the answer to one question of an assessment: a score
// on the four-point scale (ScoreNone until answered) and a note. Every
// question of the assessment has its row from the start, so that answers
// are saved against a version like every other field in Schakel.
type AssessmentAnswer struct {
	bun.BaseModel `bun:"table:assessment_answers"`

	ID           int64  `bun:"id,pk,autoincrement"`
	WorkspaceID  int64  `bun:"workspace_id,notnull"`
	AssessmentID int64  `bun:"assessment_id,notnull"`
	Theme        Theme  `bun:"theme,notnull"`
	Question     string `bun:"question,notnull"`
	Position     int    `bun:"position,notnull"`
	Score        int    `bun:"score,notnull"`
	Note         string `bun:"note,notnull"`
	// AnsweredBy is who saved the answer last, if anyone did.
	AnsweredBy *int64    `bun:"answered_by"`
	Answerer   *User     `bun:"rel:belongs-to,join:answered_by=id"`
	Version    int       `bun:"version,notnull"`
	UpdatedAt  time.Time `bun:"updated_at,notnull"`
}

// AssessmentQuestion is one question of the kinderrechtentoets. Its text
// is the message "toets.question.<ID>"; Rights are the articles of the
// Convention it asks about.
type AssessmentQuestion struct {
	ID     string
	Rights []Right
}

// AssessmentQuestions are the questions per theme, in the order they are
// asked: a few per theme, each about one thing a municipality and its
// partners can do for children's rights.
var AssessmentQuestions = map[Theme][]AssessmentQuestion{
	ThemePrevention: {
		{"preventie.reach", []Right{2, 34}},
		{"preventie.views", []Right{12}},
		{"preventie.screening", []Right{19, 34}},
	},
	ThemeSignalling: {
		{"signalering.signs", []Right{19, 34}},
		{"signalering.route", []Right{3, 35}},
		{"signalering.heard", []Right{12}},
	},
	ThemeInvestigation: {
		{"opsporing.interview", []Right{3, 12}},
		{"opsporing.age", []Right{2, 3}},
		{"opsporing.victim_first", []Right{3, 39}},
	},
	ThemeCare: {
		{"zorg.shelter", []Right{3, 39}},
		{"zorg.guardian", []Right{12}},
		{"zorg.after18", []Right{6, 39}},
	},
	ThemePolicy: {
		{"beleid.rights", []Right{3}},
		{"beleid.youth", []Right{12}},
		{"beleid.means", []Right{3, 35}},
	},
	ThemeSpotting: {
		{"signalerend_vermogen.table", []Right{3, 19}},
		{"signalerend_vermogen.officers", []Right{19, 34}},
		{"signalerend_vermogen.unseen", []Right{2}},
	},
	ThemeAwareness: {
		{"bewustwording.parents", []Right{19, 34}},
		{"bewustwording.language", []Right{12}},
	},
	ThemeCooperation: {
		{"samenwerking.roles", []Right{3}},
		{"samenwerking.privacy", []Right{16}},
		{"samenwerking.involved", []Right{12}},
	},
	ThemeShelter: {
		{"opvang.specialised", []Right{39}},
		{"opvang.school", []Right{6}},
		{"opvang.wishes", []Right{3, 12}},
	},
}

// AssessmentQuestionByID finds a question of the catalogue.
func AssessmentQuestionByID(id string) (AssessmentQuestion, bool) {
	for _, list := range AssessmentQuestions {
		for _, q := range list {
			if q.ID == id {
				return q, true
			}
		}
	}
	return AssessmentQuestion{}, false
}
