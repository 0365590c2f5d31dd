package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestSessionsOfAnAccount: a bound session names its account and browser
// and is listed for it; an ended session written back by a request that
// was under way names no account; ending sessions forgets them at once and
// tells whoever listens.
func TestSessionsOfAnAccount(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		if err := demo.Seed(ctx, db, testkit.FastHashing); err != nil {
			t.Fatal(err)
		}
		anna, err := store.UserByEmail(ctx, db, "anna.devries@havenstad.example")
		if err != nil {
			t.Fatal(err)
		}
		s := store.NewSessionStorage(db, "a-secret-of-at-least-32-characters!!")
		var ended [][]int64
		s.OnEnded(func(userID int64, ids []int64) {
			if userID == anna.ID {
				ended = append(ended, ids)
			}
		})
		ids := map[string]int64{}
		for _, key := range []string{"laptop", "phone"} {
			if err := s.Set(key, []byte("uid"), time.Hour); err != nil {
				t.Fatal(err)
			}
			id, err := s.Bind(ctx, key, anna.ID, "Mozilla/5.0 "+key)
			if err != nil {
				t.Fatal(err)
			}
			ids[key] = id
		}
		list, err := store.UserSessions(ctx, db, anna.ID)
		if err != nil || len(list) != 2 || list[0].UserAgent == "" || list[0].CreatedAt.IsZero() {
			t.Fatalf("sessions %+v (%v)", list, err)
		}
		if r, ok, err := s.Record("phone"); err != nil || !ok || r.UserID != anna.ID || r.ID != ids["phone"] {
			t.Fatalf("record %+v %v %v", r, ok, err)
		}

		// The phone's session ends while a request in it is under way,
		// whose answer writes the session back.
		if err := store.DeleteUserSession(ctx, db, anna.ID, ids["phone"]); err != nil {
			t.Fatal(err)
		}
		s.Ended(anna.ID, []int64{ids["phone"]})
		if err := s.Set("phone", []byte("uid+changed"), time.Hour); err != nil {
			t.Fatal(err)
		}
		if r, ok, _ := s.Record("phone"); ok && r.UserID != 0 {
			t.Fatalf("the written-back session names account %d", r.UserID)
		}
		if list, _ := store.UserSessions(ctx, db, anna.ID); len(list) != 1 || list[0].ID != ids["laptop"] {
			t.Fatalf("listed after ending the phone: %+v", list)
		}

		// Every other session but the laptop's ends at a password change.
		if err := s.Set("tablet", []byte("uid"), time.Hour); err != nil {
			t.Fatal(err)
		}
		tablet, err := s.Bind(ctx, "tablet", anna.ID, "Mozilla/5.0 tablet")
		if err != nil {
			t.Fatal(err)
		}
		gone, err := store.DeleteUserSessions(ctx, db, anna.ID, ids["laptop"])
		if err != nil || len(gone) != 1 || gone[0] != tablet {
			t.Fatalf("ended %v, want only the tablet %d (%v)", gone, tablet, err)
		}
		s.Ended(anna.ID, gone)
		if _, ok, _ := s.Record("tablet"); ok {
			t.Fatal("the ended tablet session is still read from memory")
		}
		if len(ended) != 2 {
			t.Fatalf("told of %d endings, want 2", len(ended))
		}
	})
}
