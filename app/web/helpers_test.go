package web_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// Demo accounts, one per role (see app/demo).
const (
	coordinator = "anna.devries@havenstad.example"
	editor      = "mo.bakker@veiligthuis-kustland.example"
	contributor = "sanne.jansen@politie-kustland.example"
	viewer      = "youssef.elamrani@jeugdbescherming-kustland.example"
	outsider    = "pieter.smit@lindendal.example" // coordinator elsewhere, not in Havenstad
	reviewer    = "lotte.visser@defenceforchildren.example"
	admin       = "beheer@schakel.example"
)

func workspaceID(t *testing.T, db *bun.DB, name string) int64 {
	t.Helper()
	w, err := store.WorkspaceByName(context.Background(), db, name)
	if err != nil {
		t.Fatalf("workspace %s: %v", name, err)
	}
	return w.ID
}

func wsPath(id int64, rest string) string {
	return "/workspaces/" + strconv.FormatInt(id, 10) + rest
}

func userByEmail(t *testing.T, db *bun.DB, email string) *model.User {
	t.Helper()
	u, err := store.UserByEmail(context.Background(), db, email)
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

func membershipID(t *testing.T, db *bun.DB, workspace int64, email string) int64 {
	t.Helper()
	m, err := store.MembershipOf(context.Background(), db, workspace, userByEmail(t, db, email).ID)
	if err != nil {
		t.Fatalf("membership of %s: %v", email, err)
	}
	return m.ID
}

func count(t *testing.T, db *bun.DB, model any) int {
	t.Helper()
	n, err := db.NewSelect().Model(model).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
