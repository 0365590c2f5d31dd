package realtime

import "sort"

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
