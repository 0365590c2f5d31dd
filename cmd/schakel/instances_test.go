package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// runAsSchakel makes this test binary act as the schakel command when a
// test starts it as a separate process.
const runAsSchakel = "SCHAKEL_TEST_RUN_AS_SCHAKEL"

func TestMain(m *testing.M) {
	if os.Getenv(runAsSchakel) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startProcess runs `schakel serve` as a process of its own and waits until
// it is ready.
func startProcess(t *testing.T, dsn, addr string, args ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", addr, "--base-url", "http://" + addr,
		"--database-url", dsn, "--data-dir", t.TempDir(), "--log-level", "warn"}, args...)...)
	cmd.Env = append(os.Environ(), runAsSchakel+"=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("schakel at %s did not stop; output:\n%s", addr, out.String())
		}
	})
	for i := 0; i < 150; i++ {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("schakel at %s did not become ready; output:\n%s", addr, out.String())
}

// TestTwoServeProcessesShareLiveUpdates runs two `schakel serve` processes
// on one PostgreSQL database: an edit through one reaches a websocket
// client of the other.
func TestTwoServeProcessesShareLiveUpdates(t *testing.T) {
	base := os.Getenv(testkit.PostgresURLEnv)
	if base == "" {
		t.Skipf("two processes share PostgreSQL; set %s (CI does)", testkit.PostgresURLEnv)
	}
	ctx := context.Background()
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "procs_" + hex.EncodeToString(raw)
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

	one, two := freeAddr(t), freeAddr(t)
	startProcess(t, dsn, one, "--demo")
	startProcess(t, dsn, two, "--demo")

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
	plan, err := svc.CreatePlan(ctx, anna, ws.ID, service.PlanInput{Title: "Twee servers", Framework: model.FrameworkPillars})
	if err != nil {
		t.Fatal(err)
	}
	action, err := svc.CreateAction(ctx, anna, ws.ID, plan.ID, service.ActionInput{Title: "Voor de tweede server", Theme: model.ThemeCare})
	if err != nil {
		t.Fatal(err)
	}

	viaOne := (&testkit.Env{URL: "http://" + one}).Client(t)
	viaOne.SignIn("anna.devries@havenstad.example")
	viaTwo := (&testkit.Env{URL: "http://" + two}).Client(t)
	viaTwo.SignIn("mo.bakker@veiligthuis-kustland.example")

	wsPath := "/workspaces/" + strconv.FormatInt(ws.ID, 10)
	live, status := viaTwo.DialLive(wsPath + "/plans/" + strconv.FormatInt(plan.ID, 10) + "/live")
	if status != http.StatusSwitchingProtocols {
		t.Fatalf("websocket on the second process: %d", status)
	}
	viaOne.Get(wsPath + "/plans/" + strconv.FormatInt(plan.ID, 10))
	r := viaOne.PostHTMX(wsPath+"/actions/"+strconv.FormatInt(action.ID, 10)+"/fields/title",
		url.Values{"value": {"Bewerkt via de eerste server"}, "version": {strconv.Itoa(action.Version)}})
	if r.Status != http.StatusOK {
		t.Fatalf("edit through the first process: %d", r.Status)
	}
	live.Await("#action-"+strconv.FormatInt(action.ID, 10)+"-title", "Bewerkt via de eerste server")
}
