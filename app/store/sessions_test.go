package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestSessionStorage(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		s := store.NewSessionStorage(db, "a-secret-of-at-least-32-characters!!")
		rows := func() []model.Session {
			var list []model.Session
			if err := db.NewSelect().Model(&list).Scan(ctx); err != nil {
				t.Fatal(err)
			}
			return list
		}
		if err := s.Set("sid-1", []byte("anna"), time.Hour); err != nil {
			t.Fatal(err)
		}
		stored := rows()
		if len(stored) != 1 || stored[0].Key == "sid-1" || string(stored[0].Data) != "anna" {
			t.Fatalf("stored %+v: the id must be kept as a keyed hash, with the data", stored)
		}
		got, err := s.Get("sid-1")
		if err != nil || string(got) != "anna" {
			t.Fatalf("get: %q %v", got, err)
		}

		// Extending an unchanged session by less than a minute writes nothing.
		if err := s.Set("sid-1", []byte("anna"), time.Hour+time.Second); err != nil {
			t.Fatal(err)
		}
		if again := rows(); !again[0].ExpiresAt.Equal(stored[0].ExpiresAt) {
			t.Fatal("an unchanged session was written again")
		}
		// A change is written at once.
		if err := s.Set("sid-1", []byte("anna+csrf"), time.Hour); err != nil {
			t.Fatal(err)
		}
		if string(rows()[0].Data) != "anna+csrf" {
			t.Fatal("a changed session was not written")
		}
		// An ended session is gone, from memory too.
		if err := s.Delete("sid-1"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Get("sid-1"); got != nil {
			t.Fatalf("deleted session still read: %q", got)
		}
		// An expired session is not read, and is purged.
		if err := s.Set("sid-2", []byte("mo"), time.Millisecond); err != nil {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
		if got, _ := s.Get("sid-2"); got != nil {
			t.Fatalf("expired session read: %q", got)
		}
		if n, err := store.PurgeExpiredSessions(ctx, db); err != nil || n != 1 {
			t.Fatalf("purged %d, %v", n, err)
		}
		// Another instance's storage over the same database sees a session
		// ended here once its moment of memory has passed.
		other := store.NewSessionStorage(db, "a-secret-of-at-least-32-characters!!")
		if err := s.Set("sid-3", []byte("sanne"), time.Hour); err != nil {
			t.Fatal(err)
		}
		if got, _ := other.Get("sid-3"); string(got) != "sanne" {
			t.Fatalf("other instance: %q", got)
		}
		if err := s.Delete("sid-3"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2100 * time.Millisecond)
		if got, _ := other.Get("sid-3"); got != nil {
			t.Fatalf("other instance still reads an ended session: %q", got)
		}
	})
}
