package mail_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/uptrace/bun"

	"schakel/app/config"
	"schakel/app/mail"
	"schakel/app/testkit"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// setup returns an outbox over db and a sender to a real mail server.
func setup(t *testing.T, db *bun.DB) (*mail.Outbox, *mail.Sender, *testkit.SMTPServer) {
	t.Helper()
	srv := testkit.StartSMTP(t)
	var cfg config.Config
	srv.Configure(&cfg)
	outbox := mail.NewOutbox(db)
	sender, err := mail.NewSender(outbox, cfg.SMTP, quiet)
	if err != nil {
		t.Fatal(err)
	}
	return outbox, sender, srv
}

// compose makes a message as the product's e-mails are made.
func compose(t *testing.T, to string) *mail.Message {
	t.Helper()
	m, err := mail.Compose(context.Background(), "invitation", to, "Uitnodiging voor Schakel – werkruimte Havenstad",
		templ.Raw(`<p>Welkom bij <strong>Schakel</strong>. <a href="http://localhost:8080/uitnodiging/abc">Accepteer</a></p>`),
		templ.Raw("Welkom bij Schakel.\nAccepteer: http://localhost:8080/uitnodiging/abc\n"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func enqueue(t *testing.T, db *bun.DB, o *mail.Outbox, m *mail.Message) {
	t.Helper()
	if err := db.RunInTx(context.Background(), nil, func(ctx context.Context, tx bun.Tx) error {
		return o.Enqueue(ctx, tx, m)
	}); err != nil {
		t.Fatal(err)
	}
}

func load(t *testing.T, o *mail.Outbox, id int64) *mail.Message {
	t.Helper()
	m, err := o.Message(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func deliver(t *testing.T, s *mail.Sender, at time.Time) int {
	t.Helper()
	n, err := s.DeliverDue(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDelivery(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		for _, tt := range []struct {
			name string
			run  func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer)
		}{
			{"a message arrives with a plain-text and an HTML part and the right headers", func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer) {
				m := compose(t, "noor.peeters@zilverhaven.example")
				enqueue(t, db, o, m)
				if n := deliver(t, s, time.Now()); n != 1 {
					t.Fatalf("claimed %d, want 1", n)
				}
				got := srv.WaitFor(t, 1)[0]
				if got.From != "noreply@schakel.test" || strings.Join(got.To, ",") != "noor.peeters@zilverhaven.example" {
					t.Errorf("envelope from %q to %q", got.From, got.To)
				}
				if h := got.Header.Get("From"); h != `"Schakel" <noreply@schakel.test>` {
					t.Errorf("From: %q", h)
				}
				if h := got.Header.Get("To"); h != "<noor.peeters@zilverhaven.example>" {
					t.Errorf("To: %q", h)
				}
				if got.Subject != "Uitnodiging voor Schakel – werkruimte Havenstad" {
					t.Errorf("subject %q", got.Subject)
				}
				if got.ContentType != "multipart/alternative" || strings.Join(got.Parts, ",") != "text/plain,text/html" {
					t.Errorf("content %s with parts %v", got.ContentType, got.Parts)
				}
				// Lines end in CRLF on the wire, as SMTP has it.
				if got.Text != "Welkom bij Schakel.\r\nAccepteer: http://localhost:8080/uitnodiging/abc\r\n" {
					t.Errorf("text part %q", got.Text)
				}
				if !strings.Contains(got.HTML, `<a href="http://localhost:8080/uitnodiging/abc">Accepteer</a>`) {
					t.Errorf("HTML part %q", got.HTML)
				}
				if id := got.Header.Get("Message-Id"); !strings.HasSuffix(id, "@schakel.test>") || got.Header.Get("Date") == "" {
					t.Errorf("Message-ID %q, Date %q", id, got.Header.Get("Date"))
				}
				if got.Header.Get("Auto-Submitted") != "auto-generated" {
					t.Errorf("Auto-Submitted %q", got.Header.Get("Auto-Submitted"))
				}
				after := load(t, o, m.ID)
				if after.Status() != mail.StatusSent || after.Attempts != 1 || after.LastError != "" {
					t.Errorf("after delivery: %s, %d attempts, error %q", after.Status(), after.Attempts, after.LastError)
				}
				if after.Text != "" || after.HTML != "" {
					t.Error("the bodies, with their links, stay in the outbox after delivery")
				}
				if n := deliver(t, s, time.Now().Add(time.Hour)); n != 0 || len(srv.Received()) != 1 {
					t.Errorf("a sent message went out again")
				}
			}},
			{"a message written in a transaction that rolls back is never sent", func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer) {
				refused := errors.New("the invitation was refused")
				err := db.RunInTx(context.Background(), nil, func(ctx context.Context, tx bun.Tx) error {
					if err := o.Enqueue(ctx, tx, compose(t, "iemand@zilverhaven.example")); err != nil {
						return err
					}
					return refused
				})
				if !errors.Is(err, refused) {
					t.Fatal(err)
				}
				if n := deliver(t, s, time.Now().Add(time.Hour)); n != 0 {
					t.Fatalf("claimed %d", n)
				}
				list, err := o.List(context.Background(), 0, 10)
				if err != nil || len(list) != 0 || len(srv.Received()) != 0 {
					t.Fatalf("outbox %d, received %d, %v", len(list), len(srv.Received()), err)
				}
			}},
			{"with the mail server down a message is retried later, and delivered once it is back", func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer) {
				srv.Down(t)
				m := compose(t, "noor.peeters@zilverhaven.example")
				enqueue(t, db, o, m)
				start := time.Now()
				deliver(t, s, start)
				after := load(t, o, m.ID)
				if after.Status() != mail.StatusWaiting || after.Attempts != 1 || !strings.Contains(after.LastError, "unreachable") {
					t.Fatalf("after a failed attempt: %s, %d attempts, error %q", after.Status(), after.Attempts, after.LastError)
				}
				if wait := after.NextAttemptAt.Sub(start); wait < time.Minute || wait > 2*time.Minute {
					t.Fatalf("next attempt after %s, want a minute", wait)
				}
				srv.Up(t)
				if n := deliver(t, s, start.Add(30*time.Second)); n != 0 {
					t.Fatal("tried again before the backoff had passed")
				}
				deliver(t, s, start.Add(2*time.Minute))
				srv.WaitFor(t, 1)
				after = load(t, o, m.ID)
				if after.Status() != mail.StatusSent || after.Attempts != 2 || after.LastError != "" {
					t.Fatalf("after the server came back: %s, %d attempts, error %q", after.Status(), after.Attempts, after.LastError)
				}
			}},
			{"after the last attempt a message is failed, and a retry sends it", func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer) {
				srv.Down(t)
				m := compose(t, "noor.peeters@zilverhaven.example")
				enqueue(t, db, o, m)
				at := time.Now()
				for i := 0; i < mail.MaxAttempts; i++ {
					if n := deliver(t, s, at); n != 1 {
						t.Fatalf("attempt %d: claimed %d", i+1, n)
					}
					at = load(t, o, m.ID).NextAttemptAt.Add(time.Second)
				}
				after := load(t, o, m.ID)
				if after.Status() != mail.StatusFailed || after.Attempts != mail.MaxAttempts || after.LastError == "" {
					t.Fatalf("after %d attempts: %s, %d attempts, error %q", mail.MaxAttempts, after.Status(), after.Attempts, after.LastError)
				}
				if deliver(t, s, at.Add(240*time.Hour)) != 0 {
					t.Fatal("a failed message was tried again by itself")
				}
				srv.Up(t)
				if err := o.Retry(context.Background(), db, m.ID); err != nil {
					t.Fatal(err)
				}
				deliver(t, s, time.Now())
				srv.WaitFor(t, 1)
				if after := load(t, o, m.ID); after.Status() != mail.StatusSent {
					t.Fatalf("after the retry: %s", after.Status())
				}
				if err := o.Retry(context.Background(), db, m.ID); !errors.Is(err, mail.ErrNotFound) {
					t.Fatalf("retrying a sent message: %v", err)
				}
			}},
			{"an address the mail server refuses fails at once", func(t *testing.T, db *bun.DB, o *mail.Outbox, s *mail.Sender, srv *testkit.SMTPServer) {
				srv.Refuse("bestaat.niet@zilverhaven.example")
				bad, good := compose(t, "bestaat.niet@zilverhaven.example"), compose(t, "noor.peeters@zilverhaven.example")
				enqueue(t, db, o, bad)
				enqueue(t, db, o, good)
				deliver(t, s, time.Now())
				after := load(t, o, bad.ID)
				if after.Status() != mail.StatusFailed || after.Attempts != 1 || !strings.Contains(after.LastError, "550") {
					t.Fatalf("refused address: %s, %d attempts, error %q", after.Status(), after.Attempts, after.LastError)
				}
				if got := srv.WaitFor(t, 1); got[0].To[0] != "noor.peeters@zilverhaven.example" || load(t, o, good.ID).Status() != mail.StatusSent {
					t.Fatal("the other message of the batch was not delivered")
				}
			}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				db := db
				if _, err := db.NewDelete().Model((*mail.Message)(nil)).Where("1 = 1").Exec(context.Background()); err != nil {
					t.Fatal(err)
				}
				o, s, srv := setup(t, db)
				tt.run(t, db, o, s, srv)
			})
		}
	})
}

// TestTwoSendersNeverSendOneMessageTwice runs two instances' senders on
// one PostgreSQL database at once.
func TestTwoSendersNeverSendOneMessageTwice(t *testing.T) {
	if !strings.Contains(strings.Join(testkit.Dialects(), ","), "postgres") {
		t.Skipf("two instances share PostgreSQL; set %s (CI does)", testkit.PostgresURLEnv)
	}
	db := testkit.NewDB(t, "postgres")
	one, first, srv := setup(t, db)
	var cfg config.Config
	srv.Configure(&cfg)
	two := mail.NewOutbox(db)
	second, err := mail.NewSender(two, cfg.SMTP, quiet)
	if err != nil {
		t.Fatal(err)
	}
	const n = 60
	for i := 0; i < n; i++ {
		enqueue(t, db, []*mail.Outbox{one, two}[i%2], compose(t, "lid"+strings.Repeat("x", i%7)+"@zilverhaven.example"))
	}
	var wg sync.WaitGroup
	claimed := make([]int, 2)
	for i, s := range []*mail.Sender{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				got, err := s.DeliverDue(context.Background(), time.Now())
				if err != nil {
					t.Error(err)
					return
				}
				if got == 0 {
					return
				}
				claimed[i] += got
			}
		}()
	}
	wg.Wait()
	received := srv.WaitFor(t, n)
	seen := map[string]bool{}
	for _, m := range received {
		id := m.Header.Get("Message-Id")
		if seen[id] {
			t.Errorf("message %s was sent twice", id)
		}
		seen[id] = true
	}
	if len(received) != n || claimed[0]+claimed[1] != n {
		t.Fatalf("received %d, claimed %v, want %d in all", len(received), claimed, n)
	}
	t.Logf("the senders claimed %v", claimed)
}
