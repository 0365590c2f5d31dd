package testkit

import (
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// listener keeps the connections it accepted, so that a stopping server
// can close those on which the client never sent a byte. Browsers open
// such sockets ahead of need; the HTTP server (fasthttp) counts them as
// busy reading their first request, not as idle, and a graceful shutdown
// would wait for them until its timeout.
type listener struct {
	net.Listener
	mu    sync.Mutex
	conns map[*conn]struct{}
}

func newListener(ln net.Listener) *listener {
	return &listener{Listener: ln, conns: map[*conn]struct{}{}}
}

// Accept implements net.Listener.
func (l *listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc := &conn{Conn: c, l: l}
	l.mu.Lock()
	l.conns[tc] = struct{}{}
	l.mu.Unlock()
	return tc, nil
}

// closeUnused closes the connections that never carried a request.
func (l *listener) closeUnused() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for c := range l.conns {
		if !c.used.Load() {
			c.Conn.Close()
			delete(l.conns, c)
		}
	}
}

// closeUnusedUntil closes unused connections every moment until done is
// closed, for as long as a shutdown waits.
func (l *listener) closeUnusedUntil(done <-chan struct{}) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		l.closeUnused()
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

// conn notes whether the client ever sent anything.
type conn struct {
	net.Conn
	l    *listener
	used atomic.Bool
}

// Read implements net.Conn.
func (c *conn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.used.Store(true)
	}
	return n, err
}

// Close implements net.Conn.
func (c *conn) Close() error {
	c.l.mu.Lock()
	delete(c.l.conns, c)
	c.l.mu.Unlock()
	return c.Conn.Close()
}
