package realtime

import (
	"context"
	"log/slog"
)

// Queue is where committed changes wait for the hub. It is the publisher
// of the business rules on a single instance, and what the PostgreSQL
// bridge feeds on every instance; the hub takes its events from it. Being
// its own object, it exists before the hub and the service that publishes
// into it, so that neither needs the other to be built first.
type Queue struct {
	events chan Event
	log    *slog.Logger
}

// NewQueue returns a queue that holds up to size events (4096 when size is
// not positive).
func NewQueue(size int, log *slog.Logger) *Queue {
	if size <= 0 {
		size = 4096
	}
	if log == nil {
		log = slog.Default()
	}
	return &Queue{events: make(chan Event, size), log: log}
}

// Publish queues an event; it implements Publisher. It never blocks the
// caller: when the queue is full the event is dropped and logged, and
// clients catch up when they reconnect.
func (q *Queue) Publish(_ context.Context, ev Event) {
	select {
	case q.events <- ev:
	default:
		q.log.Error("live event queue full; event dropped", "topic", ev.Topic, "id", ev.ID)
	}
}
