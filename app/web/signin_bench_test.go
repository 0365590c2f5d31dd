package web_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
	"schakel/app/testkit"
)

// BenchmarkSignInBurst measures the sign-in limits on a real server with
// real argon2id (the production cost, password.Default). First an office
// at nine: 50 colleagues behind one address sign in at the same moment,
// each loading the sign-in page and posting the form; how many got in, and
// how long until the last one had. Then a guesser: 100 wrong passwords for
// one account from 100 addresses, 20 at a time; how many were even checked
// (answered 401) rather than told to wait (429), and how long it took.
//
//	go test ./app/web -run '^$' -bench BenchmarkSignInBurst -benchtime 1x
//
// The limits' clock in the test server stands still, as in the tests: no
// wait can run out while the benchmark runs, which on a real clock would
// take 30 seconds for the first.
func BenchmarkSignInBurst(b *testing.B) {
	for _, dialect := range testkit.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				env := testkit.Start(b, testkit.NewDB(b, dialect))
				emails, passwords := realColleagues(b, env, 50)
				b.StartTimer()

				start := time.Now()
				statuses := make([]int, len(emails))
				var wg sync.WaitGroup
				for i := range emails {
					wg.Add(1)
					go func() {
						defer wg.Done()
						statuses[i] = signInOnce(env.Client(b), emails[i], passwords[i]).Status
					}()
				}
				wg.Wait()
				office := time.Since(start)
				in := 0
				for _, s := range statuses {
					if s == http.StatusSeeOther {
						in++
					}
				}

				start = time.Now()
				var mu sync.Mutex
				answers := map[int]int{}
				sem := make(chan struct{}, 20)
				for i := range 100 {
					wg.Add(1)
					sem <- struct{}{}
					go func() {
						defer wg.Done()
						defer func() { <-sem }()
						c := env.Client(b)
						fromAddress(c, i)
						r := signInOnce(c, emails[0], fmt.Sprintf("raden-raden-%03d", i))
						mu.Lock()
						answers[r.Status]++
						mu.Unlock()
					}()
				}
				wg.Wait()
				guesses := time.Since(start)

				b.ReportMetric(float64(in), "signed-in/50")
				b.ReportMetric(office.Seconds(), "s/50-sign-ins")
				b.ReportMetric(float64(answers[http.StatusUnauthorized]), "checked/100-guesses")
				b.ReportMetric(float64(answers[http.StatusTooManyRequests]), "delayed/100-guesses")
				b.ReportMetric(guesses.Seconds(), "s/100-guesses")
				if in != len(emails) {
					b.Errorf("%d of %d colleagues got in: %v", in, len(emails), statuses)
				}
			}
		})
	}
}

// realColleagues creates n accounts whose passwords are hashed at the
// production cost.
func realColleagues(b *testing.B, env *testkit.Env, n int) (emails, passwords []string) {
	b.Helper()
	ctx := context.Background()
	org, err := store.OrganisationByName(ctx, env.DB, "Gemeente Havenstad")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now().UTC()
	for i := range n {
		email := fmt.Sprintf("collega%02d@havenstad.example", i)
		pw := fmt.Sprintf("havenstad-kantoor-%02d-zonnebloem", i)
		hash, err := password.Hash(pw, password.Default)
		if err != nil {
			b.Fatal(err)
		}
		u := &model.User{Name: fmt.Sprintf("Collega %02d", i), Email: email, PasswordHash: hash, OrganisationID: org.ID,
			Locale: "nl", CreatedAt: now, UpdatedAt: now}
		if err := store.CreateUser(ctx, env.DB, u); err != nil {
			b.Fatal(err)
		}
		emails, passwords = append(emails, email), append(passwords, pw)
	}
	return emails, passwords
}
