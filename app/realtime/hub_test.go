package realtime_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fasthttp/websocket"
	fws "github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"schakel/app/realtime"
)

// countingRenderer renders a fragment naming the event and the class, and
// counts how often it renders, to check "once per class per change".
type countingRenderer struct {
	renders atomic.Int64
}

func (r *countingRenderer) Render(_ context.Context, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	out := map[realtime.Class][]byte{}
	for _, c := range classes {
		r.renders.Add(1)
		out[c] = []byte(fmt.Sprintf("event %d v%d edit=%v lang=%s", ev.ID, ev.Version, c.Edit, c.Lang))
	}
	return out, nil
}

func (r *countingRenderer) CatchUp(_ context.Context, topic string, _ int64, have map[int64]int, c realtime.Class) ([]byte, error) {
	return []byte(fmt.Sprintf("catch-up %s holding %d", topic, len(have))), nil
}

func (r *countingRenderer) Presence(_ string, p realtime.Presence, changed []realtime.FieldKey, _ realtime.Class) ([]byte, error) {
	var names []string
	for _, v := range p.Viewers {
		names = append(names, v.Name)
	}
	var editing []string
	for _, k := range changed {
		for _, v := range p.Editing[k] {
			editing = append(editing, fmt.Sprintf("%s@%d.%s", v.Name, k.ID, k.Field))
		}
	}
	return []byte("presence " + strings.Join(names, ",") + " editing " + strings.Join(editing, ",")), nil
}

// world is a hub behind a real Fiber server with real websocket clients.
type world struct {
	queue   *realtime.Queue
	hub     *realtime.Hub
	render  *countingRenderer
	url     string
	allowed sync.Map // user id → realtime.Class; absent = no access
	stalled sync.Map // user id → chan struct{}: their writes hang until it closes
	// ended counts the connections the hub has finished serving.
	ended atomic.Int64
	// stop stops the hub, as a server that shuts down does.
	stop context.CancelFunc
}

// stalledSocket is a real websocket whose peer stops taking data: writes
// hang as they do on a full TCP window, until released or closed.
type stalledSocket struct {
	realtime.Socket
	release chan struct{}
	closed  chan struct{}
	once    sync.Once
}

func (s *stalledSocket) WriteMessage(kind int, data []byte) error {
	select {
	case <-s.release:
		return s.Socket.WriteMessage(kind, data)
	case <-s.closed:
		return net.ErrClosed
	}
}

func (s *stalledSocket) Close() error {
	s.once.Do(func() { close(s.closed) })
	return s.Socket.Close()
}

func newWorld(t *testing.T, queue int) *world {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := &world{render: &countingRenderer{}, queue: realtime.NewQueue(0, logger)}
	w.hub = realtime.NewHub(w.queue, w.render, func(user, ws int64, _ string) (realtime.Class, bool) {
		c, ok := w.allowed.Load(user)
		if !ok {
			return realtime.Class{}, false
		}
		return c.(realtime.Class), true
	}, realtime.Options{QueueSize: queue, Logger: logger})
	ctx, cancel := context.WithCancel(context.Background())
	w.stop = cancel
	go w.hub.Run(ctx)
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/live/:user/:lang", func(c *fiber.Ctx) error {
		c.Locals("user", strings.Clone(c.Params("user")))
		c.Locals("lang", strings.Clone(c.Params("lang")))
		return c.Next()
	}, fws.New(func(conn *fws.Conn) {
		defer w.ended.Add(1)
		var id int64
		fmt.Sscan(conn.Locals("user").(string), &id)
		var sock realtime.Socket = conn
		if gate, ok := w.stalled.Load(id); ok {
			sock = &stalledSocket{Socket: conn, release: gate.(chan struct{}), closed: make(chan struct{})}
		}
		w.hub.Serve(ctx, sock, "plan:1", 7, realtime.Viewer{UserID: id, Name: fmt.Sprintf("user%d", id)},
			id, conn.Locals("lang").(string), map[string]bool{"title": true})
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { cancel(); _ = app.ShutdownWithTimeout(2 * time.Second) })
	w.url = "ws://" + ln.Addr().String()
	return w
}

type client struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan string
	done chan struct{}
	// closeText and closeCode are what the server said when it closed.
	closeText atomic.Value
	closeCode atomic.Int64
}

func (w *world) connect(t *testing.T, user int64, lang string, class realtime.Class) *client {
	t.Helper()
	w.allowed.Store(user, class)
	conn, _, err := websocket.DefaultDialer.Dial(fmt.Sprintf("%s/live/%d/%s", w.url, user, lang), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, conn: conn, msgs: make(chan string, 1000), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for {
			_, data, err := conn.ReadMessage()
			if err != nil {
				if ce, ok := err.(*websocket.CloseError); ok {
					c.closeText.Store(ce.Text)
					c.closeCode.Store(int64(ce.Code))
				}
				return
			}
			c.msgs <- string(data)
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return c
}

// expect waits for a message containing want, skipping others.
func (c *client) expect(want string) {
	c.t.Helper()
	deadline := time.After(3 * time.Second)
	for {
		select {
		case m := <-c.msgs:
			if strings.Contains(m, want) {
				return
			}
		case <-deadline:
			select {
			case <-c.done:
				c.t.Fatalf("no message containing %q: connection closed (%v)", want, c.closeText.Load())
			default:
			}
			c.t.Fatalf("no message containing %q", want)
		}
	}
}

// silent checks that no message containing s arrives for a while.
func (c *client) silent(s string) {
	c.t.Helper()
	deadline := time.After(300 * time.Millisecond)
	for {
		select {
		case m := <-c.msgs:
			if strings.Contains(m, s) {
				c.t.Fatalf("unexpected message %q", m)
			}
		case <-deadline:
			return
		}
	}
}

func (c *client) closedWith(reason string) {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(3 * time.Second):
		c.t.Fatal("connection not closed")
	}
	if got, _ := c.closeText.Load().(string); !strings.Contains(got, reason) {
		c.t.Fatalf("closed with %q, want %q", got, reason)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 300; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestEventsReachEverySubscriberRenderedOncePerClass(t *testing.T) {
	w := newWorld(t, 64)
	editNL := []*client{
		w.connect(t, 1, "nl", realtime.Class{Edit: true}),
		w.connect(t, 2, "nl", realtime.Class{Edit: true}),
		w.connect(t, 3, "nl", realtime.Class{Edit: true}),
	}
	readEN := w.connect(t, 4, "en", realtime.Class{})
	waitFor(t, "4 subscribers", func() bool { return w.hub.Connections("plan:1") == 4 })
	before := w.render.renders.Load()
	w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: 42, Version: 3, Kind: realtime.Changed})
	for _, c := range editNL {
		c.expect("event 42 v3 edit=true lang=nl")
	}
	readEN.expect("event 42 v3 edit=false lang=en")
	if n := w.render.renders.Load() - before; n != 2 {
		t.Fatalf("rendered %d times for 4 subscribers in 2 classes, want 2", n)
	}

	t.Run("another workspace's event on the same topic name is not delivered", func(t *testing.T) {
		w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 8, Entity: "action", ID: 99, Version: 1})
		readEN.silent("event 99")
	})
	t.Run("a subscriber who lost access gets nothing more and is disconnected", func(t *testing.T) {
		w.allowed.Delete(int64(4))
		w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: 43, Version: 1})
		editNL[0].expect("event 43")
		readEN.closedWith("access revoked")
	})
}

func TestSlowConsumerIsDisconnectedWhileOthersKeepReceiving(t *testing.T) {
	w := newWorld(t, 16)
	fast := w.connect(t, 1, "nl", realtime.Class{Edit: true})
	w.stalled.Store(int64(2), make(chan struct{}))
	slow := w.connect(t, 2, "nl", realtime.Class{})
	waitFor(t, "2 subscribers", func() bool { return w.hub.Connections("plan:1") == 2 })
	for i := 1; i <= 40; i++ {
		w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: int64(1000 + i), Version: i})
		fast.expect(fmt.Sprintf("event %d ", 1000+i))
	}
	waitFor(t, "the slow client to be dropped", func() bool { return w.hub.Connections("plan:1") == 1 })
	slow.closedWith("")
	w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: 5000, Version: 1})
	fast.expect("event 5000 ")
}

// TestPagesAreToldTheServerRestarts: when the hub stops, every page is
// told that the server is restarting, and so is a page that connects
// after that (a reconnect that slipped in before the listener closed),
// instead of being held open while the server waits to shut down.
func TestPagesAreToldTheServerRestarts(t *testing.T) {
	w := newWorld(t, 16)
	before := w.connect(t, 1, "nl", realtime.Class{})
	waitFor(t, "the first page connected", func() bool { return w.hub.Connections("plan:1") == 1 })
	w.stop()
	for _, tt := range []struct {
		name string
		page func() *client
	}{
		{"a page connected before", func() *client { return before }},
		{"a page that connects after", func() *client { return w.connect(t, 2, "nl", realtime.Class{}) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.page()
			c.t = t
			c.closedWith("server restarting")
			if code := c.closeCode.Load(); code != websocket.CloseServiceRestart {
				t.Errorf("close code %d, want %d (service restart)", code, websocket.CloseServiceRestart)
			}
		})
	}
	if n := w.hub.Connections("plan:1"); n != 0 {
		t.Errorf("%d pages still follow the topic", n)
	}
}

func TestClientMessages(t *testing.T) {
	w := newWorld(t, 64)
	anna := w.connect(t, 1, "nl", realtime.Class{Edit: true})
	mo := w.connect(t, 2, "nl", realtime.Class{Edit: true})
	mo.expect("presence user1,user2")

	t.Run("hello with versions gets a catch-up", func(t *testing.T) {
		if err := anna.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"hello","versions":{"0":1,"12":3,"13":1}}`)); err != nil {
			t.Fatal(err)
		}
		anna.expect("catch-up plan:1 holding 3")
	})
	t.Run("focus shows who edits which field", func(t *testing.T) {
		if err := anna.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"focus","id":12,"field":"title"}`)); err != nil {
			t.Fatal(err)
		}
		mo.expect("editing user1@12.title")
	})
	t.Run("leaving clears presence", func(t *testing.T) {
		anna.conn.Close()
		mo.expect("presence user2 editing")
	})
	for _, tt := range []struct {
		name, msg, reason string
	}{
		{"not JSON", `hello`, "malformed message: not JSON"},
		{"unknown type", `{"type":"shout"}`, "malformed message: unknown type"},
		{"unknown field", `{"type":"focus","id":1,"field":"password_hash"}`, "malformed message: unknown field"},
		{"bad versions", `{"type":"hello","versions":{"x":1}}`, "malformed message: bad version list"},
		{"too large", `{"type":"hello","versions":{"1":1},"pad":"` + strings.Repeat("a", 9000) + `"}`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := w.connect(t, 9, "nl", realtime.Class{})
			if err := c.conn.WriteMessage(websocket.TextMessage, []byte(tt.msg)); err != nil {
				t.Fatal(err)
			}
			c.closedWith(tt.reason)
			if tt.reason == "" && c.closeCode.Load() != websocket.CloseMessageTooBig {
				t.Fatalf("closed with code %d, want %d (message too big)", c.closeCode.Load(), websocket.CloseMessageTooBig)
			}
		})
	}
	// The hub serves on after all that.
	w.queue.Publish(context.Background(), realtime.Event{Topic: "plan:1", WorkspaceID: 7, Entity: "action", ID: 77, Version: 1})
	mo.expect("event 77 ")
}
