package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/driver/pgdriver"
	gomail "github.com/wneessen/go-mail"

	"schakel/app/config"
)

// Backoff is how long to wait after each failed attempt before the next:
// a mail server that is down for a weekend still gets every message.
var Backoff = []time.Duration{
	time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour,
	8 * time.Hour, 12 * time.Hour, 24 * time.Hour, 24 * time.Hour, 24 * time.Hour,
}

// MaxAttempts is how many attempts a message gets, over about four days,
// before it is marked failed.
var MaxAttempts = len(Backoff) + 1

const (
	// batchSize is how many messages one connection to the mail server
	// carries.
	batchSize = 10
	// lease is how long a claimed message is left to the instance that
	// claimed it. Should that instance stop mid-send, the message is due
	// again after the lease; it is longer than a batch can take.
	lease = 10 * time.Minute
	// batchTimeout bounds one batch: connecting, sending, recording.
	batchTimeout = 2 * time.Minute
	// smtpTimeout bounds each exchange with the mail server.
	smtpTimeout = 20 * time.Second
	// poll is how often the sender looks for due messages when nothing
	// woke it: a fallback, since new messages wake it at once.
	poll = 30 * time.Second
	// maxErrorLen bounds the error text kept with a message.
	maxErrorLen = 500
)

// Sender delivers the outbox's due messages through the mail server. Any
// number of senders may work on one PostgreSQL database: each claims its
// messages in one statement (FOR UPDATE SKIP LOCKED), so no message is
// handed to two of them. Delivery is at least once: an instance that stops
// between the mail server's acceptance and the record of it sends that
// message again after the lease.
//
// The Sender is not a River job queue. River (riverqueue/river v0.51.2) was tried
// first, as the design asks. On SQLite (riversqlite over modernc, one
// connection) it worked. On PostgreSQL it cannot work over Schakel's
// database connection: bun's pgdriver substitutes query arguments in the
// client, and its parser takes the apostrophe in a SQL comment of River's
// queries ("-- ... lib/pq doesn't support the latter", in the leader
// election and in the job inserts) for the start of a string, so that the
// placeholders after it reach the server unreplaced. The leader election
// fails every time ("there is no parameter $2", SQLSTATE 42P02), and
// without a leader River runs no maintenance: a job retried later than a
// few seconds stays "retryable" and is never run again (measured: a retry
// due after 10 s had not run after 40 s), and periodic jobs would never be
// enqueued. River on a pgx pool of its own avoids the parser, but then a
// job can no longer be written in the transaction of the change that
// causes the message; and moving all of Schakel from pgdriver to pgx (the
// live updates' LISTEN/NOTIFY and the store's error mapping with it) is a
// change of its own, not part of e-mail. The outbox table already holds all
// that delivery needs, so the Sender works on it directly.
type Sender struct {
	outbox *Outbox
	db     *bun.DB
	server config.SMTP
	from   *netmail.Address
	log    *slog.Logger
}

// NewSender returns a sender for the outbox through server.
func NewSender(o *Outbox, server config.SMTP, log *slog.Logger) (*Sender, error) {
	from, err := netmail.ParseAddress(server.From)
	if err != nil {
		return nil, fmt.Errorf("mail sender %q: %w", server.From, err)
	}
	if log == nil {
		log = slog.Default()
	}
	return &Sender{outbox: o, db: o.db, server: server, from: from, log: log}, nil
}

// Run delivers until ctx ends: at once when woken, when the next retry is
// due, and every half minute in any case. A batch under way when ctx ends
// is finished first.
func (s *Sender) Run(ctx context.Context) {
	if s.db.Dialect().Name() == dialect.PG {
		// The first look at the outbox comes once the LISTEN is in
		// place: what committed before it is found by that look, what
		// commits after it is announced.
		listening := make(chan struct{})
		go s.listen(ctx, listening)
		select {
		case <-listening:
		case <-ctx.Done():
			return
		}
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.outbox.wake:
		case <-timer.C:
		}
		wait := s.deliverAll(ctx)
		timer.Reset(wait)
	}
}

// deliverAll delivers batches until none is due and returns how long to
// wait for the next.
func (s *Sender) deliverAll(ctx context.Context) time.Duration {
	for ctx.Err() == nil {
		n, err := s.DeliverDue(ctx, time.Now())
		if err != nil {
			s.log.Error("e-mail delivery", "err", err)
			return poll
		}
		if n < batchSize {
			break
		}
	}
	var next time.Time
	err := s.db.NewSelect().Model((*Message)(nil)).ColumnExpr("min(next_attempt_at)").
		Where("sent_at IS NULL").Where("failed_at IS NULL").Scan(ctx, &next)
	if err != nil || next.IsZero() {
		return poll
	}
	return min(max(time.Until(next), 0)+10*time.Millisecond, poll)
}

// listen wakes the sender when a transaction on any instance commits a
// message (see Outbox.announce). The listener reconnects by itself; while
// it is down the sender polls.
//
// listening is closed once the LISTEN is in place, or failed.
func (s *Sender) listen(ctx context.Context, listening chan<- struct{}) {
	var once sync.Once
	ready := func() { once.Do(func() { close(listening) }) }
	defer ready()
	var schema string
	if err := s.db.NewRaw("SELECT current_schema()").Scan(ctx, &schema); err != nil {
		s.log.Warn("e-mail notifications; polling instead", "err", err)
		return
	}
	ln := pgdriver.NewListener(s.db)
	defer ln.Close()
	if err := ln.Listen(ctx, notifyPrefix+schema); err != nil {
		s.log.Warn("e-mail notifications; polling instead", "err", err)
		return
	}
	ready()
	ch := ln.Channel()
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-ch:
			if !ok {
				return
			}
			s.outbox.Wake()
		}
	}
}

// DeliverDue claims up to one batch of messages due at now, sends them
// over one connection and records each outcome. It returns how many it
// claimed.
func (s *Sender) DeliverDue(ctx context.Context, now time.Time) (int, error) {
	now = now.UTC()
	began := time.Now()
	batch, err := s.claim(ctx, now)
	if err != nil || len(batch) == 0 {
		return 0, err
	}
	// What was claimed is sent and recorded even when ctx ends meanwhile,
	// so that a shutdown neither cuts a message off nor leaves it claimed.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), batchTimeout)
	defer cancel()
	outcomes := s.send(ctx, batch, now)
	var errs []error
	for i := range batch {
		// Outcomes are dated as of now, plus the time the batch took.
		if err := s.record(ctx, &batch[i], outcomes[i], now.Add(time.Since(began))); err != nil {
			errs = append(errs, err)
		}
	}
	return len(batch), errors.Join(errs...)
}

// claim takes up to batchSize due messages for this sender: it counts the
// attempt and moves them out of reach for the lease, in one statement.
func (s *Sender) claim(ctx context.Context, now time.Time) ([]Message, error) {
	lock := ""
	if s.db.Dialect().Name() == dialect.PG {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var batch []Message
	err := s.db.NewRaw(`UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?
		WHERE id IN (SELECT id FROM mail_outbox
			WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
			ORDER BY next_attempt_at, id LIMIT ?`+lock+`)
		RETURNING *`, now.Add(lease), now, batchSize).Scan(ctx, &batch)
	if err != nil {
		return nil, fmt.Errorf("claim messages: %w", err)
	}
	sort.Slice(batch, func(i, j int) bool { return batch[i].ID < batch[j].ID })
	return batch, nil
}

// outcome is what became of one message: nil error when the mail server
// accepted it; final when trying again cannot help.
type outcome struct {
	err   error
	final bool
}

// send hands the batch to the mail server over one connection.
func (s *Sender) send(ctx context.Context, batch []Message, now time.Time) []outcome {
	outcomes := make([]outcome, len(batch))
	var msgs []*gomail.Msg
	var index []int
	for i := range batch {
		m, err := s.build(&batch[i], now)
		if err != nil {
			outcomes[i] = outcome{err: err, final: true}
			continue
		}
		msgs = append(msgs, m)
		index = append(index, i)
	}
	if len(msgs) == 0 {
		return outcomes
	}
	fail := func(err error) []outcome {
		for _, i := range index {
			outcomes[i] = outcome{err: err}
		}
		return outcomes
	}
	client, err := gomail.NewClient(s.server.Host, s.clientOptions()...)
	if err != nil {
		return fail(err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fail(fmt.Errorf("mail server %s:%d unreachable: %w", s.server.Host, s.server.Port, err))
	}
	defer func() {
		if err := client.CloseWithSMTPClient(conn); err != nil {
			s.log.Debug("closing the mail server connection", "err", err)
		}
	}()
	err = client.SendWithSMTPClient(conn, msgs...)
	for n, m := range msgs {
		i := index[n]
		switch {
		case m.HasSendError():
			outcomes[i] = outcome{err: m.SendError(), final: refusedAddress(m.SendError())}
		case err != nil && !anySendError(msgs):
			// The connection failed before any message was tried.
			outcomes[i] = outcome{err: err}
		}
	}
	return outcomes
}

// anySendError reports whether the mail server answered for a message;
// when none did, the whole batch failed on the connection.
func anySendError(msgs []*gomail.Msg) bool {
	for _, m := range msgs {
		if m.HasSendError() {
			return true
		}
	}
	return false
}

// refusedAddress reports a permanent refusal of the recipient, which no
// retry changes.
func refusedAddress(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && !se.IsTemp() && se.Reason == gomail.ErrSMTPRcptTo && se.ErrorCode() >= 500
}

// clientOptions configure the connection as the configuration says.
func (s *Sender) clientOptions() []gomail.Option {
	opts := []gomail.Option{gomail.WithPort(s.server.Port), gomail.WithTimeout(smtpTimeout)}
	switch s.server.TLS {
	case config.TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case config.TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.server.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.server.User), gomail.WithPassword(s.server.Password))
	}
	return opts
}

// build makes the e-mail of a message: plain text first, HTML as its
// alternative. The Message-ID stays the same across attempts, so that a
// message sent twice (see Sender) is recognisably one.
func (s *Sender) build(m *Message, now time.Time) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	msg.FromMailAddress(s.from)
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("address %q: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	domain := s.from.Address[strings.LastIndex(s.from.Address, "@")+1:]
	msg.SetMessageIDWithValue(fmt.Sprintf("schakel.%d.%d@%s", m.ID, m.CreatedAt.UnixNano(), domain))
	msg.SetDateWithValue(now)
	// Tells auto-responders not to answer (RFC 3834).
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	return msg, nil
}

// record writes what became of a claimed message. A message whose claim
// has been overtaken (this sender took longer than the lease) is left to
// the claim that overtook it.
func (s *Sender) record(ctx context.Context, m *Message, o outcome, now time.Time) error {
	q := s.db.NewUpdate().Model((*Message)(nil)).
		Where("id = ?", m.ID).Where("attempts = ?", m.Attempts).Where("sent_at IS NULL").Where("failed_at IS NULL")
	switch {
	case o.err == nil:
		q = q.Set("sent_at = ?", now).Set("last_error = ''").Set("text_body = ''").Set("html_body = ''")
		s.log.Info("e-mail sent", "message", m.ID, "kind", m.Kind, "attempt", m.Attempts)
	case o.final || m.Attempts >= MaxAttempts:
		q = q.Set("failed_at = ?", now).Set("last_error = ?", errorText(o.err))
		s.log.Error("e-mail given up", "message", m.ID, "kind", m.Kind, "attempts", m.Attempts, "err", o.err)
	default:
		next := now.Add(Backoff[min(m.Attempts, len(Backoff))-1])
		q = q.Set("next_attempt_at = ?", next).Set("last_error = ?", errorText(o.err))
		s.log.Warn("e-mail not sent; trying again later", "message", m.ID, "kind", m.Kind, "attempt", m.Attempts, "next", next, "err", o.err)
	}
	if _, err := q.Exec(ctx); err != nil {
		return fmt.Errorf("record message %d: %w", m.ID, err)
	}
	return nil
}

// errorText is an error as the outbox keeps it: one line, bounded.
func errorText(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if utf8.RuneCountInString(s) > maxErrorLen {
		s = string([]rune(s)[:maxErrorLen-1]) + "…"
	}
	return s
}
