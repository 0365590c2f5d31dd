package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"testing"

	"schakel/app/demo"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestTwoProcessesShareSignInCounts: two schakel processes on one
// PostgreSQL database, with the same secret key, count failed sign-ins
// together: guesses spread over both are held back as they would be by
// one, with real argon2id.
func TestTwoProcessesShareSignInCounts(t *testing.T) {
	base := os.Getenv(testkit.PostgresURLEnv)
	if base == "" {
		t.Skipf("two processes share PostgreSQL; set %s (CI does)", testkit.PostgresURLEnv)
	}
	ctx := context.Background()
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "signin_" + hex.EncodeToString(raw)
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

	key := hex.EncodeToString(raw) + "-shared-secret-key-of-both-instances"
	one, two := freeAddr(t), freeAddr(t)
	startProcess(t, dsn, one, "--demo", "--secret-key", key)
	startProcess(t, dsn, two, "--secret-key", key)
	servers := []*testkit.Env{{URL: "http://" + one}, {URL: "http://" + two}}

	const email = "mo.bakker@veiligthuis-kustland.example"
	checked := 0
	for i := range 12 {
		c := servers[i%2].Client(t)
		c.Get("/login")
		r := c.Post("/login", url.Values{"email": {email}, "password": {"raden-raden-" + string(rune('a'+i))}})
		switch r.Status {
		case http.StatusUnauthorized:
			checked++
		case http.StatusTooManyRequests:
		default:
			t.Fatalf("guess %d: %d", i+1, r.Status)
		}
	}
	// The default allows five failures before the first wait.
	if checked != 5 {
		t.Fatalf("%d of 12 guesses over two processes were checked, want 5", checked)
	}
	for _, s := range servers {
		c := s.Client(t)
		c.Get("/login")
		if r := c.Post("/login", url.Values{"email": {email}, "password": {demo.Password}}); r.Status != http.StatusTooManyRequests {
			t.Fatalf("%s: the owner during the wait: %d, want 429", s.URL, r.Status)
		}
	}
}
