package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// edit changes action titles at o.rate per second for o.duration, round
// robin over the plans, one edit at a time per plan so that each names the
// version it started from. It returns how many edits succeeded and failed.
func edit(ctx context.Context, o options, fx *fixture, rec *recorder) (done, failed int64) {
	var ok, bad, seq atomic.Int64
	var wg sync.WaitGroup
	interval := time.Second / time.Duration(o.rate)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	end := time.After(o.duration)
	n := 0
	for {
		select {
		case <-ctx.Done():
			wg.Wait()
			return ok.Load(), bad.Load()
		case <-end:
			wg.Wait()
			return ok.Load(), bad.Load()
		case <-ticker.C:
			p := &fx.plans[n%len(fx.plans)]
			n++
			wg.Add(1)
			go func() {
				defer wg.Done()
				if !p.mu.TryLock() {
					bad.Add(1) // the previous edit of this plan is still under way
					return
				}
				defer p.mu.Unlock()
				s := seq.Add(1)
				path := "/workspaces/" + strconv.FormatInt(fx.workspace, 10) + "/actions/" + strconv.FormatInt(p.action, 10) + "/fields/title"
				form := url.Values{"value": {"Meting " + strconv.FormatInt(s, 10)}, "version": {strconv.Itoa(p.version)}}
				rec.send(s, time.Now())
				pg, err := fx.editor.do(ctx, http.MethodPost, path, form, true)
				if err != nil || pg.status != http.StatusOK {
					bad.Add(1)
					if err == nil {
						err = fmt.Errorf("status %d", pg.status)
					}
					fmt.Fprintln(os.Stderr, "edit failed:", err)
					return
				}
				p.version++
				ok.Add(1)
			}()
		}
	}
}
