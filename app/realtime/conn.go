package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/fasthttp/websocket"
)

// Socket is the part of a websocket connection the hub uses.
type Socket interface {
	ReadMessage() (int, []byte, error)
	WriteMessage(int, []byte) error
	WriteControl(int, []byte, time.Time) error
	SetReadDeadline(time.Time) error
	SetWriteDeadline(time.Time) error
	SetReadLimit(int64)
	SetPongHandler(func(string) error)
	Close() error
}

// Timing of the connection: a client that answers no ping within pongWait
// is gone.
const (
	writeWait  = 10 * time.Second
	pongWait   = 60 * time.Second
	pingPeriod = 25 * time.Second
	maxMessage = 8 << 10
)

const (
	closeNormal      = websocket.CloseNormalClosure
	closePolicy      = websocket.ClosePolicyViolation
	closeUnsupported = websocket.CloseUnsupportedData
	closeTryAgain    = websocket.CloseTryAgainLater
	closeRestart     = websocket.CloseServiceRestart
	// CloseSessionEnded closes the connections of a session that ended
	// (signed out, revoked, password changed, account gone): the page
	// says so and offers to sign in again, and does not reconnect.
	CloseSessionEnded = 4001
)

// Conn is one client following one topic. Messages wait in a bounded
// queue for a writer goroutine: a client that falls behind is disconnected,
// not waited for, and catches up when it reconnects.
//
// An idle connection costs the goroutine that reads it and this struct: the
// queue is allocated when a message arrives and given back once it is
// written, and a writer runs only while there is something to write.
type Conn struct {
	id     uint64
	Viewer Viewer
	// Session is the id of the web session the connection was opened in.
	Session     int64
	Lang        string
	topic       string
	workspaceID int64

	sock      Socket
	hub       *Hub
	done      chan struct{} // closed when the connection ends
	closeOnce sync.Once
	// busy counts the writer and the closing goroutine of drop, which must
	// end before the socket is given back.
	busy sync.WaitGroup

	mu      sync.Mutex
	queue   [][]byte // waiting messages, oldest first; a nil message is a ping
	writing bool     // a writer goroutine runs
	stopped bool     // the connection ended: nothing more is queued
}

type enqueueResult int

const (
	queued enqueueResult = iota
	overflow
	closed
)

// enqueue queues a message; a full queue drops the client.
func (c *Conn) enqueue(payload []byte) enqueueResult {
	c.mu.Lock()
	if c.stopped {
		c.mu.Unlock()
		return closed
	}
	if len(c.queue) >= c.hub.queueSize {
		c.mu.Unlock()
		c.drop(closeTryAgain, "too slow; reconnect to catch up")
		return overflow
	}
	c.push(payload)
	c.mu.Unlock()
	return queued
}

// ping queues a ping, unless the queue is full (then the client is busy
// enough with messages, and the next ping comes soon).
func (c *Conn) ping() {
	c.mu.Lock()
	if !c.stopped && len(c.queue) < c.hub.queueSize {
		c.push(nil)
	}
	c.mu.Unlock()
}

// push queues msg and starts a writer if none runs; c.mu is held.
func (c *Conn) push(msg []byte) {
	c.queue = append(c.queue, msg)
	if !c.writing {
		c.writing = true
		c.busy.Add(1)
		go c.write()
	}
}

// next takes the oldest waiting message; ok is false when there is none or
// the connection ended, and then the writer ends.
func (c *Conn) next() (msg []byte, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || len(c.queue) == 0 {
		c.queue = nil // give the buffer back while idle
		c.writing = false
		return nil, false
	}
	msg = c.queue[0]
	c.queue[0] = nil
	c.queue = c.queue[1:]
	return msg, true
}

// stop lets nothing more be queued and forgets what waits.
func (c *Conn) stop() {
	c.mu.Lock()
	c.stopped = true
	c.queue = nil
	c.mu.Unlock()
}

// Close ends the connection with a reason the client can read.
func (c *Conn) Close(code int, reason string) {
	c.closeOnce.Do(func() {
		close(c.done)
		c.stop()
		_ = c.sock.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(writeWait))
		_ = c.sock.Close()
	})
}

// drop ends the connection like Close but without waiting: the hub calls
// it, and a slow client's socket may not take even the close frame.
func (c *Conn) drop(code int, reason string) {
	c.closeOnce.Do(func() {
		close(c.done)
		c.stop()
		c.busy.Add(1)
		go func() {
			defer c.busy.Done()
			_ = c.sock.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
			_ = c.sock.Close()
		}()
	})
}

// clientMessage is what a client may send. In a hello, versions maps
// object ids to the versions the client holds; the id "0" stands for the
// topic's own object (the plan).
type clientMessage struct {
	// Type is "hello" (with the versions the client holds), "focus" (with
	// the field it edits) or "blur".
	Type     string         `json:"type"`
	Versions map[string]int `json:"versions"`
	ID       int64          `json:"id"`
	Field    string         `json:"field"`
}

// Serve runs one client connection until it ends: it subscribes the
// connection to the topic, writes from the queue, and reads the client's
// presence and catch-up messages. session is the web session the client
// opened it in, which ends it when it ends. fields lists the field names a
// client may say it edits.
func (h *Hub) Serve(ctx context.Context, sock Socket, topicName string, workspaceID int64, v Viewer, session int64, lang string, fields map[string]bool) {
	c := &Conn{
		id:     h.connIDs.Add(1),
		Viewer: v, Session: session, Lang: lang, topic: topicName, workspaceID: workspaceID,
		sock: sock, hub: h, done: make(chan struct{}),
	}
	if _, ok := h.access(v.UserID, workspaceID, topicName); !ok {
		c.Close(closePolicy, "no access")
		return
	}
	if !h.subscribe(c) {
		// The server is stopping: this page comes back by itself, to
		// this instance once it is up again or to another.
		c.Close(closeRestart, "server restarting")
		return
	}
	err := c.readLoop(ctx, fields)
	h.unsubscribe(c)
	if err != nil {
		c.Close(closeUnsupported, err.Error())
	} else {
		c.Close(closeNormal, "")
	}
	// Close stopped the queue, so no writer starts after this.
	c.busy.Wait()
}

// write sends what is queued and ends when the queue is empty.
func (c *Conn) write() {
	defer c.busy.Done()
	for {
		msg, ok := c.next()
		if !ok {
			return
		}
		var err error
		if msg == nil {
			err = c.sock.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeWait))
		} else {
			_ = c.sock.SetWriteDeadline(time.Now().Add(writeWait))
			err = c.sock.WriteMessage(websocket.TextMessage, msg)
		}
		if err != nil {
			c.Close(closeNormal, "")
			return
		}
	}
}

// errMalformed is a client message Schakel does not understand; the
// connection says so and closes.
type errMalformed string

func (e errMalformed) Error() string { return "malformed message: " + string(e) }

// readLoop handles client messages until the client goes or sends
// something malformed (returned as the error).
func (c *Conn) readLoop(ctx context.Context, fields map[string]bool) error {
	c.sock.SetReadLimit(maxMessage)
	_ = c.sock.SetReadDeadline(time.Now().Add(pongWait))
	c.sock.SetPongHandler(func(string) error { return c.sock.SetReadDeadline(time.Now().Add(pongWait)) })
	for {
		_, data, err := c.sock.ReadMessage()
		if err != nil {
			if errors.Is(err, websocket.ErrReadLimit) {
				return errMalformed("too large")
			}
			return nil
		}
		_ = c.sock.SetReadDeadline(time.Now().Add(pongWait))
		var m clientMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return errMalformed("not JSON")
		}
		switch m.Type {
		case "hello":
			have := make(map[int64]int, len(m.Versions))
			for k, v := range m.Versions {
				id, err := strconv.ParseInt(k, 10, 64)
				if err != nil || id < 0 || v < 0 {
					return errMalformed("bad version list")
				}
				have[id] = v
			}
			c.hub.catchUp(ctx, c, have)
		case "focus":
			if m.ID <= 0 || !fields[m.Field] {
				return errMalformed("unknown field")
			}
			c.hub.setEditing(c, FieldKey{ID: m.ID, Field: m.Field})
		case "blur":
			c.hub.setEditing(c, FieldKey{})
		case "ping":
		default:
			return errMalformed("unknown type " + strconv.Quote(m.Type))
		}
	}
}
