package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateAssessment inserts a and fills its id.
func CreateAssessment(ctx context.Context, db bun.IDB, a *model.Assessment) error {
	_, err := db.NewInsert().Model(a).Returning("id").Exec(ctx)
	return err
}

// CreateAssessmentAnswers inserts the answer rows of a new assessment.
func CreateAssessmentAnswers(ctx context.Context, db bun.IDB, answers []model.AssessmentAnswer) error {
	if len(answers) == 0 {
		return nil
	}
	_, err := db.NewInsert().Model(&answers).Exec(ctx)
	return err
}

func assessmentQuery(db bun.IDB, a any, workspaceID int64) *bun.SelectQuery {
	return db.NewSelect().Model(a).
		Relation("Starter", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Relation("Completer", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID)
}

// Assessment loads one assessment of the workspace, with who started and
// completed it.
func Assessment(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Assessment, error) {
	a := new(model.Assessment)
	err := assessmentQuery(db, a, workspaceID).Where("?TableAlias.id = ?", id).Scan(ctx)
	return a, notFound(err)
}

// AssessmentForUpdate loads an assessment of the workspace and, on
// PostgreSQL, locks its row until the transaction ends.
func AssessmentForUpdate(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Assessment, error) {
	a := new(model.Assessment)
	q := db.NewSelect().Model(a).Where("workspace_id = ?", workspaceID).Where("id = ?", id)
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return a, notFound(q.Scan(ctx))
}

// Assessments lists the workspace's assessments, newest first.
func Assessments(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.Assessment, error) {
	var list []model.Assessment
	err := assessmentQuery(db, &list, workspaceID).
		OrderExpr("?TableAlias.started_at DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}

// LockAssessments takes, on PostgreSQL, the workspace's row lock until the
// transaction ends, so that two coordinators cannot start an assessment
// each at the same moment (SQLite's transactions lock the whole database).
func LockAssessments(ctx context.Context, db bun.IDB, workspaceID int64) error {
	if !IsPostgres(db) {
		return nil
	}
	var id int64
	return db.NewSelect().Model((*model.Workspace)(nil)).Column("id").
		Where("id = ?", workspaceID).For("UPDATE").Scan(ctx, &id)
}

// OpenAssessment returns the workspace's assessment that is not complete,
// or ErrNotFound.
func OpenAssessment(ctx context.Context, db bun.IDB, workspaceID int64) (*model.Assessment, error) {
	a := new(model.Assessment)
	err := db.NewSelect().Model(a).Where("workspace_id = ?", workspaceID).
		Where("completed_at IS NULL").OrderExpr("id DESC").Limit(1).Scan(ctx)
	return a, notFound(err)
}

// UpdateAssessment writes the named columns of a, and its version and
// update time, if the stored version is still a.Version-1.
func UpdateAssessment(ctx context.Context, db bun.IDB, a *model.Assessment, columns ...string) error {
	res, err := db.NewUpdate().Model(a).Column(append(columns, "version", "updated_at")...).
		Where("workspace_id = ?", a.WorkspaceID).Where("id = ?", a.ID).
		Where("version = ?", a.Version-1).Exec(ctx)
	return affected(res, err)
}

// AssessmentAnswers lists the answers of the assessments, in the order of
// their questions, with who answered each.
func AssessmentAnswers(ctx context.Context, db bun.IDB, workspaceID int64, assessmentIDs ...int64) ([]model.AssessmentAnswer, error) {
	var list []model.AssessmentAnswer
	if len(assessmentIDs) == 0 {
		return list, nil
	}
	err := db.NewSelect().Model(&list).
		Relation("Answerer", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.assessment_id IN (?)", bun.In(assessmentIDs)).
		OrderExpr("?TableAlias.assessment_id ASC, ?TableAlias.position ASC").Scan(ctx)
	return list, err
}

// AssessmentAnswer loads the answer to one question of an assessment of
// the workspace, with who answered it.
func AssessmentAnswer(ctx context.Context, db bun.IDB, workspaceID, assessmentID int64, question string) (*model.AssessmentAnswer, error) {
	a := new(model.AssessmentAnswer)
	err := db.NewSelect().Model(a).
		Relation("Answerer", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.assessment_id = ?", assessmentID).
		Where("?TableAlias.question = ?", question).Scan(ctx)
	return a, notFound(err)
}

// AssessmentAnswerForUpdate loads an answer like AssessmentAnswer, without
// who answered it, and on PostgreSQL locks its row.
func AssessmentAnswerForUpdate(ctx context.Context, db bun.IDB, workspaceID, assessmentID int64, question string) (*model.AssessmentAnswer, error) {
	a := new(model.AssessmentAnswer)
	q := db.NewSelect().Model(a).Where("workspace_id = ?", workspaceID).
		Where("assessment_id = ?", assessmentID).Where("question = ?", question)
	if IsPostgres(db) {
		q = q.For("UPDATE")
	}
	return a, notFound(q.Scan(ctx))
}

// UpdateAssessmentAnswer writes the named columns of a, and its version,
// update time and who answered, if the stored version is still
// a.Version-1.
func UpdateAssessmentAnswer(ctx context.Context, db bun.IDB, a *model.AssessmentAnswer, columns ...string) error {
	res, err := db.NewUpdate().Model(a).Column(append(columns, "version", "updated_at", "answered_by")...).
		Where("workspace_id = ?", a.WorkspaceID).Where("id = ?", a.ID).
		Where("version = ?", a.Version-1).Exec(ctx)
	return affected(res, err)
}
