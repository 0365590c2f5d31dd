package migrations

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// Frozen copies of the meeting tables as they were created.
type meeting20261128 struct {
	bun.BaseModel `bun:"table:meetings"`

	ID            int64      `bun:"id,pk,autoincrement"`
	WorkspaceID   int64      `bun:"workspace_id,notnull"`
	Title         string     `bun:"title,notnull"`
	Kind          string     `bun:"kind,notnull"`
	Date          string     `bun:"date,notnull"`
	StartTime     string     `bun:"start_time,notnull"`
	Duration      int        `bun:"duration,notnull"`
	Location      string     `bun:"location,notnull"`
	OnlineURL     string     `bun:"online_url,notnull"`
	State         string     `bun:"state,notnull"`
	PlanID        *int64     `bun:"plan_id"`
	CurrentItemID *int64     `bun:"current_item_id"`
	CurrentSince  *time.Time `bun:"current_since"`
	Version       int        `bun:"version,notnull"`
	CreatedBy     int64      `bun:"created_by,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull"`
	DeletedAt     *time.Time `bun:"deleted_at"`
}

type agendaItem20261128 struct {
	bun.BaseModel `bun:"table:agenda_items"`

	ID                  int64      `bun:"id,pk,autoincrement"`
	WorkspaceID         int64      `bun:"workspace_id,notnull"`
	MeetingID           int64      `bun:"meeting_id,notnull"`
	Title               string     `bun:"title,notnull"`
	Kind                string     `bun:"kind,notnull"`
	Duration            int        `bun:"duration,notnull"`
	PresenterUserID     *int64     `bun:"presenter_user_id"`
	PresenterAttendeeID *int64     `bun:"presenter_attendee_id"`
	Notes               string     `bun:"notes,notnull"`
	CaseNotes           string     `bun:"case_notes,notnull"`
	CasePurgedAt        *time.Time `bun:"case_purged_at"`
	Position            float64    `bun:"position,notnull"`
	Version             int        `bun:"version,notnull"`
	CreatedBy           int64      `bun:"created_by,notnull"`
	CreatedAt           time.Time  `bun:"created_at,notnull"`
	UpdatedAt           time.Time  `bun:"updated_at,notnull"`
	DeletedAt           *time.Time `bun:"deleted_at"`
}

type attendee20261128 struct {
	bun.BaseModel `bun:"table:attendees"`

	ID                int64     `bun:"id,pk,autoincrement"`
	WorkspaceID       int64     `bun:"workspace_id,notnull"`
	MeetingID         int64     `bun:"meeting_id,notnull"`
	UserID            *int64    `bun:"user_id"`
	GuestName         string    `bun:"guest_name,notnull"`
	GuestOrganisation string    `bun:"guest_organisation,notnull"`
	RSVP              string    `bun:"rsvp,notnull"`
	Presence          string    `bun:"presence,notnull"`
	CreatedAt         time.Time `bun:"created_at,notnull"`
}

type outcome20261128 struct {
	bun.BaseModel `bun:"table:outcomes"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	MeetingID   int64      `bun:"meeting_id,notnull"`
	ItemID      int64      `bun:"item_id,notnull"`
	Kind        string     `bun:"kind,notnull"`
	Text        string     `bun:"text,notnull"`
	ActionID    *int64     `bun:"action_id"`
	CreatedBy   int64      `bun:"created_by,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
	DeletedAt   *time.Time `bun:"deleted_at"`
}

type agendaTemplate20261128 struct {
	bun.BaseModel `bun:"table:agenda_templates"`

	ID          int64     `bun:"id,pk,autoincrement"`
	WorkspaceID int64     `bun:"workspace_id,notnull"`
	Name        string    `bun:"name,notnull"`
	Kind        string    `bun:"kind,notnull"`
	Items       string    `bun:"items,notnull"`
	CreatedBy   int64     `bun:"created_by,notnull"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

type auditEntry20261128 struct {
	bun.BaseModel `bun:"table:audit_log"`

	ID          int64     `bun:"id,pk,autoincrement"`
	At          time.Time `bun:"at,notnull"`
	UserID      *int64    `bun:"user_id"`
	WorkspaceID *int64    `bun:"workspace_id"`
	Event       string    `bun:"event,notnull"`
	Object      string    `bun:"object,notnull"`
	ObjectID    int64     `bun:"object_id,notnull"`
	Detail      string    `bun:"detail,notnull"`
}

type calendarToken20261128 struct {
	bun.BaseModel `bun:"table:calendar_tokens"`

	UserID    int64     `bun:"user_id,pk"`
	TokenHash string    `bun:"token_hash,notnull,unique"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}

type actionLink20261128 struct {
	bun.BaseModel `bun:"table:actions"`

	MeetingID    *int64 `bun:"meeting_id"`
	AgendaItemID *int64 `bun:"agenda_item_id"`
}

// appendOnly makes the database itself refuse to change or delete audit
// lines, whatever code asks.
func appendOnly(ctx context.Context, tx bun.Tx) error {
	var stmts []string
	if tx.Dialect().Name() == dialect.PG {
		stmts = []string{
			`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
		}
	} else {
		stmts = []string{
			`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
			`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
		}
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			create := func(model any, fks ...string) func() error {
				return func() error {
					q := tx.NewCreateTable().Model(model)
					for _, fk := range fks {
						q = q.ForeignKey(fk)
					}
					_, err := q.Exec(ctx)
					return err
				}
			}
			index := func(model any, name string, cols ...string) func() error {
				return func() error {
					_, err := tx.NewCreateIndex().Model(model).Index(name).Column(cols...).Exec(ctx)
					return err
				}
			}
			ws := `("workspace_id") REFERENCES "workspaces" ("id") ON DELETE CASCADE`
			meeting := `("meeting_id") REFERENCES "meetings" ("id") ON DELETE CASCADE`
			steps := []func() error{
				create((*meeting20261128)(nil), ws,
					`("plan_id") REFERENCES "plans" ("id") ON DELETE SET NULL`,
					`("created_by") REFERENCES "users" ("id")`),
				index((*meeting20261128)(nil), "meetings_workspace_date_idx", "workspace_id", "date"),
				create((*attendee20261128)(nil), ws, meeting,
					`("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`),
				index((*attendee20261128)(nil), "attendees_meeting_idx", "meeting_id"),
				index((*attendee20261128)(nil), "attendees_user_idx", "user_id"),
				create((*agendaItem20261128)(nil), ws, meeting,
					`("presenter_user_id") REFERENCES "users" ("id") ON DELETE SET NULL`,
					`("presenter_attendee_id") REFERENCES "attendees" ("id") ON DELETE SET NULL`,
					`("created_by") REFERENCES "users" ("id")`),
				index((*agendaItem20261128)(nil), "agenda_items_meeting_position_idx", "meeting_id", "position"),
				create((*outcome20261128)(nil), ws, meeting,
					`("item_id") REFERENCES "agenda_items" ("id") ON DELETE CASCADE`,
					`("action_id") REFERENCES "actions" ("id") ON DELETE SET NULL`,
					`("created_by") REFERENCES "users" ("id")`),
				index((*outcome20261128)(nil), "outcomes_meeting_idx", "meeting_id"),
				create((*agendaTemplate20261128)(nil), ws, `("created_by") REFERENCES "users" ("id")`),
				create((*auditEntry20261128)(nil)),
				index((*auditEntry20261128)(nil), "audit_log_workspace_idx", "workspace_id", "at"),
				func() error { return appendOnly(ctx, tx) },
				create((*calendarToken20261128)(nil), `("user_id") REFERENCES "users" ("id") ON DELETE CASCADE`),
				func() error {
					_, err := tx.NewAddColumn().Model((*actionLink20261128)(nil)).
						ColumnExpr(`meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL`).Exec(ctx)
					return err
				},
				func() error {
					_, err := tx.NewAddColumn().Model((*actionLink20261128)(nil)).
						ColumnExpr(`agenda_item_id BIGINT REFERENCES agenda_items (id) ON DELETE SET NULL`).Exec(ctx)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					return fmt.Errorf("meetings step %d: %w", i+1, err)
				}
			}
			return nil
		})
	}, func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			for _, col := range []string{"agenda_item_id", "meeting_id"} {
				if _, err := tx.NewDropColumn().Model((*actionLink20261128)(nil)).Column(col).Exec(ctx); err != nil {
					return err
				}
			}
			for _, m := range []any{(*calendarToken20261128)(nil), (*auditEntry20261128)(nil), (*agendaTemplate20261128)(nil),
				(*outcome20261128)(nil), (*agendaItem20261128)(nil), (*attendee20261128)(nil), (*meeting20261128)(nil)} {
				if _, err := tx.NewDropTable().Model(m).IfExists().Exec(ctx); err != nil {
					return err
				}
			}
			if tx.Dialect().Name() == dialect.PG {
				_, err := tx.ExecContext(ctx, `DROP FUNCTION IF EXISTS audit_log_append_only()`)
				return err
			}
			return nil
		})
	})
}
