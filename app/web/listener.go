package web

import (
	"net"
	"sync"
	"time"
)

// Lingering closes are how a server refuses a request body without the
// client losing the answer. The HTTP server (fasthttp) refuses a body
// larger than the limit on its announced length, answers 413 and closes
// the connection, while the client is still sending: closing a socket
// with unread data makes the kernel reset the connection, and the client
// sees "connection reset" instead of the page that says the file is too
// large. Like nginx's lingering_close and Go's own net/http server, a
// lingering close first ends the sending half (the answer is complete),
// then reads and drops what the client still sends, for as long as it
// keeps sending but no longer than lingerTotal, and only then closes.
const (
	// lingerIdle is how long a lingering close waits for more bytes.
	lingerIdle = 5 * time.Second
	// lingerTotal is the longest a lingering close reads.
	lingerTotal = 30 * time.Second
)

// Listener wraps ln so that every connection it accepts closes lingering;
// the server is to listen on it.
func Listener(ln net.Listener) net.Listener { return lingeringListener{ln} }

type lingeringListener struct{ net.Listener }

// Accept implements net.Listener.
func (l lingeringListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &lingeringConn{Conn: c}, nil
}

// halfCloser is a connection whose sending half can be closed alone.
type halfCloser interface {
	CloseWrite() error
}

type lingeringConn struct {
	net.Conn
	once sync.Once
}

// Close ends the sending half at once and leaves the rest of the close to
// a goroutine that drains the connection: the server goes on at once.
func (c *lingeringConn) Close() error {
	hc, ok := c.Conn.(halfCloser)
	if !ok {
		return c.Conn.Close()
	}
	var err error
	c.once.Do(func() {
		if err = hc.CloseWrite(); err != nil {
			err = c.Conn.Close()
			return
		}
		go c.drain()
	})
	return err
}

// drain reads until the client closes its half, stops sending for
// lingerIdle, or lingerTotal has passed, then closes.
func (c *lingeringConn) drain() {
	defer c.Conn.Close()
	end := time.Now().Add(lingerTotal)
	buf := make([]byte, 32<<10)
	for {
		deadline := time.Now().Add(lingerIdle)
		if deadline.After(end) {
			deadline = end
		}
		if c.Conn.SetReadDeadline(deadline) != nil {
			return
		}
		if _, err := c.Conn.Read(buf); err != nil {
			// The client's end (io.EOF), or waited long enough.
			return
		}
	}
}
