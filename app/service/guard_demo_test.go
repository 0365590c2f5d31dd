package service_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/testkit"
)

// TestDemoTextPassesTheGuard: what the demo data says in its free-text
// fields is what a careful professional would type, and the guard lets it
// pass without a warning, as it would if it were typed anew.
func TestDemoTextPassesTheGuard(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		type text struct {
			WorkspaceID int64  `bun:"ws"`
			MeetingID   int64  `bun:"meeting"`
			Text        string `bun:"text"`
		}
		checked := 0
		for _, src := range []struct {
			name, query   string
			guest, strict bool
		}{
			{"plan titles", "SELECT workspace_id AS ws, 0 AS meeting, title AS text FROM plans", false, false},
			{"action titles", "SELECT workspace_id AS ws, COALESCE(meeting_id, 0) AS meeting, title AS text FROM actions", false, false},
			{"action descriptions", "SELECT workspace_id AS ws, COALESCE(meeting_id, 0) AS meeting, description AS text FROM actions", false, false},
			{"meeting titles", "SELECT workspace_id AS ws, id AS meeting, title AS text FROM meetings", false, false},
			{"meeting locations", "SELECT workspace_id AS ws, id AS meeting, location AS text FROM meetings", false, false},
			{"agenda item titles", "SELECT workspace_id AS ws, meeting_id AS meeting, title AS text FROM agenda_items", false, false},
			{"minutes", "SELECT workspace_id AS ws, meeting_id AS meeting, notes AS text FROM agenda_items", false, false},
			{"case notes", "SELECT workspace_id AS ws, meeting_id AS meeting, case_notes AS text FROM agenda_items", false, true},
			{"outcomes", "SELECT workspace_id AS ws, meeting_id AS meeting, text FROM outcomes", false, false},
			{"guests", "SELECT workspace_id AS ws, meeting_id AS meeting, guest_name AS text FROM attendees WHERE user_id IS NULL", true, false},
			{"guests' organisations", "SELECT workspace_id AS ws, meeting_id AS meeting, COALESCE(guest_organisation, '') AS text FROM attendees", false, false},
			{"comments and advice", "SELECT workspace_id AS ws, 0 AS meeting, body AS text FROM comments", false, false},
			{"plan reviews", "SELECT workspace_id AS ws, 0 AS meeting, summary AS text FROM plan_reviews", false, false},
			{"signals", "SELECT workspace_id AS ws, 0 AS meeting, description AS text FROM signals", false, false},
			{"toets titles", "SELECT workspace_id AS ws, 0 AS meeting, title AS text FROM assessments", false, false},
			{"toets notes", "SELECT workspace_id AS ws, 0 AS meeting, note AS text FROM assessment_answers", false, false},
			{"workspace descriptions", "SELECT id AS ws, 0 AS meeting, description AS text FROM workspaces", false, false},
			{"agenda templates", "SELECT workspace_id AS ws, 0 AS meeting, name AS text FROM agenda_templates", false, false},
		} {
			t.Run(src.name, func(t *testing.T) {
				var texts []text
				if err := db.NewRaw(src.query).Scan(ctx, &texts); err != nil {
					t.Fatal(err)
				}
				checked += len(texts)
				for _, x := range texts {
					h, err := f.svc.CheckStoredText(ctx, x.WorkspaceID, x.MeetingID, x.Text, src.guest, src.strict)
					if err != nil {
						t.Fatal(err)
					}
					if h != nil {
						t.Errorf("%q: the guard finds %+v", x.Text, h.Findings)
					}
				}
			})
		}
		if checked < 100 {
			t.Fatalf("only %d texts checked: the demo's texts were not found", checked)
		}
	})
}
