package live

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/realtime"
	"schakel/app/service"
)

// Events is how committed changes travel on one instance: into the hub's
// queue in process on SQLite, and through PostgreSQL NOTIFY between
// instances on PostgreSQL, where every instance's listener feeds its own
// queue. It exists before the service that publishes into it and the hub
// that delivers from it, so that each is built whole.
type Events struct {
	queue  *realtime.Queue
	bridge *realtime.PGBridge
}

// NewEvents prepares the events of an instance on db.
func NewEvents(ctx context.Context, db *bun.DB, log *slog.Logger) (*Events, error) {
	e := &Events{queue: realtime.NewQueue(0, log)}
	if db.Dialect().Name() == dialect.PG {
		b, err := realtime.NewPGBridge(ctx, db, e.queue, log)
		if err != nil {
			return nil, err
		}
		e.bridge = b
	}
	return e, nil
}

// Publisher is where the service announces committed changes.
func (e *Events) Publisher() realtime.Publisher {
	if e.bridge != nil {
		return e.bridge
	}
	return e.queue
}

// HubDeps is what a hub is built from besides its events.
type HubDeps struct {
	Service  *service.Service
	Authz    *authz.Authorizer
	Messages *i18n.Bundle
	Logger   *slog.Logger
	// Registry receives the hub's metrics; nil registers none.
	Registry prometheus.Registerer
	// Sessions is the session storage, whose ended sessions close their
	// live connections here, and which forgets the sessions ended on other
	// instances; nil when there is none.
	Sessions Sessions
}

// Sessions is what the hub needs of the session storage.
type Sessions interface {
	// OnEnded registers f to run when sessions end on this instance.
	OnEnded(f func(userID int64, ids []int64))
	// Forget drops ended sessions from memory.
	Forget(userID int64, ids []int64)
}

// NewHub builds the hub that delivers these events: rendered by this
// package, with access asked of the authorizer before every push, presence
// shared with the other instances, and access rules followed when they
// change anywhere.
func (e *Events) NewHub(d HubDeps) *realtime.Hub {
	o := realtime.Options{
		Logger: d.Logger, Registry: d.Registry,
		Resolve: Viewer(d.Service), OnRules: Rules(d.Authz, d.Logger),
	}
	if e.bridge != nil {
		o.Peers = e.bridge
	}
	if d.Sessions != nil {
		o.OnSessionEnded = d.Sessions.Forget
	}
	hub := realtime.NewHub(e.queue, NewRenderer(d.Service, d.Messages), Access(d.Authz, d.Service), o)
	d.Authz.OnReload(hub.Recheck)
	if d.Sessions != nil {
		d.Sessions.OnEnded(hub.EndSessions)
	}
	return hub
}

// Start delivers events until ctx ends, and returns once delivery is in
// place (on PostgreSQL: once the LISTEN is). When ctx ends, open
// websockets are told the server is restarting, and their pages reconnect
// to whichever instance answers.
func (e *Events) Start(ctx context.Context, hub *realtime.Hub) error {
	go hub.Run(ctx)
	if e.bridge == nil {
		return nil
	}
	ready := make(chan struct{})
	errc := make(chan error, 1)
	go func() { errc <- e.bridge.Listen(ctx, ready) }()
	select {
	case <-ready:
		return nil
	case err := <-errc:
		return err
	}
}
