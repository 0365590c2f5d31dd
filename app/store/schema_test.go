package store_test

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// columns returns "table.column" for every column of every table the
// migrations made.
func columns(t *testing.T, db *bun.DB) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	if store.IsPostgres(db) {
		var rows []struct {
			Table  string `bun:"table_name"`
			Column string `bun:"column_name"`
		}
		err := db.NewRaw(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`).Scan(ctx, &rows)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out = append(out, r.Table+"."+r.Column)
		}
	} else {
		var tables []string
		if err := db.NewRaw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(ctx, &tables); err != nil {
			t.Fatal(err)
		}
		for _, table := range tables {
			var cols []struct {
				Name string `bun:"name"`
			}
			if err := db.NewRaw(`SELECT name FROM pragma_table_info(?)`, table).Scan(ctx, &cols); err != nil {
				t.Fatal(err)
			}
			for _, c := range cols {
				out = append(out, table+"."+c.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestMigrationsMakeTheSameSchemaOnBothDatabases(t *testing.T) {
	if os.Getenv(testkit.PostgresURLEnv) == "" {
		t.Skipf("set %s to compare with PostgreSQL (CI does)", testkit.PostgresURLEnv)
	}
	lite := columns(t, testkit.NewDB(t, "sqlite"))
	pg := columns(t, testkit.NewDB(t, "postgres"))
	if strings.Join(lite, "\n") != strings.Join(pg, "\n") {
		t.Fatalf("schemas differ\nSQLite:     %v\nPostgreSQL: %v", lite, pg)
	}
	for _, want := range []string{"users.password_hash", "memberships.role", "sessions.expires_at", "workspaces.kind"} {
		found := false
		for _, c := range lite {
			found = found || c == want
		}
		if !found {
			t.Errorf("column %s missing", want)
		}
	}
}

func TestMigrateTwiceChangesNothing(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		applied, err := store.Migrate(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if len(applied) != 0 {
			t.Fatalf("second migration applied %v", applied)
		}
	})
}

func TestDemoSeedIsIdempotent(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		counts := func() [6]int {
			var c [6]int
			for i, m := range []any{(*model.Organisation)(nil), (*model.User)(nil), (*model.Workspace)(nil), (*model.Membership)(nil), (*model.Plan)(nil), (*model.Action)(nil)} {
				n, err := db.NewSelect().Model(m).Count(ctx)
				if err != nil {
					t.Fatal(err)
				}
				c[i] = n
			}
			return c
		}
		if err := demo.Seed(ctx, db, testkit.FastHashing); err != nil {
			t.Fatal(err)
		}
		first := counts()
		if first[0] < 10 || first[1] < 7 || first[2] != 6 || first[3] < 20 || first[4] != 6 || first[5] < 30 {
			t.Fatalf("demo data too thin: %v organisations, accounts, workspaces, memberships, plans, actions", first)
		}
		if err := demo.Seed(ctx, db, testkit.FastHashing); err != nil {
			t.Fatal(err)
		}
		if second := counts(); second != first {
			t.Fatalf("second seed changed counts: %v → %v", first, second)
		}
		for _, l := range demo.Logins {
			if _, err := store.UserByEmail(ctx, db, l.Email); err != nil {
				t.Errorf("demo login %s: %v", l.Email, err)
			}
		}
		regio, err := store.WorkspaceByName(ctx, db, "Regio Lindendal")
		if err != nil || regio.Kind != model.WorkspaceNetwork {
			t.Fatalf("regional network: %v %v", regio, err)
		}
	})
}
