package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/config"
	"schakel/app/demo"
	"schakel/app/service"
	"schakel/app/testkit"
)

// fromAddress makes c connect from the loopback address 127.0.0.n, so
// that the server sees another client address (all of 127/8 is this
// machine).
func fromAddress(c *testkit.Client, n int) {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, byte(n/250), byte(2+n%250))}, Timeout: 5 * time.Second}
	c.HTTP.Transport = &http.Transport{DialContext: d.DialContext, DisableKeepAlives: true}
}

// colleagues creates n accounts of Gemeente Havenstad with passwords of
// their own and returns their e-mail addresses and passwords.
func colleagues(t *testing.T, env *testkit.Env, n int) (emails, passwords []string) {
	t.Helper()
	ctx := context.Background()
	org := organisationID(t, env.DB, "Gemeente Havenstad")
	for i := range n {
		email := fmt.Sprintf("collega%02d@havenstad.example", i)
		pw := fmt.Sprintf("havenstad-kantoor-%02d-zonnebloem", i)
		if _, err := env.Svc.CreateAccount(ctx, nil, service.AccountInput{
			Name: fmt.Sprintf("Collega %02d", i), Email: email, OrganisationID: org, Password: pw,
		}); err != nil {
			t.Fatalf("account %s: %v", email, err)
		}
		emails, passwords = append(emails, email), append(passwords, pw)
	}
	return emails, passwords
}

// signInOnce loads the sign-in page and posts the form once.
func signInOnce(c *testkit.Client, email, password string) *testkit.Response {
	c.Get("/login")
	return c.Post("/login", url.Values{"email": {email}, "password": {password}})
}

// TestOfficeSignsInAtNine: fifty colleagues behind one address sign in at
// the same moment, a few of them mistyping first; every one gets in.
func TestOfficeSignsInAtNine(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		emails, passwords := colleagues(t, env, 50)
		statuses := make([]int, len(emails))
		var wg sync.WaitGroup
		for i := range emails {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := env.Client(t)
				if i%10 == 0 {
					// One in ten mistypes first.
					if r := signInOnce(c, emails[i], passwords[i]+"x"); r.Status != http.StatusUnauthorized {
						statuses[i] = r.Status
						return
					}
				}
				statuses[i] = signInOnce(c, emails[i], passwords[i]).Status
			}()
		}
		wg.Wait()
		for i, s := range statuses {
			if s != http.StatusSeeOther {
				t.Errorf("%s: %d, want 303 (signed in)", emails[i], s)
			}
		}
		// Fifty successes do not count against the address.
		c := env.Client(t)
		c.SignIn(coordinator)
	})
}

// TestGuessesAreDelayed: a hundred wrong guesses on one account from a
// hundred addresses, sent twenty at a time; only the first few are even
// checked, the rest wait. The owner's right password waits too, and gets
// in once the wait is over; the account is then as before.
func TestGuessesAreDelayed(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		free := env.Config.LoginAttempts
		var mu sync.Mutex
		got := map[int]int{}
		retry := 0
		sem := make(chan struct{}, 20)
		var wg sync.WaitGroup
		for i := range 100 {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				c := env.Client(t)
				fromAddress(c, i)
				r := signInOnce(c, editor, fmt.Sprintf("raden-raden-%03d", i))
				mu.Lock()
				defer mu.Unlock()
				got[r.Status]++
				if r.Status == http.StatusTooManyRequests {
					if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err == nil && s > retry {
						retry = s
					}
				}
			}()
		}
		wg.Wait()
		if got[http.StatusUnauthorized] > free || got[http.StatusUnauthorized]+got[http.StatusTooManyRequests] != 100 {
			t.Fatalf("answers %v: want at most %d checked (401), the rest delayed (429)", got, free)
		}
		t.Logf("of 100 guesses %d were checked, %d delayed", got[http.StatusUnauthorized], got[http.StatusTooManyRequests])
		if retry < 1 {
			t.Fatal("no Retry-After on the delayed answers")
		}
		mo := userByEmail(t, db, editor)
		// Each checked failure that left the account waiting is audited:
		// with guesses checked at the same moment, up to all of them.
		if n, err := db.NewSelect().Table("audit_log").Where("event = ?", "signin_delayed").Where("object_id = ?", mo.ID).Count(context.Background()); err != nil || n < 1 || n > free {
			t.Fatalf("%d audit entries of the wait (%v), want 1 to %d", n, err, free)
		}

		owner := env.Client(t)
		fromAddress(owner, 200)
		r := signInOnce(owner, editor, demo.Password)
		if r.Status != http.StatusTooManyRequests {
			t.Fatalf("the owner during the wait: %d, want 429", r.Status)
		}
		wait, _ := strconv.Atoi(r.Header.Get("Retry-After"))
		if want := fmt.Sprintf("Probeer het over %d seconden opnieuw.", wait); wait < 1 || !strings.Contains(r.Text("#signin-error"), want) {
			t.Fatalf("the owner reads %q (Retry-After %d), want %q", r.Text("#signin-error"), wait, want)
		}
		if r.Doc.Find(`input[name=email]`).AttrOr("value", "") != editor {
			t.Error("the e-mail address typed is gone from the form")
		}

		env.Advance(time.Duration(wait) * time.Second)
		if r := signInOnce(owner, editor, demo.Password); r.Status != http.StatusSeeOther {
			t.Fatalf("the owner after the wait: %d (%s), want 303", r.Status, r.Text("#signin-error"))
		}
		// The run of failures is over: one wrong password is simply wrong.
		other := env.Client(t)
		fromAddress(other, 201)
		if r := signInOnce(other, editor, "nog-een-keer-fout"); r.Status != http.StatusUnauthorized {
			t.Fatalf("a wrong password after the owner signed in: %d, want 401", r.Status)
		}
	})
}

// TestSignInWaitDoubles: after the free failures each failure doubles the
// wait; the answer says it in the person's language.
func TestSignInWaitDoubles(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"), func(c *config.Config) { c.LoginAttempts = 3 })
	c := env.Client(t)
	for i := range 3 {
		if r := signInOnce(c, viewer, "fout-fout-fout"); r.Status != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, r.Status)
		}
	}
	tests := []struct {
		name  string
		lang  string
		after time.Duration // time passed before this try
		wait  string        // Retry-After
		text  string
	}{
		{"first wait", "nl", 0, "30", "Probeer het over 30 seconden opnieuw."},
		{"in English", "en", 0, "30", "Try again in 30 seconds."},
		{"half-way through", "nl", 20 * time.Second, "10", "Probeer het over 10 seconden opnieuw."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env.Advance(tt.after)
			c.Get("/login")
			c.Post("/language", url.Values{"lang": {tt.lang}})
			r := signInOnce(c, viewer, demo.Password)
			if r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") != tt.wait {
				t.Fatalf("status %d, Retry-After %q; want 429, %s", r.Status, r.Header.Get("Retry-After"), tt.wait)
			}
			if !strings.Contains(r.Text("#signin-error"), tt.text) {
				t.Fatalf("message %q, want %q", r.Text("#signin-error"), tt.text)
			}
		})
	}
	c.Post("/language", url.Values{"lang": {"nl"}})
	env.Advance(10 * time.Second)
	// The wait is over: this failure is checked, and the next waits twice as long.
	if r := signInOnce(c, viewer, "fout-fout-fout"); r.Status != http.StatusUnauthorized {
		t.Fatalf("after the wait a wrong password: %d, want 401", r.Status)
	}
	if r := signInOnce(c, viewer, demo.Password); r.Header.Get("Retry-After") != "60" {
		t.Fatalf("after the fourth failure: %d, Retry-After %q, want 60", r.Status, r.Header.Get("Retry-After"))
	}
	// Long waits are told in minutes.
	for range 4 {
		env.Advance(time.Hour)
		signInOnce(c, viewer, "fout-fout-fout")
	}
	r := signInOnce(c, viewer, demo.Password)
	if r.Status != http.StatusTooManyRequests || !strings.Contains(r.Text("#signin-error"), "Probeer het over 15 minuten opnieuw.") {
		t.Fatalf("capped wait: %d %q (Retry-After %s)", r.Status, r.Text("#signin-error"), r.Header.Get("Retry-After"))
	}
}

// TestGuesserFromOneAddress: a guesser trying account after account from
// one address is slowed down at that address, for every account; other
// addresses are not held back, and the accounts themselves not either.
func TestGuesserFromOneAddress(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		free := 4 * env.Config.LoginAttempts
		guesser := env.Client(t)
		fromAddress(guesser, 7)
		for i := range free {
			if r := signInOnce(guesser, fmt.Sprintf("medewerker%02d@havenstad.example", i), "welkom-welkom-1"); r.Status != http.StatusUnauthorized {
				t.Fatalf("guess %d: %d, want 401", i+1, r.Status)
			}
		}
		if r := signInOnce(guesser, viewer, demo.Password); r.Status != http.StatusTooManyRequests {
			t.Fatalf("from the guessing address: %d, want 429", r.Status)
		}
		elsewhere := env.Client(t)
		fromAddress(elsewhere, 8)
		if r := signInOnce(elsewhere, viewer, demo.Password); r.Status != http.StatusSeeOther {
			t.Fatalf("from another address: %d, want 303", r.Status)
		}
		// The failures leak away: after an hour the address may try again.
		env.Advance(time.Hour)
		if r := signInOnce(guesser, contributor, demo.Password); r.Status != http.StatusSeeOther {
			t.Fatalf("an hour later from the guessing address: %d, want 303", r.Status)
		}
	})
}

// TestSignInCountsSurviveARestart: the counts are in the database, so a
// restarted server (or a second instance on the same database and secret
// key) keeps the wait.
func TestSignInCountsSurviveARestart(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		for range env.Config.LoginAttempts {
			signInOnce(c, viewer, "fout-fout-fout")
		}
		env.Restart(t)
		c = env.Client(t)
		if r := signInOnce(c, viewer, demo.Password); r.Status != http.StatusTooManyRequests {
			t.Fatalf("after a restart: %d, want 429", r.Status)
		}
		n, err := db.NewSelect().Table("signin_counts").Where("key_hash LIKE ?", "%"+viewer+"%").Count(context.Background())
		if err != nil || n != 0 {
			t.Fatalf("an e-mail address is stored in the clear (%d rows, %v)", n, err)
		}
	})
}

// TestSignInBehindAProxy: behind a reverse proxy the client's address comes
// from the proxy's header, so colleagues elsewhere are not held back by a
// guesser; the header counts only from the trusted proxy.
func TestSignInBehindAProxy(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"), func(c *config.Config) {
		c.ProxyHeader, c.TrustedProxies = "X-Real-IP", []string{"127.0.0.1"}
	})
	via := func(c *testkit.Client, client string) {
		c.HTTP.Transport = headerTransport{"X-Real-IP", client}
	}
	guesser := env.Client(t)
	via(guesser, "203.0.113.9")
	for i := range 4 * env.Config.LoginAttempts {
		if r := signInOnce(guesser, fmt.Sprintf("medewerker%02d@havenstad.example", i), "welkom-welkom-1"); r.Status != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i+1, r.Status)
		}
	}
	if r := signInOnce(guesser, viewer, demo.Password); r.Status != http.StatusTooManyRequests {
		t.Fatalf("the guesser behind the proxy: %d, want 429", r.Status)
	}
	colleague := env.Client(t)
	via(colleague, "198.51.100.20")
	if r := signInOnce(colleague, viewer, demo.Password); r.Status != http.StatusSeeOther {
		t.Fatalf("a colleague elsewhere behind the same proxy: %d, want 303", r.Status)
	}
	// From an address that is not the proxy, the header is not believed:
	// the guesser cannot pose as someone else.
	direct := env.Client(t)
	fromAddress(direct, 30)
	for i := range 4 * env.Config.LoginAttempts {
		direct.Get("/login")
		req, _ := http.NewRequest(http.MethodPost, env.URL+"/login", strings.NewReader(url.Values{
			"email": {fmt.Sprintf("ander%02d@havenstad.example", i)}, "password": {"welkom-welkom-1"}, "_csrf": {direct.CSRF}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Real-IP", fmt.Sprintf("192.0.2.%d", i+1))
		if r := direct.Do(req); r.Status != http.StatusUnauthorized {
			t.Fatalf("direct guess %d: %d", i+1, r.Status)
		}
	}
	if r := signInOnce(direct, contributor, demo.Password); r.Status != http.StatusTooManyRequests {
		t.Fatalf("a direct guesser who sent headers: %d, want 429", r.Status)
	}
}

// headerTransport adds one header to every request.
type headerTransport struct{ name, value string }

func (h headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(h.name, h.value)
	return http.DefaultTransport.RoundTrip(r)
}
