package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copies of the tables of the kinderrechtentoets: an assessment per
// workspace and round, and one answer row per question of it.
type assessment20261201 struct {
	bun.BaseModel `bun:"table:assessments"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Title       string     `bun:"title,notnull"`
	Framework   string     `bun:"framework,notnull"`
	StartedBy   int64      `bun:"started_by,notnull"`
	StartedAt   time.Time  `bun:"started_at,notnull"`
	CompletedAt *time.Time `bun:"completed_at"`
	CompletedBy *int64     `bun:"completed_by"`
	Version     int        `bun:"version,notnull"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
}

type assessmentAnswer20261201 struct {
	bun.BaseModel `bun:"table:assessment_answers"`

	ID           int64     `bun:"id,pk,autoincrement"`
	WorkspaceID  int64     `bun:"workspace_id,notnull"`
	AssessmentID int64     `bun:"assessment_id,notnull"`
	Theme        string    `bun:"theme,notnull"`
	Question     string    `bun:"question,notnull"`
	Position     int       `bun:"position,notnull"`
	Score        int       `bun:"score,notnull"`
	Note         string    `bun:"note,notnull"`
	AnsweredBy   *int64    `bun:"answered_by"`
	Version      int       `bun:"version,notnull"`
	UpdatedAt    time.Time `bun:"updated_at,notnull"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*assessment20261201)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("started_by") REFERENCES "users" ("id")`).
						ForeignKey(`("completed_by") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*assessment20261201)(nil)).
						Index("assessments_workspace_idx").Column("workspace_id", "started_at").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*assessmentAnswer20261201)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE`).
						ForeignKey(`("answered_by") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					// One answer per question of an assessment.
					_, err := tx.NewCreateIndex().Model((*assessmentAnswer20261201)(nil)).Unique().
						Index("assessment_answers_question_idx").Column("assessment_id", "question").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("toets step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, nil)
}
