package testkit

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/fasthttp/websocket"
)

// Live is a real websocket client on a live-update endpoint, as a browser
// page holds one.
type Live struct {
	t    testing.TB
	Conn *websocket.Conn
	msgs chan string
	done chan struct{}
	// CloseText is the reason the server gave when it closed, if it did.
	CloseText atomic.Value
	CloseCode atomic.Int64
}

// DialLive opens the websocket at path with the client's session cookie and
// the server's own Origin. It returns the HTTP status of a refused handshake.
func (c *Client) DialLive(path string) (*Live, int) {
	c.t.Helper()
	return c.DialLiveFrom(path, c.env.URL)
}

// DialLiveFrom is DialLive with another Origin header.
func (c *Client) DialLiveFrom(path, origin string) (*Live, int) {
	c.t.Helper()
	h := http.Header{}
	u := c.env.URL
	var cookies []string
	for _, ck := range c.HTTP.Jar.Cookies(mustURL(u)) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	h.Set("Cookie", strings.Join(cookies, "; "))
	h.Set("Origin", origin)
	conn, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(u, "http")+path, h)
	if err != nil {
		if resp != nil {
			return nil, resp.StatusCode
		}
		c.t.Fatalf("dial %s: %v", path, err)
	}
	l := &Live{t: c.t, Conn: conn, msgs: make(chan string, 256), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for {
			_, data, err := conn.ReadMessage()
			if err != nil {
				if ce, ok := err.(*websocket.CloseError); ok {
					l.CloseText.Store(ce.Text)
					l.CloseCode.Store(int64(ce.Code))
				}
				return
			}
			l.msgs <- string(data)
		}
	}()
	c.t.Cleanup(func() { conn.Close() })
	return l, http.StatusSwitchingProtocols
}

// Send writes one text message.
func (l *Live) Send(msg string) {
	l.t.Helper()
	if err := l.Conn.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
		l.t.Fatal(err)
	}
}

// Await waits up to a few seconds for a message in which selector finds an
// element whose text contains text, and returns that message's document.
func (l *Live) Await(selector, text string) *goquery.Document {
	l.t.Helper()
	return l.AwaitDoc(selector+" containing "+strconv.Quote(text), func(doc *goquery.Document) bool {
		found := false
		doc.Find(selector).Each(func(_ int, s *goquery.Selection) {
			found = found || strings.Contains(s.Text(), text)
		})
		return found
	})
}

// AwaitDoc waits up to a few seconds for a message whose document passes
// ok, and returns that document; what names the wait in a failure.
func (l *Live) AwaitDoc(what string, ok func(*goquery.Document) bool) *goquery.Document {
	l.t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case m := <-l.msgs:
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(m))
			if err == nil && ok(doc) {
				return doc
			}
		case <-l.done:
			l.t.Fatalf("connection closed (%v) before a message with %s arrived", l.CloseText.Load(), what)
		case <-deadline:
			l.t.Fatalf("no message with %s", what)
		}
	}
}

// Quiet checks that no message containing text arrives for a moment.
func (l *Live) Quiet(text string) {
	l.t.Helper()
	deadline := time.After(500 * time.Millisecond)
	for {
		select {
		case m := <-l.msgs:
			if strings.Contains(m, text) {
				l.t.Fatalf("unexpected message with %q: %.200s", text, m)
			}
		case <-deadline:
			return
		case <-l.done:
			return
		}
	}
}

// Closed waits for the server to close the connection and returns its reason.
func (l *Live) Closed() string {
	l.t.Helper()
	select {
	case <-l.done:
	case <-time.After(5 * time.Second):
		l.t.Fatal("connection not closed")
	}
	s, _ := l.CloseText.Load().(string)
	return s
}
