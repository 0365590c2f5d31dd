package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"schakel/app/model"
	"schakel/app/store"
)

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	data := []string{"--data-dir", dir}
	tests := []struct {
		name    string
		args    []string
		stdin   string
		wantErr string
		wantOut string
	}{
		{"no command", nil, "", "no command given", ""},
		{"unknown command", []string{"frobnicate"}, "", `unknown command "frobnicate"`, ""},
		{"migrate", append([]string{"migrate"}, data...), "", "", "database is up to date"},
		{"seed needs --demo", append([]string{"seed"}, data...), "", "schakel seed --demo", ""},
		{"seed the demo data", append([]string{"seed", "--demo"}, data...), "", "", "demo data is in place"},
		{"seed again", append([]string{"seed", "--demo"}, data...), "", "", "demo data is in place"},
		{"create an administrator", append([]string{"user", "create", "--admin", "--email", "Ops@Schakel.example", "--name", "Ops", "--organisation", "Schakel platformbeheer"}, data...), "een-lang-wachtwoord\n", "", "account"},
		{"refuse a short password", append([]string{"user", "create", "--email", "kort@schakel.example", "--name", "Kort", "--organisation", "Schakel platformbeheer"}, data...), "kort\n", "password: validation.password_short", ""},
		{"refuse a taken address", append([]string{"user", "create", "--email", "ops@schakel.example", "--name", "Ops", "--organisation", "Nieuwe organisatie"}, data...), "een-lang-wachtwoord\n", "email: validation.email_taken", ""},
		{"user without create", []string{"user"}, "", "usage: schakel user create", ""},
		{"bad session lifetime", append([]string{"migrate", "--session-lifetime", "soon"}, data...), "", "SCHAKEL_SESSION_LIFETIME", ""},
		{"contact address that is no address", append([]string{"migrate", "--contact-email", "het platformbeheer"}, data...), "", "SCHAKEL_CONTACT_EMAIL", ""},
		{"database that is not PostgreSQL", append([]string{"migrate", "--database-url", "mysql://x"}, data...), "", "must start with postgres://", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(ctx, tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err %v; stderr %s", err, errOut.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Fatalf("output %q lacks %q", out.String(), tt.wantOut)
			}
		})
	}

	db, err := store.OpenSQLite(dir + "/schakel.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := store.UserByEmail(ctx, db, "ops@schakel.example")
	if err != nil || u.PlatformRole != model.PlatformAdministrator {
		t.Fatalf("created administrator: %+v %v", u, err)
	}
}

func TestServeStartsAndStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo", "--addr", addr, "--data-dir", t.TempDir()}, strings.NewReader(""), &out, &errOut)
	}()
	var status int
	for i := 0; i < 100; i++ {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			status = resp.StatusCode
			resp.Body.Close()
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v\n%s", err, errOut.String())
	}
	if status != http.StatusOK {
		t.Fatalf("readyz: %d\n%s", status, errOut.String())
	}
	for _, want := range []string{"Schakel is running at http://localhost:", "anna.devries@havenstad.example", "schakel-demo-2026"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("start-up output lacks %q:\n%s", want, out.String())
		}
	}
}
