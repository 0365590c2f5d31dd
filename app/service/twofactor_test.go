package service_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
	"schakel/app/testkit"
)

// fieldMessage is the message of a refused code, or "" when it was taken.
func fieldMessage(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Fields["code"]
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// TestTwoFactorCodes: a code of the step before, now or after is taken
// (clocks drift), once; one further away is not; the secret is stored
// sealed, and a recovery code works once.
func TestTwoFactorCodes(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		f := setup(t, db)
		f.svc.Secret = []byte("a-secret-of-at-least-32-characters!!")
		key, err := f.svc.BeginTwoFactor(ctx, f.anna)
		if err != nil {
			t.Fatal(err)
		}
		again, err := f.svc.BeginTwoFactor(ctx, f.anna)
		if err != nil || again.Secret != key.Secret {
			t.Fatalf("a second look at the set-up shows another secret (%v)", err)
		}
		if !strings.HasPrefix(key.URL, "otpauth://totp/Schakel:") || !strings.Contains(key.URL, "secret="+key.Secret) {
			t.Fatalf("otpauth address %q", key.URL)
		}
		now := time.Now()
		if _, err := f.svc.ConfirmTwoFactor(ctx, f.anna, testkit.TOTPCode(key.Secret, now.Add(-90*time.Second))); fieldMessage(err) != "twofactor.error.wrong_code" {
			t.Fatalf("a code three steps old: %v", err)
		}
		codes, err := f.svc.ConfirmTwoFactor(ctx, f.anna, testkit.TOTPCode(key.Secret, now.Add(-30*time.Second)))
		if err != nil || len(codes) != 10 {
			t.Fatalf("the code of the step before: %v (%d codes)", err, len(codes))
		}
		stored, err := store.User(ctx, db, f.anna.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !stored.TwoFactor() || strings.Contains(stored.TwoFactorSecret, key.Secret) || stored.TwoFactorPending != "" {
			t.Fatalf("stored: on %v, secret in the clear %v", stored.TwoFactor(), strings.Contains(stored.TwoFactorSecret, key.Secret))
		}
		var hashes []string
		if err := db.NewSelect().Model((*model.RecoveryCode)(nil)).Column("code_hash").Where("user_id = ?", f.anna.ID).Scan(ctx, &hashes); err != nil {
			t.Fatal(err)
		}
		for _, h := range hashes {
			for _, c := range codes {
				if strings.Contains(h, strings.ReplaceAll(c, "-", "")) {
					t.Fatal("a recovery code is stored in the clear")
				}
			}
		}

		tests := []struct {
			name, code, want string
		}{
			{"the code of the next step", testkit.TOTPCode(key.Secret, now.Add(30*time.Second)), ""},
			{"the same code again", testkit.TOTPCode(key.Secret, now.Add(30*time.Second)), "twofactor.error.code_used"},
			{"an older code not used yet", testkit.TOTPCode(key.Secret, now), "twofactor.error.code_used"},
			{"a code two steps ahead", testkit.TOTPCode(key.Secret, now.Add(90*time.Second)), "twofactor.error.wrong_code"},
			{"not a code", "abc", "twofactor.error.wrong_code"},
			{"a recovery code", codes[3], ""},
			{"the recovery code again", codes[3], "twofactor.error.wrong_code"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := f.svc.SecondFactor(ctx, f.anna.ID, tt.code, "127.0.0.1")
				if got := fieldMessage(err); got != tt.want {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
			})
		}
		if left, err := f.svc.RecoveryCodesLeft(ctx, f.anna); err != nil || left != 9 {
			t.Fatalf("recovery codes left %d (%v)", left, err)
		}
		if !f.svc.TwoFactorRequired(f.anna) || f.svc.TwoFactorRequired(userByEmail(t, db, "lotte.visser@defenceforchildren.example")) {
			t.Fatal("two-factor required of the wrong accounts")
		}
		if err := f.svc.DisableTwoFactor(ctx, f.anna, codes[4]); err == nil {
			t.Fatal("a coordinator turned two-factor off")
		} else if e, _ := apperr.As(err); e.Status != http.StatusForbidden {
			t.Fatalf("turning off: %v", err)
		}
	})
}

// TestEndingSessionsAnnouncesThem: a password change names every other
// session of the account in a "session" event, carrying ids only.
func TestEndingSessionsAnnouncesThem(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		f := setup(t, db)
		sessions := store.NewSessionStorage(db, "a-secret-of-at-least-32-characters!!")
		f.svc.Sessions = sessions
		var ids []int64
		for _, key := range []string{"kept", "other-1", "other-2"} {
			if err := sessions.Set(key, []byte("data"), time.Hour); err != nil {
				t.Fatal(err)
			}
			id, err := f.svc.StartSession(ctx, f.mo, key, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		var forgotten []int64
		sessions.OnEnded(func(userID int64, ended []int64) { forgotten = append(forgotten, ended...) })
		f.events.take()
		if err := f.svc.ChangePassword(ctx, f.mo, "schakel-demo-2026", "een goed nieuw wachtwoord", ids[0]); err != nil {
			t.Fatal(err)
		}
		var announced []int64
		for _, ev := range f.events.take() {
			if ev.Topic == realtime.SessionTopic {
				if ev.UserID != f.mo.ID {
					t.Fatalf("event for account %d", ev.UserID)
				}
				announced = append(announced, ev.ID)
			}
		}
		if len(announced) != 2 || len(forgotten) != 2 || announced[0] == ids[0] || announced[1] == ids[0] {
			t.Fatalf("announced %v, forgotten %v; kept %d", announced, forgotten, ids[0])
		}
		if _, ok, _ := sessions.Record("kept"); !ok {
			t.Fatal("the session that changed the password ended")
		}
		if _, ok, _ := sessions.Record("other-1"); ok {
			t.Fatal("another session goes on")
		}
	})
}

func userByEmail(t *testing.T, db *bun.DB, email string) *model.User {
	t.Helper()
	u, err := store.UserByEmail(context.Background(), db, email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
