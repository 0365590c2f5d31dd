// Package mail is Schakel's outgoing e-mail. A message is written to the
// outbox in the same transaction as the change that causes it (an
// invitation, a password reset), so that it is never lost and never sent
// for a change that did not commit; the Sender delivers it from there.
package mail

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/a-h/templ"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// Message is one e-mail in the outbox. Its body is rendered when it is
// written, in the recipient's language, as HTML and as plain text.
type Message struct {
	bun.BaseModel `bun:"table:mail_outbox"`

	ID int64 `bun:"id,pk,autoincrement"`
	// Kind names what the message is for, such as "invitation"; it shows
	// in the outbox and the log, never the body.
	Kind    string `bun:"kind,notnull"`
	To      string `bun:"to_address,notnull"`
	Subject string `bun:"subject,notnull"`
	// Text and HTML are the bodies. Once the mail server has accepted the
	// message they are emptied: the links they hold (invitations, password
	// resets) are credentials, and the outbox need not keep them.
	Text string `bun:"text_body,notnull"`
	HTML string `bun:"html_body,notnull"`
	// Attempts counts the delivery attempts so far; LastError is the
	// latest failure, empty once sent.
	Attempts      int        `bun:"attempts,notnull"`
	LastError     string     `bun:"last_error,notnull"`
	NextAttemptAt time.Time  `bun:"next_attempt_at,notnull"`
	SentAt        *time.Time `bun:"sent_at"`
	// FailedAt is when delivery was given up on: after MaxAttempts, or at
	// once when the mail server refused the address. An administrator can
	// have it tried again.
	FailedAt  *time.Time `bun:"failed_at"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
}

// States of a message, as Status returns them.
const (
	StatusWaiting = "waiting"
	StatusSent    = "sent"
	StatusFailed  = "failed"
)

// Status says where the message is: waiting (for its first attempt or a
// retry), sent, or failed.
func (m *Message) Status() string {
	switch {
	case m.SentAt != nil:
		return StatusSent
	case m.FailedAt != nil:
		return StatusFailed
	default:
		return StatusWaiting
	}
}

// Compose renders a message for one recipient: subject, an HTML body and
// a plain-text body, each in the language of ctx's translator.
func Compose(ctx context.Context, kind, to, subject string, html, text templ.Component) (*Message, error) {
	var h, t bytes.Buffer
	if err := html.Render(ctx, &h); err != nil {
		return nil, err
	}
	if err := text.Render(ctx, &t); err != nil {
		return nil, err
	}
	return &Message{Kind: kind, To: to, Subject: subject, HTML: h.String(), Text: t.String()}, nil
}

// ErrNotFound is returned for a message that does not exist, or is not
// in the state the operation needs.
var ErrNotFound = errors.New("mail: no such message")

// Outbox is where messages wait for delivery.
type Outbox struct {
	db *bun.DB
	// wake tells this process's Sender that a message may be due.
	wake chan struct{}
}

// NewOutbox returns the outbox in db.
func NewOutbox(db *bun.DB) *Outbox { return &Outbox{db: db, wake: make(chan struct{}, 1)} }

// Enqueue writes m to the outbox within tx (or the database itself when tx
// is the *bun.DB): it is delivered once tx commits, and never when tx
// rolls back.
func (o *Outbox) Enqueue(ctx context.Context, tx bun.IDB, m *Message) error {
	now := time.Now().UTC()
	m.CreatedAt, m.NextAttemptAt = now, now
	if _, err := tx.NewInsert().Model(m).Returning("id").Exec(ctx); err != nil {
		return err
	}
	return o.announce(ctx, tx)
}

// announce wakes the senders once the change in tx has committed. On
// PostgreSQL a NOTIFY does so: the database delivers it at commit, and
// drops it at rollback, to the sender of every instance. SQLite has one
// instance and one connection: the signal goes to this process's sender
// at once, and its first query waits for that connection until the
// transaction has ended, so it finds the message if, and only if, it was
// committed.
func (o *Outbox) announce(ctx context.Context, tx bun.IDB) error {
	if tx.Dialect().Name() == dialect.PG {
		_, err := tx.ExecContext(ctx, "SELECT pg_notify(? || current_schema(), '')", notifyPrefix)
		return err
	}
	o.Wake()
	return nil
}

// notifyPrefix, followed by the schema's name, is the PostgreSQL channel
// that announces new messages: a schema of its own (as each test has)
// gets a channel of its own, since notifications are per database.
const notifyPrefix = "schakel_mail_"

// Wake tells this process's sender to look for due messages now.
func (o *Outbox) Wake() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// List returns up to limit messages, newest first; before, when not zero,
// starts below that id (the next page).
func (o *Outbox) List(ctx context.Context, before int64, limit int) ([]Message, error) {
	var list []Message
	q := o.db.NewSelect().Model(&list).OrderExpr("id DESC").Limit(limit)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	err := q.Scan(ctx)
	return list, err
}

// Message returns one message.
func (o *Outbox) Message(ctx context.Context, id int64) (*Message, error) {
	m := new(Message)
	err := o.db.NewSelect().Model(m).Where("id = ?", id).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return m, err
}

// Retry gives a failed message a new series of attempts, starting now;
// ErrNotFound when there is no such failed message.
func (o *Outbox) Retry(ctx context.Context, tx bun.IDB, id int64) error {
	res, err := tx.NewUpdate().Model((*Message)(nil)).
		Set("failed_at = NULL").Set("attempts = 0").Set("next_attempt_at = ?", time.Now().UTC()).
		Where("id = ?", id).Where("failed_at IS NOT NULL").Where("sent_at IS NULL").Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}
	return o.announce(ctx, tx)
}
