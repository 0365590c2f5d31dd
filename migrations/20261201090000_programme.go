package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Frozen copies of the tables of Defence for Children's programme that
// several parts share: comments and advice, plan reviews and signals for
// national policy.
type comment20261201 struct {
	bun.BaseModel `bun:"table:comments"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Subject     string     `bun:"subject,notnull"`
	SubjectID   int64      `bun:"subject_id,notnull"`
	ParentID    *int64     `bun:"parent_id"`
	Kind        string     `bun:"kind,notnull"`
	State       string     `bun:"state,notnull"`
	DueDate     string     `bun:"due_date,notnull"`
	Body        string     `bun:"body,notnull"`
	AuthorID    int64      `bun:"author_id,notnull"`
	Version     int        `bun:"version,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
	DeletedAt   *time.Time `bun:"deleted_at"`
}

type planReview20261201 struct {
	bun.BaseModel `bun:"table:plan_reviews"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	PlanID      int64     `bun:"plan_id,notnull"`
	ReviewedOn  string    `bun:"reviewed_on,notnull"`
	Summary     string    `bun:"summary,notnull"`
	ReviewerID  int64     `bun:"reviewer_id,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

type signal20261201 struct {
	bun.BaseModel `bun:"table:signals"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Source      string     `bun:"source,notnull"`
	SourceID    int64      `bun:"source_id,notnull"`
	Bottleneck  string     `bun:"bottleneck,notnull"`
	Theme       string     `bun:"theme,notnull"`
	Description string     `bun:"description,notnull"`
	CreatedBy   int64      `bun:"created_by,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
	DeletedAt   *time.Time `bun:"deleted_at"`
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			steps := []func() error{
				func() error {
					_, err := tx.NewCreateTable().Model((*comment20261201)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("parent_id") REFERENCES "comments" ("id") ON DELETE CASCADE`).
						ForeignKey(`("author_id") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*comment20261201)(nil)).
						Index("comments_subject_idx").Column("workspace_id", "subject", "subject_id").Exec(ctx)
					return err
				},
				func() error {
					// The programme overview counts open advice per workspace.
					_, err := tx.NewCreateIndex().Model((*comment20261201)(nil)).
						Index("comments_kind_state_idx").Column("kind", "state", "workspace_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*planReview20261201)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("plan_id") REFERENCES "plans" ("id") ON DELETE CASCADE`).
						ForeignKey(`("reviewer_id") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*planReview20261201)(nil)).
						Index("plan_reviews_plan_idx").Column("workspace_id", "plan_id").Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateTable().Model((*signal20261201)(nil)).
						ForeignKey(`("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`).
						ForeignKey(`("created_by") REFERENCES "users" ("id")`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewCreateIndex().Model((*signal20261201)(nil)).
						Index("signals_workspace_idx").Column("workspace_id", "source", "source_id").Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("programme step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, nil)
}
