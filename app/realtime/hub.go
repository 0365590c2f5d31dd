package realtime

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"hash/fnv"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Class is what decides how a fragment looks: whether the viewer may edit,
// and their language. Fragments are rendered once per class per change,
// not once per connection.
type Class struct {
	// Edit: may change the objects of the topic (actions).
	Edit bool
	// Manage: may change the topic's own object (the plan).
	Manage bool
	// Rights are further permission bits, as the Access and the Renderer
	// agree on them (such as what one may do with comments); the hub only
	// tells classes apart by them.
	Rights uint8
	Lang   string
}

// Viewer is a person looking at a topic, as others see them.
type Viewer struct {
	UserID       int64
	Name         string
	Organisation string
}

// FieldKey names one field of one object, for presence.
type FieldKey struct {
	ID    int64
	Field string
}

// Presence is who looks at a topic and who edits which field.
type Presence struct {
	Viewers []Viewer
	Editing map[FieldKey][]Viewer
}

// Renderer turns events into the HTML fragments subscribers receive.
type Renderer interface {
	// Render returns the out-of-band fragments for a committed change, one
	// payload per class; it reads what it needs once for all classes.
	Render(ctx context.Context, ev Event, classes []Class) (map[Class][]byte, error)
	// CatchUp returns the fragments that bring a client holding the given
	// object versions up to date.
	CatchUp(ctx context.Context, topic string, workspaceID int64, have map[int64]int, c Class) ([]byte, error)
	// Presence returns the fragments showing p, for the whole topic and for
	// the fields in changed.
	Presence(topic string, p Presence, changed []FieldKey, c Class) ([]byte, error)
}

// Access reports whether a user may still follow a workspace's topics, and
// with which rights (the Lang of the class is left empty). It is asked
// again before every push.
type Access func(userID, workspaceID int64, topic string) (c Class, ok bool)

// Hub delivers events to the subscribers of their topic. Each topic belongs
// to one of a few workers, which handles its events one at a time in
// arrival order, so that every subscriber sees the changes of a topic in
// the order they committed, while other topics render in parallel.
type Hub struct {
	queue     *Queue
	render    Renderer
	access    Access
	log       *slog.Logger
	queueSize int

	workers []worker

	// Presence across instances: this instance's name, where to tell the
	// others, how to name a user of another instance, and what they said.
	instance string
	peers    Publisher
	resolve  func(ctx context.Context, userID int64) (Viewer, bool)
	onRules  func(userID int64)
	onEnded  func(userID int64, ids []int64)
	connIDs  atomic.Uint64
	remote   map[string]map[remoteKey]remoteViewer
	alive    map[string]time.Time
	mu       sync.Mutex
	topics   map[string]*topic
	// closed says that the hub has stopped: a page that connects now is
	// told that the server is restarting, as those connected were.
	closed bool

	connections prometheus.Gauge
	deliveries  prometheus.Counter
	dropped     prometheus.Counter
	renderTime  prometheus.Histogram
}

type topic struct {
	name        string
	workspaceID int64
	conns       map[*Conn]struct{}
	editing     map[*Conn]FieldKey
}

// Options tune a hub.
type Options struct {
	// QueueSize is how many messages may wait for one slow client before
	// it is disconnected.
	QueueSize int
	Logger    *slog.Logger
	// Registry receives the hub's metrics; nil registers none.
	Registry prometheus.Registerer
	// Workers is how many topics render at the same time (default 4).
	Workers int
	// Peers, when set, carries presence to the other instances (the
	// PostgreSQL bridge); Resolve names a user who follows a topic on
	// another instance.
	Peers   Publisher
	Resolve func(ctx context.Context, userID int64) (Viewer, bool)
	// OnRules is called with the account whose access rules changed
	// somewhere (an event of entity "rules"; 0: any account), to bring
	// them in line here.
	OnRules func(userID int64)
	// OnSessionEnded is called when a "session" event says that sessions
	// of an account ended somewhere (ids empty: all of them), so that this
	// instance forgets them too.
	OnSessionEnded func(userID int64, ids []int64)
}

// worker handles the events and catch-ups of its share of the topics.
type worker struct {
	events   chan Event
	catchUps chan catchUpRequest
}

// worker returns the worker of a topic.
func (h *Hub) worker(topic string) *worker {
	f := fnv.New32a()
	f.Write([]byte(topic))
	return &h.workers[f.Sum32()%uint32(len(h.workers))]
}

// NewHub returns a hub that delivers the events of q; Run must be started
// for it to deliver.
func NewHub(q *Queue, r Renderer, access Access, o Options) *Hub {
	if o.QueueSize <= 0 {
		o.QueueSize = 32
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	h := &Hub{
		queue: q, render: r, access: access, log: o.Logger, queueSize: o.QueueSize,
		workers: make([]worker, o.Workers),
		peers:   o.Peers,
		resolve: o.Resolve,
		onRules: o.OnRules,
		onEnded: o.OnSessionEnded,
		remote:  map[string]map[remoteKey]remoteViewer{},
		alive:   map[string]time.Time{},
		topics:  map[string]*topic{},
		connections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "schakel_live_connections", Help: "Open live-update websocket connections.",
		}),
		deliveries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "schakel_live_deliveries_total", Help: "Fragments queued for live-update clients.",
		}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "schakel_live_slow_disconnects_total", Help: "Clients disconnected for falling behind.",
		}),
		renderTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "schakel_live_render_seconds", Help: "Time to render the fragments of one event.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 12),
		}),
	}
	var id [8]byte
	_, _ = rand.Read(id[:])
	h.instance = hex.EncodeToString(id[:])
	for i := range h.workers {
		h.workers[i] = worker{events: make(chan Event, 4096), catchUps: make(chan catchUpRequest, 256)}
	}
	if o.Registry != nil {
		for _, c := range []prometheus.Collector{h.connections, h.deliveries, h.dropped, h.renderTime} {
			if err := o.Registry.Register(c); err != nil {
				h.log.Warn("live metrics", "err", err)
			}
		}
	}
	return h
}

// dispatch hands each event of the queue to its topic's worker. A worker
// that has fallen far behind loses the event (logged); its clients catch
// up when they reconnect.
func (h *Hub) dispatch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-h.queue.events:
			select {
			case h.worker(ev.Topic).events <- ev:
			default:
				h.log.Error("live topic queue full; event dropped", "topic", ev.Topic, "id", ev.ID)
			}
		}
	}
}

// Run delivers events until ctx ends; then it tells every client that the
// server is restarting, and their pages come back by themselves.
func (h *Hub) Run(ctx context.Context) {
	for i := range h.workers {
		go h.work(ctx, &h.workers[i])
	}
	go h.dispatch(ctx)
	pings := time.NewTicker(pingPeriod)
	defer pings.Stop()
	h.heartbeat(ctx)
	for {
		select {
		case <-pings.C:
			for _, c := range h.all() {
				c.ping()
			}
			h.heartbeat(ctx)
		case <-ctx.Done():
			h.closeAll(closeRestart, "server restarting")
			return
		}
	}
}

func (h *Hub) work(ctx context.Context, w *worker) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.events:
			h.deliver(ctx, ev)
		case r := <-w.catchUps:
			h.sendCatchUp(ctx, r)
		}
	}
}

// deliver renders ev once per class among the topic's subscribers and
// queues it for each of them, asking again whether each may see it.
func (h *Hub) deliver(ctx context.Context, ev Event) {
	switch ev.Entity {
	case "presence":
		h.remotePresence(ctx, ev)
		return
	case "rules":
		if h.onRules != nil {
			h.onRules(ev.UserID)
		}
		return
	case "session":
		var ids []int64
		if ev.ID != 0 {
			ids = []int64{ev.ID}
		}
		if h.onEnded != nil {
			h.onEnded(ev.UserID, ids)
		}
		h.EndSessions(ev.UserID, ids)
		return
	}
	conns, workspaceID := h.subscribers(ev.Topic)
	if len(conns) == 0 || workspaceID != ev.WorkspaceID {
		return
	}
	start := time.Now()
	groups := h.classify(conns, workspaceID)
	classes := make([]Class, 0, len(groups))
	for class := range groups {
		classes = append(classes, class)
	}
	payloads, err := h.render.Render(ctx, ev, classes)
	h.renderTime.Observe(time.Since(start).Seconds())
	if err != nil {
		h.log.Error("render live update", "topic", ev.Topic, "entity", ev.Entity, "id", ev.ID, "err", err)
		return
	}
	for class, members := range groups {
		payload := payloads[class]
		if len(payload) == 0 {
			continue
		}
		for _, c := range members {
			h.send(c, payload)
		}
	}
}

// classify groups the connections by class, closing those that lost access.
// Access is asked once per user, however many pages they have open.
func (h *Hub) classify(conns []*Conn, workspaceID int64) map[Class][]*Conn {
	groups := map[Class][]*Conn{}
	type answer struct {
		class Class
		ok    bool
	}
	asked := map[int64]answer{}
	for _, c := range conns {
		a, seen := asked[c.Viewer.UserID]
		if !seen {
			a.class, a.ok = h.access(c.Viewer.UserID, workspaceID, c.topic)
			asked[c.Viewer.UserID] = a
		}
		class, ok := a.class, a.ok
		if !ok {
			c.drop(closePolicy, "access revoked")
			continue
		}
		class.Lang = c.Lang
		groups[class] = append(groups[class], c)
	}
	return groups
}

func (h *Hub) send(c *Conn, payload []byte) {
	switch c.enqueue(payload) {
	case queued:
		h.deliveries.Inc()
	case overflow:
		h.dropped.Inc()
		h.log.Info("live client too slow; disconnected", "user", c.Viewer.UserID, "topic", c.topic)
	}
}

func (h *Hub) subscribers(name string) ([]*Conn, int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics[name]
	if t == nil {
		return nil, 0
	}
	out := make([]*Conn, 0, len(t.conns))
	for c := range t.conns {
		out = append(out, c)
	}
	return out, t.workspaceID
}

// subscribe adds c to its topic, unless the hub has stopped; it reports
// whether it did.
func (h *Hub) subscribe(c *Conn) bool {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return false
	}
	t := h.topics[c.topic]
	if t == nil {
		t = &topic{name: c.topic, workspaceID: c.workspaceID, conns: map[*Conn]struct{}{}, editing: map[*Conn]FieldKey{}}
		h.topics[c.topic] = t
	}
	t.conns[c] = struct{}{}
	h.mu.Unlock()
	h.connections.Inc()
	h.presenceChanged(c.topic, nil)
	h.announce(c, presenceHere, FieldKey{})
	return true
}

// unsubscribe removes c from its topic and clears its presence.
func (h *Hub) unsubscribe(c *Conn) {
	h.mu.Lock()
	t := h.topics[c.topic]
	var changed []FieldKey
	if t != nil {
		if _, ok := t.conns[c]; !ok {
			h.mu.Unlock()
			return
		}
		if k, ok := t.editing[c]; ok {
			changed = append(changed, k)
			delete(t.editing, c)
		}
		delete(t.conns, c)
		if len(t.conns) == 0 {
			delete(h.topics, c.topic)
		}
	}
	h.mu.Unlock()
	h.connections.Dec()
	h.presenceChanged(c.topic, changed)
	h.announce(c, presenceGone, FieldKey{})
}

// Recheck closes every subscription whose user lost access. Call it when
// memberships change.
func (h *Hub) Recheck() {
	for _, c := range h.all() {
		if _, ok := h.access(c.Viewer.UserID, c.workspaceID, c.topic); !ok {
			c.drop(closePolicy, "access revoked")
		}
	}
}

// EndSessions closes at once, with CloseSessionEnded, the connections of
// the account opened in the sessions with these ids, or in any of its
// sessions when ids is empty.
func (h *Hub) EndSessions(userID int64, ids []int64) {
	for _, c := range h.all() {
		if c.Viewer.UserID != userID {
			continue
		}
		if len(ids) == 0 || slices.Contains(ids, c.Session) {
			c.drop(CloseSessionEnded, "signed out")
		}
	}
}

func (h *Hub) closeAll(code int, reason string) {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	for _, c := range h.all() {
		c.drop(code, reason)
	}
}

// all returns every connection of every topic.
func (h *Hub) all() []*Conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	var all []*Conn
	for _, t := range h.topics {
		for c := range t.conns {
			all = append(all, c)
		}
	}
	return all
}

// Connections returns how many clients follow a topic on this instance.
func (h *Hub) Connections(topicName string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t := h.topics[topicName]; t != nil {
		return len(t.conns)
	}
	return 0
}

type catchUpRequest struct {
	conn *Conn
	have map[int64]int
}

// catchUp asks the hub to bring a (re)connected client up to date. The
// hub's goroutine does it, in order with the events, so that nothing
// committed in between is missed or sent out of order.
func (h *Hub) catchUp(ctx context.Context, c *Conn, have map[int64]int) {
	select {
	case h.worker(c.topic).catchUps <- catchUpRequest{conn: c, have: have}:
	case <-c.done:
	case <-ctx.Done():
	}
}

func (h *Hub) sendCatchUp(ctx context.Context, r catchUpRequest) {
	c := r.conn
	class, ok := h.access(c.Viewer.UserID, c.workspaceID, c.topic)
	if !ok {
		c.drop(closePolicy, "access revoked")
		return
	}
	class.Lang = c.Lang
	payload, err := h.render.CatchUp(ctx, c.topic, c.workspaceID, r.have, class)
	if err != nil {
		h.log.Error("catch up", "topic", c.topic, "err", err)
		return
	}
	if len(payload) > 0 {
		h.send(c, payload)
	}
}
