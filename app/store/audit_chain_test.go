package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
	"schakel/migrations"
)

// chainMigration is the migration that added the hash chain.
const chainMigration = "20261130134000"

// writeLines appends n audit lines of several kinds, with and without a
// user and a workspace, each in a transaction of its own.
func writeLines(t *testing.T, db bun.IDB, n int) []model.AuditEntry {
	t.Helper()
	ctx := context.Background()
	user, ws := int64(7), int64(3)
	var out []model.AuditEntry
	for i := range n {
		e := model.AuditEntry{At: time.Date(2026, 11, 30, 9, 0, i, 123456789, time.UTC), Event: model.AuditCaseView, Object: model.AuditObjectItem, ObjectID: int64(100 + i)}
		switch i % 3 {
		case 0:
			e.UserID, e.WorkspaceID = &user, &ws
		case 1:
			e.UserID, e.Event, e.Detail = &user, model.AuditSignInFailed, model.AuditWrongPassword
		case 2:
			e.Event, e.Object, e.ObjectID = model.AuditCasePurge, model.AuditObjectItem, int64(200+i)
			e.WorkspaceID = &ws
		}
		if err := store.Audit(ctx, db, &e); err != nil {
			t.Fatalf("append line %d: %v", i+1, err)
		}
		out = append(out, e)
	}
	return out
}

func verify(t *testing.T, db bun.IDB) store.AuditChain {
	t.Helper()
	chain, err := store.VerifyAuditChain(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return chain
}

// TestAuditChainNamesTheFirstBrokenLine changes the log behind the
// database's back, as someone with access to it could, and checks that
// the walk names the line where the chain breaks.
func TestAuditChainNamesTheFirstBrokenLine(t *testing.T) {
	tests := []struct {
		name string
		// tamper changes the log, given the lines written.
		tamper func(t *testing.T, db *bun.DB, lines []model.AuditEntry)
		// broken is the index of the line named, -1 when the chain holds;
		// checked is how many lines held before it.
		broken, checked int
		changed         bool
	}{
		{"intact", func(*testing.T, *bun.DB, []model.AuditEntry) {}, -1, 6, false},
		{"an event changed", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			testkit.TamperAudit(t, db, "UPDATE audit_log SET event = ? WHERE id = ?", model.AuditCaseWrite, l[2].ID)
		}, 2, 2, true},
		{"a time moved", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			testkit.TamperAudit(t, db, "UPDATE audit_log SET at = ? WHERE id = ?", l[3].At.Add(-time.Hour), l[3].ID)
		}, 3, 3, true},
		{"a person taken off a line", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			testkit.TamperAudit(t, db, "UPDATE audit_log SET user_id = NULL WHERE id = ?", l[0].ID)
		}, 0, 0, true},
		{"a line removed", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			testkit.TamperAudit(t, db, "DELETE FROM audit_log WHERE id = ?", l[2].ID)
		}, 3, 2, false},
		{"the first line removed", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			testkit.TamperAudit(t, db, "DELETE FROM audit_log WHERE id = ?", l[0].ID)
		}, 1, 0, false},
		{"a line changed together with its hash", func(t *testing.T, db *bun.DB, l []model.AuditEntry) {
			e := l[1]
			e.Detail = ""
			testkit.TamperAudit(t, db, "UPDATE audit_log SET detail = '', hash = ? WHERE id = ?", store.AuditHash(&e), e.ID)
		}, 2, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
				lines := writeLines(t, db, 6)
				tt.tamper(t, db, lines)
				chain := verify(t, db)
				if tt.broken < 0 {
					if chain.Break != nil {
						t.Fatalf("the chain breaks at line %d", chain.Break.Entry.ID)
					}
					if chain.Entries != tt.checked || chain.Last == nil || chain.Last.ID != lines[len(lines)-1].ID || chain.Last.Hash != lines[len(lines)-1].Hash {
						t.Fatalf("walked %d lines to %+v; want %d to line %d", chain.Entries, chain.Last, len(lines), lines[len(lines)-1].ID)
					}
					return
				}
				want := lines[tt.broken]
				b := chain.Break
				if b == nil {
					t.Fatal("the chain holds after tampering")
				}
				if b.Entry.ID != want.ID || b.Changed != tt.changed {
					t.Fatalf("break at line %d (changed %v), want line %d (changed %v)", b.Entry.ID, b.Changed, want.ID, tt.changed)
				}
				if chain.Entries != tt.checked {
					t.Errorf("%d lines checked before the break, want %d", chain.Entries, tt.checked)
				}
			})
		})
	}
}

// TestAuditAppendsStayAChain has many writers append at once, some inside
// a transaction of their own that writes something else too: the lines
// form one chain, none lost.
func TestAuditAppendsStayAChain(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		const writers, each = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					e := &model.AuditEntry{Event: model.AuditSignIn, Object: model.AuditObjectUser, ObjectID: int64(w), Detail: fmt.Sprint(i)}
					var err error
					if w%2 == 0 {
						err = store.Audit(ctx, db, e)
					} else {
						err = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
							if _, err := tx.NewSelect().Model((*model.AuditEntry)(nil)).Count(ctx); err != nil {
								return err
							}
							return store.Audit(ctx, tx, e)
						})
					}
					if err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("append: %v", err)
		}
		chain := verify(t, db)
		if chain.Break != nil {
			t.Fatalf("the chain breaks at line %d (changed %v)", chain.Break.Entry.ID, chain.Break.Changed)
		}
		if chain.Entries != writers*each {
			t.Fatalf("%d lines in the chain, want %d", chain.Entries, writers*each)
		}
	})
}

// TestAuditRollbackLeavesNoLine: a line written in a transaction that
// fails goes with it, and the chain goes on from the line before.
func TestAuditRollbackLeavesNoLine(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		writeLines(t, db, 2)
		err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := store.Audit(ctx, tx, &model.AuditEntry{Event: model.AuditSignIn, Object: model.AuditObjectUser}); err != nil {
				return err
			}
			return fmt.Errorf("the change fails")
		})
		if err == nil {
			t.Fatal("the transaction did not fail")
		}
		writeLines(t, db, 2)
		if chain := verify(t, db); chain.Break != nil || chain.Entries != 4 {
			t.Fatalf("chain of %d lines, break %+v; want 4 lines, whole", chain.Entries, chain.Break)
		}
	})
}

// TestMigrationChainsEarlierLines writes lines as the log held them before
// the chain existed, then migrates: the migration chains them in id order,
// new lines follow on, and the log is append-only again.
func TestMigrationChainsEarlierLines(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := testkit.OpenDB(t, dialect)
			before := migrate.NewMigrations()
			for _, m := range migrations.Migrations.Sorted() {
				if m.Name < chainMigration {
					before.Add(m)
				}
			}
			mg := migrate.NewMigrator(db, before)
			if err := mg.Init(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := mg.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			ws := int64(4)
			for i := range 5 {
				_, err := db.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, workspace_id, event, object, object_id, detail) VALUES (?, NULL, ?, ?, 'agenda_item', ?, '')`,
					time.Date(2026, 11, 29, 10, i, 0, 987654321, time.UTC), ws, model.AuditCaseView, 50+i)
				if err != nil {
					t.Fatal(err)
				}
			}
			applied, err := store.Migrate(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if len(applied) == 0 || applied[0] != chainMigration {
				t.Fatalf("applied %v, want the chain migration first", applied)
			}
			if chain := verify(t, db); chain.Break != nil || chain.Entries != 5 {
				t.Fatalf("after the migration: %d lines, break %+v", chain.Entries, chain.Break)
			}
			writeLines(t, db, 3)
			if chain := verify(t, db); chain.Break != nil || chain.Entries != 8 {
				t.Fatalf("after new lines: %d lines, break %+v", chain.Entries, chain.Break)
			}
			if _, err := db.ExecContext(ctx, "UPDATE audit_log SET detail = 'x'"); err == nil {
				t.Error("after the migration an audit line could be changed")
			}
			if _, err := db.ExecContext(ctx, "DELETE FROM audit_log"); err == nil {
				t.Error("after the migration an audit line could be deleted")
			}
		})
	}
}
