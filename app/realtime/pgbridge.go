package realtime

import (
	"context"
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
// database: Publish sends a NOTIFY with the event (ids and versions only),
// and Listen feeds every notification, this instance's own included, to
// the local hub's queue.
type PGBridge struct {
	db      *bun.DB
	queue   *Queue
	log     *slog.Logger
	channel string
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
	return &PGBridge{db: db, queue: q, log: log, channel: channel}, nil
}

// Publish notifies every instance. Should the notification fail, this
// instance's own subscribers still get the event.
func (b *PGBridge) Publish(ctx context.Context, ev Event) {
	payload, err := json.Marshal(ev)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		err = pgdriver.Notify(ctx, b.db, b.channel, string(payload))
	}
	if err != nil {
		b.log.Error("notify live event; delivering locally only", "err", err)
		b.queue.Publish(ctx, ev)
	}
}

// Listen feeds notifications to the queue until ctx ends. The listener
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
			var ev Event
			if err := json.Unmarshal([]byte(n.Payload), &ev); err != nil {
				b.log.Warn("malformed live notification", "err", err)
				continue
			}
			b.queue.Publish(ctx, ev)
		}
	}
}
