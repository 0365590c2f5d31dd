package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// databaseArgs are the flags that point a command at the test's database.
func databaseArgs(t *testing.T, db *bun.DB) []string {
	t.Helper()
	ctx := context.Background()
	if store.IsPostgres(db) {
		var schema string
		if err := db.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(os.Getenv(testkit.PostgresURLEnv))
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return []string{"--data-dir", t.TempDir(), "--database-url", u.String()}
	}
	var file string
	rows, err := db.QueryContext(ctx, "SELECT file FROM pragma_database_list WHERE name = 'main'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&file); err != nil {
			t.Fatal(err)
		}
	}
	if filepath.Base(file) != "schakel.db" {
		t.Fatalf("the test database is %q, not a schakel.db in a data directory", file)
	}
	return []string{"--data-dir", filepath.Dir(file)}
}

// TestAuditVerify runs schakel audit verify against a log that holds and
// against logs changed behind the database's back: the command fails and
// names the first line that breaks the chain, by id, time and event.
func TestAuditVerify(t *testing.T) {
	type line = model.AuditEntry
	tests := []struct {
		name string
		// tamper changes the log of five lines; it returns the anchor to
		// pass, if any.
		tamper  func(t *testing.T, db *bun.DB, l []line) string
		wantErr func(l []line) string
		wantOut string
	}{
		{"a log that holds", func(*testing.T, *bun.DB, []line) string { return "" }, nil, "the audit log holds: 5 entries"},
		{"a log that holds, with the anchor of an earlier check", func(_ *testing.T, _ *bun.DB, l []line) string {
			return fmt.Sprintf("%d:%s", l[2].ID, l[2].Hash)
		}, nil, "still has the hash it had"},
		{"an entry changed", func(t *testing.T, db *bun.DB, l []line) string {
			testkit.TamperAudit(t, db, "UPDATE audit_log SET event = ? WHERE id = ?", model.AuditCasePurge, l[1].ID)
			return ""
		}, func(l []line) string {
			return fmt.Sprintf("broken at entry %d (%s, %s): its contents no longer give its hash", l[1].ID, l[1].At.Format(time.RFC3339), model.AuditCasePurge)
		}, ""},
		{"an entry removed", func(t *testing.T, db *bun.DB, l []line) string {
			testkit.TamperAudit(t, db, "DELETE FROM audit_log WHERE id = ?", l[2].ID)
			return ""
		}, func(l []line) string {
			return fmt.Sprintf("broken at entry %d (%s, %s): it does not follow on entry %d", l[3].ID, l[3].At.Format(time.RFC3339), l[3].Event, l[1].ID)
		}, ""},
		{"the last entry removed, found by the anchor", func(t *testing.T, db *bun.DB, l []line) string {
			testkit.TamperAudit(t, db, "DELETE FROM audit_log WHERE id = ?", l[4].ID)
			return fmt.Sprintf("%d:%s", l[4].ID, l[4].Hash)
		}, func(l []line) string {
			return fmt.Sprintf("no longer holds entry %d, which an earlier check ended at: the log was cut short", l[4].ID)
		}, ""},
		{"the last entry rewritten with a fresh hash, found by the anchor", func(t *testing.T, db *bun.DB, l []line) string {
			e := l[4]
			e.Detail = "rewritten"
			testkit.TamperAudit(t, db, "UPDATE audit_log SET detail = ?, hash = ? WHERE id = ?", e.Detail, store.AuditHash(&e), e.ID)
			return fmt.Sprintf("%d:%s", l[4].ID, l[4].Hash)
		}, func(l []line) string {
			return fmt.Sprintf("entry %d (%s, %s) no longer has the hash an earlier check found", l[4].ID, l[4].At.Format(time.RFC3339), l[4].Event)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
				ctx := context.Background()
				var lines []line
				user := int64(2)
				for i, ev := range []string{model.AuditSignIn, model.AuditCaseView, model.AuditMeetingExport, model.AuditCaseView, model.AuditSignOut} {
					e := line{At: time.Date(2026, 11, 30, 8, 30, i, 0, time.UTC), UserID: &user, Event: ev, Object: model.AuditObjectUser, ObjectID: user}
					if err := store.Audit(ctx, db, &e); err != nil {
						t.Fatal(err)
					}
					lines = append(lines, e)
				}
				args := append([]string{"audit", "verify"}, databaseArgs(t, db)...)
				if anchor := tt.tamper(t, db, lines); anchor != "" {
					args = append(args, "--anchor", anchor)
				}
				var out, errOut bytes.Buffer
				err := run(ctx, args, strings.NewReader(""), &out, &errOut)
				if tt.wantErr != nil {
					if want := tt.wantErr(lines); err == nil || !strings.Contains(err.Error(), want) {
						t.Fatalf("err %v\nwant %q", err, want)
					}
					return
				}
				if err != nil {
					t.Fatalf("err %v; stderr %s", err, errOut.String())
				}
				if !strings.Contains(out.String(), tt.wantOut) || !strings.Contains(out.String(), fmt.Sprintf("anchor for the next check: %d:%s", lines[4].ID, lines[4].Hash)) {
					t.Fatalf("output %q lacks %q or the anchor", out.String(), tt.wantOut)
				}
			})
		})
	}
}

func TestAuditVerifyUsage(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no subcommand", []string{"audit"}, "usage: schakel audit verify"},
		{"an unknown subcommand", []string{"audit", "repair"}, "usage: schakel audit verify"},
		{"an anchor without a hash", []string{"audit", "verify", "--data-dir", t.TempDir(), "--anchor", "12"}, "is not ID:HASH"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err %v, want %q", err, tt.wantErr)
			}
		})
	}
}
