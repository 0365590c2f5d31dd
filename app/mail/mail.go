// Package mail is Schakel's outgoing e-mail. A message is written to the
// outbox in the same transaction as the change that causes it (an
// invitation, a password reset), so that it is never lost and never sent
// for a change that did not commit; delivery takes it from there.
package mail

import (
	"bytes"
	"context"
	"time"

	"github.com/a-h/templ"
	"github.com/uptrace/bun"
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
	Text    string `bun:"text_body,notnull"`
	HTML    string `bun:"html_body,notnull"`
	// Attempts counts the delivery attempts so far; LastError is the
	// latest failure, empty once sent.
	Attempts      int        `bun:"attempts,notnull"`
	LastError     string     `bun:"last_error,notnull"`
	NextAttemptAt time.Time  `bun:"next_attempt_at,notnull"`
	SentAt        *time.Time `bun:"sent_at"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
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

// Outbox is where messages wait for delivery.
type Outbox struct {
	db *bun.DB
}

// NewOutbox returns the outbox in db.
func NewOutbox(db *bun.DB) *Outbox { return &Outbox{db: db} }

// Enqueue writes m to the outbox within tx (or the database itself when tx
// is the *bun.DB): it is delivered once tx commits, and never when tx
// rolls back.
func (o *Outbox) Enqueue(ctx context.Context, tx bun.IDB, m *Message) error {
	now := time.Now().UTC()
	m.CreatedAt, m.NextAttemptAt = now, now
	_, err := tx.NewInsert().Model(m).Returning("id").Exec(ctx)
	return err
}
