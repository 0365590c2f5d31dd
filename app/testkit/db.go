// Package testkit starts real Schakel components for tests: databases
// (SQLite always, PostgreSQL when SCHAKEL_TEST_DATABASE_URL is set), a real
// server on a loopback port, and an HTTP client that behaves like a browser
// with cookies and CSRF tokens.
package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/store"
)

// PostgresURLEnv names the variable with the PostgreSQL URL for tests. When
// it is set, every database test also runs on PostgreSQL, and failing to
// reach it fails the test instead of skipping it.
const PostgresURLEnv = "SCHAKEL_TEST_DATABASE_URL"

// Dialects lists the databases the tests run on here: "sqlite", and
// "postgres" when configured.
func Dialects() []string {
	if os.Getenv(PostgresURLEnv) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// EachDB runs fn as a subtest on a fresh, migrated database of every dialect.
func EachDB(t *testing.T, fn func(t *testing.T, db *bun.DB)) {
	t.Helper()
	for _, dialect := range Dialects() {
		t.Run(dialect, func(t *testing.T) { fn(t, NewDB(t, dialect)) })
	}
}

// NewDB returns a fresh, migrated database of the dialect, removed when the
// test ends.
func NewDB(t testing.TB, dialect string) *bun.DB {
	t.Helper()
	db := OpenDB(t, dialect)
	if _, err := store.Migrate(context.Background(), db); err != nil {
		t.Fatalf("migrate %s: %v", dialect, err)
	}
	return db
}

// OpenDB returns a fresh, empty database of the dialect, not migrated, for
// tests of the migrations themselves; removed when the test ends.
func OpenDB(t testing.TB, dialect string) *bun.DB {
	t.Helper()
	var db *bun.DB
	switch dialect {
	case "sqlite":
		var err error
		db, err = store.OpenSQLite(filepath.Join(t.TempDir(), "schakel.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
	case "postgres":
		db = newPostgres(t)
	default:
		t.Fatalf("unknown dialect %q", dialect)
	}
	return db
}

// newPostgres makes a schema of its own for the test, so that tests never
// see each other's rows, and drops it afterwards.
func newPostgres(t testing.TB) *bun.DB {
	t.Helper()
	dsn := os.Getenv(PostgresURLEnv)
	if dsn == "" {
		t.Fatalf("%s is not set", PostgresURLEnv)
	}
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	schema := "test_" + hex.EncodeToString(raw)
	admin, err := store.OpenPostgres(dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("PostgreSQL at %s: %v", PostgresURLEnv, err)
	}
	db, err := store.OpenPostgres(dsn, map[string]any{"search_path": schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
		admin.Close()
	})
	return db
}
