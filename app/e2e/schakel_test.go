package e2e_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// Demo accounts (see app/demo).
const (
	anna   = "anna.devries@havenstad.example"                     // coordinator of Havenstad
	mo     = "mo.bakker@veiligthuis-kustland.example"             // editor in Havenstad
	pieter = "pieter.smit@lindendal.example"                      // coordinator of Lindendal only
	admin  = "beheer@schakel.example"                             // platform administrator
	lotte  = "lotte.visser@defenceforchildren.example"            // reviewer, sees every workspace
	youssf = "youssef.elamrani@jeugdbescherming-kustland.example" // viewer in Havenstad
)

// onSQLite runs a browser test on SQLite only. The tests of live updates
// run on every database (testkit.EachDB), as delivery differs between
// them; what the other browser tests do on the server is tested on both
// databases in app/web already, and running them twice would double the
// slowest part of the test run for nothing.
func onSQLite(t *testing.T, fn func(t *testing.T, db *bun.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, testkit.NewDB(t, "sqlite")) })
}

// havenstad is a running Schakel with Havenstad's demo plan, as the tests
// find it.
type havenstad struct {
	env       *testkit.Env
	workspace int64
	plan      *model.Plan
	actions   []model.Action
}

// startHavenstad serves the demo data over db and looks up Havenstad's plan.
func startHavenstad(t *testing.T, db *bun.DB) *havenstad {
	t.Helper()
	env := testkit.Start(t, db)
	ctx := context.Background()
	w, err := store.WorkspaceByName(ctx, db, "Havenstad")
	if err != nil {
		t.Fatalf("workspace Havenstad: %v", err)
	}
	plans, err := store.Plans(ctx, db, w.ID)
	if err != nil || len(plans) == 0 {
		t.Fatalf("Havenstad's plan: %v (%d plans)", err, len(plans))
	}
	p := &plans[0]
	actions, err := store.Actions(ctx, db, w.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &havenstad{env: env, workspace: w.ID, plan: p, actions: actions}
}

// eventually waits until ok holds, polling, for state the browser does not
// show, such as what the database holds.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", waitFor, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// workspacePath is the path of the workspace's overview.
func (h *havenstad) workspacePath() string { return "/workspaces/" + itoa(h.workspace) }

// planPath is the path of the plan's board, with an optional query.
func (h *havenstad) planPath(query string) string {
	p := h.workspacePath() + "/plans/" + itoa(h.plan.ID)
	if query != "" {
		p += "?" + query
	}
	return p
}

// actionPath is the path of an action's own page.
func (h *havenstad) actionPath(id int64) string { return h.workspacePath() + "/actions/" + itoa(id) }

// action returns the first demo action of the theme with the status,
// failing the test when there is none.
func (h *havenstad) action(t *testing.T, theme model.Theme, status model.ActionStatus) model.Action {
	t.Helper()
	for _, a := range h.actions {
		if a.Theme == theme && (status == "" || a.Status == status) {
			return a
		}
	}
	t.Fatalf("no demo action of theme %s and status %q", theme, status)
	return model.Action{}
}

// inTheme returns the demo actions of one theme, in their order.
func (h *havenstad) inTheme(theme model.Theme) []model.Action {
	var out []model.Action
	for _, a := range h.actions {
		if a.Theme == theme {
			out = append(out, a)
		}
	}
	return out
}

// reload reads the action as the database holds it now.
func (h *havenstad) reload(t *testing.T, id int64) *model.Action {
	t.Helper()
	a, err := store.Action(context.Background(), h.env.DB, h.workspace, id)
	if err != nil {
		t.Fatalf("action %d: %v", id, err)
	}
	return a
}
