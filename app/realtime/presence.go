package realtime

import (
	"context"
	"sort"
	"time"
)

// setEditing records which field c edits (an empty key for none) and tells
// the topic.
func (h *Hub) setEditing(c *Conn, k FieldKey) {
	h.mu.Lock()
	t := h.topics[c.topic]
	if t == nil {
		h.mu.Unlock()
		return
	}
	prev, had := t.editing[c]
	if had && prev == k {
		h.mu.Unlock()
		return
	}
	var changed []FieldKey
	if had {
		changed = append(changed, prev)
		delete(t.editing, c)
	}
	if k.Field != "" {
		t.editing[c] = k
		changed = append(changed, k)
	}
	h.mu.Unlock()
	h.presenceChanged(c.topic, changed)
	h.announce(c, presenceHere, k)
}

// presence returns the topic's current presence.
func (h *Hub) presence(name string) (Presence, []*Conn, int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics[name]
	p := Presence{Editing: map[FieldKey][]Viewer{}}
	if t == nil {
		return p, nil, 0
	}
	seen := map[int64]bool{}
	conns := make([]*Conn, 0, len(t.conns))
	for c := range t.conns {
		conns = append(conns, c)
		if !seen[c.Viewer.UserID] {
			seen[c.Viewer.UserID] = true
			p.Viewers = append(p.Viewers, c.Viewer)
		}
	}
	for c, k := range t.editing {
		p.Editing[k] = appendViewer(p.Editing[k], c.Viewer)
	}
	for _, r := range h.remote[name] {
		if !seen[r.viewer.UserID] {
			seen[r.viewer.UserID] = true
			p.Viewers = append(p.Viewers, r.viewer)
		}
		if r.editing.Field != "" {
			p.Editing[r.editing] = appendViewer(p.Editing[r.editing], r.viewer)
		}
	}
	sort.Slice(p.Viewers, func(i, j int) bool { return p.Viewers[i].Name < p.Viewers[j].Name })
	return p, conns, t.workspaceID
}

func appendViewer(list []Viewer, v Viewer) []Viewer {
	for _, x := range list {
		if x.UserID == v.UserID {
			return list
		}
	}
	list = append(list, v)
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list
}

// presenceChanged sends the topic's presence, and the fields in changed,
// to everyone following it.
func (h *Hub) presenceChanged(name string, changed []FieldKey) {
	p, conns, workspaceID := h.presence(name)
	if len(conns) == 0 {
		return
	}
	for class, members := range h.classify(conns, workspaceID) {
		payload, err := h.render.Presence(name, p, changed, class)
		if err != nil {
			h.log.Error("render presence", "topic", name, "err", err)
			continue
		}
		for _, c := range members {
			h.send(c, payload)
		}
	}
}

// Presence kinds between instances.
const (
	presenceHere  = "here"  // a connection follows the topic, editing Fields[0] of ID if given
	presenceGone  = "gone"  // a connection left
	presenceAlive = "alive" // an instance is still there
)

type remoteKey struct {
	origin string
	conn   uint64
}

type remoteViewer struct {
	viewer  Viewer
	editing FieldKey
}

// announce tells the other instances about one connection's presence.
func (h *Hub) announce(c *Conn, kind string, k FieldKey) {
	if h.peers == nil {
		return
	}
	ev := Event{Topic: c.topic, WorkspaceID: c.workspaceID, Entity: "presence", Kind: kind,
		UserID: c.Viewer.UserID, Origin: h.instance, Conn: c.id, ID: k.ID}
	if k.Field != "" {
		ev.Fields = []string{k.Field}
	}
	h.peers.Publish(context.Background(), ev)
}

// heartbeat tells the others this instance is alive, and forgets the
// viewers of instances not heard from for three heartbeats.
func (h *Hub) heartbeat(ctx context.Context) {
	if h.peers == nil {
		return
	}
	h.peers.Publish(ctx, Event{Entity: "presence", Kind: presenceAlive, Origin: h.instance})
	h.mu.Lock()
	var dead []string
	for origin, at := range h.alive {
		if time.Since(at) > 3*pingPeriod {
			dead = append(dead, origin)
			delete(h.alive, origin)
		}
	}
	h.mu.Unlock()
	for _, origin := range dead {
		h.forgetOrigin(origin)
	}
}

func (h *Hub) forgetOrigin(origin string) {
	h.mu.Lock()
	var topics []string
	for topic, m := range h.remote {
		for k := range m {
			if k.origin == origin {
				delete(m, k)
				topics = append(topics, topic)
			}
		}
	}
	h.mu.Unlock()
	for _, t := range topics {
		h.presenceChanged(t, nil)
	}
}

// remotePresence takes in another instance's presence news.
func (h *Hub) remotePresence(ctx context.Context, ev Event) {
	if ev.Origin == "" || ev.Origin == h.instance {
		return
	}
	h.mu.Lock()
	_, known := h.alive[ev.Origin]
	h.alive[ev.Origin] = time.Now()
	h.mu.Unlock()
	if !known {
		// A new instance: tell it who is here.
		for _, c := range h.all() {
			h.mu.Lock()
			var k FieldKey
			if t := h.topics[c.topic]; t != nil {
				k = t.editing[c]
			}
			h.mu.Unlock()
			h.announce(c, presenceHere, k)
		}
	}
	key := remoteKey{origin: ev.Origin, conn: ev.Conn}
	var changed []FieldKey
	switch ev.Kind {
	case presenceHere:
		if h.resolve == nil {
			return
		}
		v, ok := h.resolve(ctx, ev.UserID)
		if !ok {
			return
		}
		k := FieldKey{ID: ev.ID}
		if len(ev.Fields) > 0 {
			k.Field = ev.Fields[0]
		}
		h.mu.Lock()
		m := h.remote[ev.Topic]
		if m == nil {
			m = map[remoteKey]remoteViewer{}
			h.remote[ev.Topic] = m
		}
		if prev, ok := m[key]; ok && prev.editing.Field != "" {
			changed = append(changed, prev.editing)
		}
		m[key] = remoteViewer{viewer: v, editing: k}
		h.mu.Unlock()
		if k.Field != "" {
			changed = append(changed, k)
		}
	case presenceGone:
		h.mu.Lock()
		if prev, ok := h.remote[ev.Topic][key]; ok {
			if prev.editing.Field != "" {
				changed = append(changed, prev.editing)
			}
			delete(h.remote[ev.Topic], key)
			if len(h.remote[ev.Topic]) == 0 {
				delete(h.remote, ev.Topic)
			}
		}
		h.mu.Unlock()
	default:
		return
	}
	h.presenceChanged(ev.Topic, changed)
}
