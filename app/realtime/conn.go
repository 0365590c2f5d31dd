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
)

// Conn is one client following one topic. It has one writer goroutine and
// a bounded queue: a client that falls behind is disconnected, not waited
// for, and catches up when it reconnects.
type Conn struct {
	Viewer      Viewer
	Lang        string
	topic       string
	workspaceID int64

	sock      Socket
	hub       *Hub
	send      chan []byte
	done      chan struct{}
	closeOnce sync.Once
	// dropping is the goroutine of drop, which must end before the socket
	// is given back.
	dropping sync.WaitGroup
}

type enqueueResult int

const (
	queued enqueueResult = iota
	overflow
	closed
)

func (c *Conn) enqueue(payload []byte) enqueueResult {
	select {
	case <-c.done:
		return closed
	default:
	}
	select {
	case c.send <- payload:
		return queued
	default:
		c.drop(closeTryAgain, "too slow; reconnect to catch up")
		return overflow
	}
}

// Close ends the connection with a reason the client can read.
func (c *Conn) Close(code int, reason string) {
	c.closeOnce.Do(func() {
		close(c.done)
		_ = c.sock.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(writeWait))
		_ = c.sock.Close()
	})
}

// drop ends the connection like Close but without waiting: the hub calls
// it, and a slow client's socket may not take even the close frame.
func (c *Conn) drop(code int, reason string) {
	c.closeOnce.Do(func() {
		close(c.done)
		c.dropping.Add(1)
		go func() {
			defer c.dropping.Done()
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
// presence and catch-up messages. fields lists the field names a client may
// say it edits.
func (h *Hub) Serve(ctx context.Context, sock Socket, topicName string, workspaceID int64, v Viewer, lang string, fields map[string]bool) {
	c := &Conn{
		Viewer: v, Lang: lang, topic: topicName, workspaceID: workspaceID,
		sock: sock, hub: h, send: make(chan []byte, h.queueSize), done: make(chan struct{}),
	}
	if _, ok := h.access(v.UserID, workspaceID); !ok {
		c.Close(closePolicy, "no access")
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.writeLoop()
	}()
	h.subscribe(c)
	err := c.readLoop(ctx, fields)
	h.unsubscribe(c)
	if err != nil {
		c.Close(closeUnsupported, err.Error())
	} else {
		c.Close(closeNormal, "")
	}
	wg.Wait()
	c.dropping.Wait()
}

func (c *Conn) writeLoop() {
	ticker := time.NewTicker(pingPeriod)
	defer ticker.Stop()
	for {
		select {
		case <-c.done:
			return
		case msg := <-c.send:
			_ = c.sock.SetWriteDeadline(time.Now().Add(writeWait))
			if err := c.sock.WriteMessage(websocket.TextMessage, msg); err != nil {
				c.Close(closeNormal, "")
				return
			}
		case <-ticker.C:
			if err := c.sock.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeWait)); err != nil {
				c.Close(closeNormal, "")
				return
			}
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
			c.catchUp(ctx, have)
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

func (c *Conn) catchUp(ctx context.Context, have map[int64]int) {
	class, ok := c.hub.access(c.Viewer.UserID, c.workspaceID)
	if !ok {
		c.Close(closePolicy, "access revoked")
		return
	}
	class.Lang = c.Lang
	payload, err := c.hub.render.CatchUp(ctx, c.topic, c.workspaceID, have, class)
	if err != nil {
		c.hub.log.Error("catch up", "topic", c.topic, "err", err)
		return
	}
	if len(payload) > 0 {
		c.hub.send(c, payload)
	}
}
