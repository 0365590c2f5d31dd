package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Subject names the kind of object a comment or advice is written on.
type Subject string

// Objects that carry comments and advice.
const (
	SubjectPlan    Subject = "plan"
	SubjectAction  Subject = "action"
	SubjectMeeting Subject = "meeting"
	SubjectItem    Subject = "agenda_item"
)

// Subjects lists the objects that carry comments.
var Subjects = []Subject{SubjectPlan, SubjectAction, SubjectMeeting, SubjectItem}

// Valid reports whether s is one of Subjects.
func (s Subject) Valid() bool {
	return s == SubjectPlan || s == SubjectAction || s == SubjectMeeting || s == SubjectItem
}

// CommentKind says whether a comment is an ordinary remark of a member or
// Defence for Children's advice, which has a state and may have a due date.
type CommentKind string

// Comment kinds.
const (
	CommentRemark CommentKind = "opmerking"
	CommentAdvice CommentKind = "advies"
)

// AdviceState is where an advice stands: open until the workspace answers
// it, answered until it is closed.
type AdviceState string

// Advice states, in the order an advice passes them. A remark has none.
const (
	AdviceNone     AdviceState = ""
	AdviceOpen     AdviceState = "open"
	AdviceAnswered AdviceState = "beantwoord"
	AdviceClosed   AdviceState = "gesloten"
)

// AdviceStates lists the states of an advice in order.
var AdviceStates = []AdviceState{AdviceOpen, AdviceAnswered, AdviceClosed}

// Valid reports whether s is one of AdviceStates.
func (s AdviceState) Valid() bool {
	return s == AdviceOpen || s == AdviceAnswered || s == AdviceClosed
}

// Comment is a remark or an advice on a plan, action, meeting or agenda
// item, or a reply to one. Threads are one level deep: a reply names the
// comment it answers in ParentID and has no replies of its own.
type Comment struct {
	bun.BaseModel `bun:"table:comments"`

	ID          int64       `bun:"id,pk,autoincrement"`
	WorkspaceID int64       `bun:"workspace_id,notnull"`
	Subject     Subject     `bun:"subject,notnull"`
	SubjectID   int64       `bun:"subject_id,notnull"`
	ParentID    *int64      `bun:"parent_id"`
	Kind        CommentKind `bun:"kind,notnull"`
	State       AdviceState `bun:"state,notnull"`
	DueDate     string      `bun:"due_date,notnull"` // YYYY-MM-DD or empty; advice only
	Body        string      `bun:"body,notnull"`
	AuthorID    int64       `bun:"author_id,notnull"`
	Author      *User       `bun:"rel:belongs-to,join:author_id=id"`
	Version     int         `bun:"version,notnull"`
	CreatedAt   time.Time   `bun:"created_at,notnull"`
	UpdatedAt   time.Time   `bun:"updated_at,notnull"`
	DeletedAt   *time.Time  `bun:"deleted_at"`
}

// IsAdvice reports whether the comment is an advice of Defence for Children.
func (c *Comment) IsAdvice() bool { return c.Kind == CommentAdvice }

// PlanReview records that a reviewer of Defence for Children reviewed a
// plan on a day, with a summary of what they found. A plan can be reviewed
// again; the newest review is the one shown first.
type PlanReview struct {
	bun.BaseModel `bun:"table:plan_reviews"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	PlanID      int64     `bun:"plan_id,notnull"`
	ReviewedOn  string    `bun:"reviewed_on,notnull"` // YYYY-MM-DD
	Summary     string    `bun:"summary,notnull"`
	ReviewerID  int64     `bun:"reviewer_id,notnull"`
	Reviewer    *User     `bun:"rel:belongs-to,join:reviewer_id=id"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}
