package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"testing"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestSignOutClosesLiveConnectionsOnEveryInstance runs two `schakel serve`
// processes on one PostgreSQL database with one secret key, as a
// deployment behind a load balancer does: a page of a session follows a
// plan through the second process, the session signs out through the
// first, and the page's websocket on the second closes at once.
func TestSignOutClosesLiveConnectionsOnEveryInstance(t *testing.T) {
	base := os.Getenv(testkit.PostgresURLEnv)
	if base == "" {
		t.Skipf("two processes share PostgreSQL; set %s (CI does)", testkit.PostgresURLEnv)
	}
	ctx := context.Background()
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "sessions_" + hex.EncodeToString(raw)
	admin, err := store.OpenPostgres(base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()

	secret := "one-secret-key-shared-by-both-instances-0123456789"
	one, two := freeAddr(t), freeAddr(t)
	startProcess(t, dsn, one, "--demo", "--secret-key", secret)
	startProcess(t, dsn, two, "--demo", "--secret-key", secret)

	db, err := store.OpenPostgres(base, map[string]any{"search_path": schema})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	az, err := authz.New(db)
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(db, az, nil)
	ws, err := store.WorkspaceByName(ctx, db, "Havenstad")
	if err != nil {
		t.Fatal(err)
	}
	anna, err := store.UserByEmail(ctx, db, "anna.devries@havenstad.example")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := svc.CreatePlan(ctx, anna, ws.ID, service.PlanInput{Title: "Afmelden op twee servers", Framework: model.FrameworkPillars})
	if err != nil {
		t.Fatal(err)
	}
	live := "/workspaces/" + strconv.FormatInt(ws.ID, 10) + "/plans/" + strconv.FormatInt(plan.ID, 10) + "/live"

	viaOne := (&testkit.Env{URL: "http://" + one}).Client(t)
	viaOne.SignIn("mo.bakker@veiligthuis-kustland.example")
	// The same browser, its next request landing on the other process.
	viaTwo := (&testkit.Env{URL: "http://" + two}).Client(t)
	viaTwo.HTTP.Jar = viaOne.HTTP.Jar
	socket, status := viaTwo.DialLive(live)
	if status != http.StatusSwitchingProtocols {
		t.Fatalf("websocket on the second process: %d", status)
	}
	if r := viaOne.Post("/logout", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("sign out through the first process: %d", r.Status)
	}
	if reason := socket.Closed(); reason != "signed out" {
		t.Fatalf("the second process closed the socket with %q, want %q", reason, "signed out")
	}
	if r := viaTwo.Get("/workspaces"); r.Status != http.StatusSeeOther {
		t.Fatalf("the second process still knows the session: %d", r.Status)
	}
}
