package realtime_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fasthttp/websocket"

	"schakel/app/realtime"
)

// events publishes actions from..to on plan:1.
func (w *world) events(from, to int) {
	for i := from; i <= to; i++ {
		w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: int64(i), Version: 1})
	}
}

// expectEvents waits for the events from..to, in that order, skipping
// presence.
func (c *client) expectEvents(from, to int) {
	c.t.Helper()
	deadline := time.After(3 * time.Second)
	for i := from; i <= to; {
		select {
		case m := <-c.msgs:
			if !strings.HasPrefix(m, "event ") {
				continue
			}
			if want := fmt.Sprintf("event %d ", i); !strings.HasPrefix(m, want) {
				c.t.Fatalf("got %q, want %q: out of order", m, want)
			}
			i++
		case <-deadline:
			c.t.Fatalf("events %d to %d: only up to %d arrived", from, to, i-1)
		}
	}
}

// TestHubQueue checks the send queue of a connection, which holds nothing
// and runs no writer while the connection is idle.
func TestHubQueue(t *testing.T) {
	t.Run("a connection delivers again after its queue emptied, in order", func(t *testing.T) {
		w := newWorld(t, 8)
		c := w.connect(t, 1, "nl", realtime.Class{})
		c.expect("presence user1")
		for round := 0; round < 5; round++ {
			// One at a time: the writer ends after each.
			w.events(10*round+1, 10*round+1)
			c.expectEvents(10*round+1, 10*round+1)
			// A burst that fills the queue without overflowing it.
			w.events(10*round+2, 10*round+8)
			c.expectEvents(10*round+2, 10*round+8)
		}
	})
	t.Run("a client that stops reading is dropped with the reason, others keep receiving", func(t *testing.T) {
		w := newWorld(t, 16)
		fast := w.connect(t, 1, "nl", realtime.Class{})
		w.stalled.Store(int64(2), make(chan struct{}))
		slow := w.connect(t, 2, "nl", realtime.Class{})
		waitFor(t, "2 subscribers", func() bool { return w.hub.Connections("plan:1") == 2 })
		// In bursts the fast client's queue takes; the slow one's fills.
		for i := 1; i <= 25; i += 5 {
			w.events(i, i+4)
			fast.expectEvents(i, i+4)
		}
		slow.closedWith("too slow; reconnect to catch up")
		if code := slow.closeCode.Load(); code != websocket.CloseTryAgainLater {
			t.Fatalf("closed with code %d, want %d (try again later)", code, websocket.CloseTryAgainLater)
		}
		waitFor(t, "the slow client's connection to end", func() bool { return w.ended.Load() == 1 })
		w.events(31, 32)
		fast.expectEvents(31, 32)
	})
	t.Run("a client that leaves while its messages wait is let go", func(t *testing.T) {
		w := newWorld(t, 16)
		w.stalled.Store(int64(3), make(chan struct{}))
		c := w.connect(t, 3, "nl", realtime.Class{})
		waitFor(t, "a subscriber", func() bool { return w.hub.Connections("plan:1") == 1 })
		w.events(1, 5)
		c.conn.Close()
		waitFor(t, "the connection to end", func() bool { return w.ended.Load() == 1 })
		if n := w.hub.Connections("plan:1"); n != 0 {
			t.Fatalf("%d connections follow the plan, want 0", n)
		}
	})
}
