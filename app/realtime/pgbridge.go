package realtime

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"
)

// Channel is the PostgreSQL notification channel of Schakel's events in
// the public schema; a database used in another schema (as the tests do)
// gets a channel of that schema's own, since notifications are per database.
const Channel = "schakel_events"

// PGBridge carries events between instances that share one PostgreSQL
// database: Publish hands the event to the local hub's queue at once and
// sends a NOTIFY with it (ids and versions only) to the others; Listen
// feeds the other instances' notifications to the local queue. An
// instance's own events thus never wait for the round trip through the
// database.
type PGBridge struct {
	db      *bun.DB
	queue   *Queue
	log     *slog.Logger
	channel string
	// sender names this bridge in its notifications, so that Listen can
	// pass over its own.
	sender string
}

// notification is an event as it travels between instances.
type notification struct {
	Event
	Sender string `json:"s"`
}

// NewPGBridge returns a bridge between db and the queue of the local hub.
func NewPGBridge(ctx context.Context, db *bun.DB, q *Queue, log *slog.Logger) (*PGBridge, error) {
	if log == nil {
		log = slog.Default()
	}
	var schema string
	if err := db.NewRaw("SELECT current_schema()").Scan(ctx, &schema); err != nil {
		return nil, err
	}
	channel := Channel
	if schema != "public" {
		channel += "_" + schema
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, err
	}
	return &PGBridge{db: db, queue: q, log: log, channel: channel, sender: hex.EncodeToString(id[:])}, nil
}

// Publish gives the event to this instance's subscribers and notifies the
// other instances. Should the notification fail, this instance's own
// subscribers still have it.
func (b *PGBridge) Publish(ctx context.Context, ev Event) {
	b.queue.Publish(ctx, ev)
	payload, err := json.Marshal(notification{Event: ev, Sender: b.sender})
	if err == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		err = pgdriver.Notify(ctx, b.db, b.channel, string(payload))
	}
	if err != nil {
		b.log.Error("notify live event; the other instances miss it", "topic", ev.Topic, "err", err)
	}
}

// Listen feeds the other instances' notifications to the queue until ctx
// ends. The listener
// reconnects by itself when its connection breaks. ready, if not nil, is
// closed once the LISTEN is in place.
func (b *PGBridge) Listen(ctx context.Context, ready chan<- struct{}) error {
	ln := pgdriver.NewListener(b.db)
	defer ln.Close()
	if err := ln.Listen(ctx, b.channel); err != nil {
		return err
	}
	if ready != nil {
		close(ready)
	}
	ch := ln.Channel(pgdriver.WithChannelSize(4096))
	for {
		select {
		case <-ctx.Done():
			return nil
		case n, ok := <-ch:
			if !ok {
				return nil
			}
			var m notification
			if err := json.Unmarshal([]byte(n.Payload), &m); err != nil {
				b.log.Warn("malformed live notification", "err", err)
				continue
			}
			if m.Sender == b.sender {
				continue
			}
			b.queue.Publish(ctx, m.Event)
		}
	}
}
