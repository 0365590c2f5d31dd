package main

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/fasthttp/websocket"
	"golang.org/x/sync/errgroup"
)

type viewer struct {
	conn *websocket.Conn
	done chan struct{}
}

func (v *viewer) close() {
	_ = v.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	_ = v.conn.Close()
	<-v.done
}

// marker finds the sequence number of an edit in a pushed fragment.
var marker = regexp.MustCompile(`Meting (\d+)`)

// connect opens the viewers, spread over the plans and sessions.
func connect(ctx context.Context, o options, fx *fixture, rec *recorder) ([]*viewer, error) {
	wsBase := "ws" + strings.TrimPrefix(o.url, "http")
	viewers := make([]*viewer, o.viewers)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	dialer := &websocket.Dialer{HandshakeTimeout: 30 * time.Second, ReadBufferSize: 4096, WriteBufferSize: 1024}
	for i := range viewers {
		g.Go(func() error {
			s := fx.sessions[i%len(fx.sessions)]
			p := &fx.plans[i%len(fx.plans)]
			h := http.Header{}
			h.Set("Cookie", s.cookieHeader())
			h.Set("Origin", o.url)
			url := fmt.Sprintf("%s/workspaces/%d/plans/%d/live", wsBase, fx.workspace, p.id)
			conn, resp, err := dialer.DialContext(gctx, url, h)
			if err != nil {
				if resp != nil {
					return fmt.Errorf("viewer %d: %w (status %d)", i, err, resp.StatusCode)
				}
				return fmt.Errorf("viewer %d: %w", i, err)
			}
			hello := fmt.Sprintf(`{"type":"hello","versions":{"%d":%d}}`, p.action, 1)
			if err := conn.WriteMessage(websocket.TextMessage, []byte(hello)); err != nil {
				return err
			}
			v := &viewer{conn: conn, done: make(chan struct{})}
			go v.read(rec)
			viewers[i] = v
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return viewers, nil
}

func (v *viewer) read(rec *recorder) {
	defer close(v.done)
	for {
		_, data, err := v.conn.ReadMessage()
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok && ce.Code != websocket.CloseNormalClosure {
				rec.dropped.Add(1)
			}
			return
		}
		now := time.Now()
		// An edit's title stands in several places of one message (the
		// field, the buttons named after it); it is one delivery.
		seen := map[int64]bool{}
		for _, m := range marker.FindAllSubmatch(data, -1) {
			if seq, err := strconv.ParseInt(string(m[1]), 10, 64); err == nil && seq > 0 && !seen[seq] {
				seen[seq] = true
				rec.receive(seq, now)
			}
		}
	}
}
