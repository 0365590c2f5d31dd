// Command schakel-load puts a running Schakel under live-update load and
// measures it as users would feel it: it signs in real accounts, opens
// websocket viewers on action plans, edits actions through the HTTP API at a
// fixed rate, and times every edit until each viewer of that plan has
// received it.
//
//	schakel-load -url http://127.0.0.1:8080 -viewers 2000 -plans 100 -rate 100 -duration 60s -server-pid $(pgrep -f 'schakel serve')
//
// With -board N it only makes one plan with N actions and prints its
// address and its coordinator's Cookie header, for the plan page benchmark
// (docs/benchmarks.md).
//
// It prepares its own workspace, accounts, plans and actions through the
// administrator account (the demo administrator by default). It only talks
// to the address given, which must be a Schakel of one's own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type options struct {
	url, admin, password string
	viewers, plans, rate int
	accounts             int
	duration, settle     time.Duration
	serverPID            int
	debugURL             string
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "http://127.0.0.1:8080", "base URL of a running Schakel")
	flag.StringVar(&o.admin, "admin", "beheer@schakel.example", "administrator account that prepares the test data")
	flag.StringVar(&o.password, "password", "schakel-demo-2026", "password of the administrator (and given to the test accounts)")
	flag.IntVar(&o.viewers, "viewers", 200, "websocket viewers (N)")
	flag.IntVar(&o.plans, "plans", 10, "plans the viewers are spread over (M)")
	flag.IntVar(&o.rate, "rate", 20, "edits per second over all plans (E)")
	flag.IntVar(&o.accounts, "accounts", 20, "accounts that sign in; viewers share their sessions")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to edit")
	flag.DurationVar(&o.settle, "settle", 5*time.Second, "pause after connecting, before measuring idle memory")
	flag.IntVar(&o.serverPID, "server-pid", 0, "process id of the server, to report its CPU and memory (same machine only)")
	board := flag.Int("board", 0, "only make one plan with this many actions, print its URL and its coordinator's Cookie header, and stop (for the plan page benchmark)")
	flag.StringVar(&o.debugURL, "debug-url", "", "the server's profiler (its --debug-addr, such as http://127.0.0.1:6060): a collection is forced before each memory reading, so that garbage does not count")
	flag.Parse()
	if !loopback(o.url) || (o.debugURL != "" && !loopback(o.debugURL)) {
		fmt.Fprintln(os.Stderr, "schakel-load: only a Schakel on this machine (loopback) may be loaded")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *board > 0 {
		if err := makeBoard(ctx, o, *board); err != nil {
			fmt.Fprintln(os.Stderr, "schakel-load:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "schakel-load:", err)
		os.Exit(1)
	}
}

// loopback reports whether u names this machine.
func loopback(u string) bool {
	return strings.HasPrefix(u, "http://127.") || strings.HasPrefix(u, "http://localhost") || strings.HasPrefix(u, "http://[::1]")
}

func run(ctx context.Context, o options) error {
	if o.viewers < 1 || o.plans < 1 || o.rate < 1 || o.accounts < 1 {
		return errors.New("viewers, plans, rate and accounts must be at least 1")
	}
	if o.accounts > o.viewers {
		o.accounts = o.viewers
	}
	start := time.Now()
	fx, err := prepare(ctx, o)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	fmt.Printf("prepared workspace %d with %d plans and %d accounts in %s\n", fx.workspace, len(fx.plans), len(fx.sessions), time.Since(start).Round(time.Millisecond))

	// Signing in costs memory (argon2id) that the server gives back slowly;
	// the baseline is taken once that has settled.
	rssBefore := settledRSS(ctx, o.serverPID, o.debugURL)
	rec := newRecorder()
	viewers, err := connect(ctx, o, fx, rec)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		for _, v := range viewers {
			v.close()
		}
	}()
	fmt.Printf("%d viewers connected; settling for %s\n", len(viewers), o.settle)
	time.Sleep(o.settle)
	rssIdle := settledRSS(ctx, o.serverPID, o.debugURL)

	cpuBefore := cpuTime(o.serverPID)
	editStart := time.Now()
	edits, failed := edit(ctx, o, fx, rec)
	editWall := time.Since(editStart)
	time.Sleep(2 * time.Second) // let the last deliveries arrive
	cpuUsed := cpuTime(o.serverPID) - cpuBefore
	rssLoaded := rss(o.serverPID)

	report(o, fx, rec, reportInput{
		edits: edits, failed: failed, wall: editWall, cpu: cpuUsed,
		rssBefore: rssBefore, rssIdle: rssIdle, rssLoaded: rssLoaded, viewers: len(viewers),
	})
	return nil
}

// recorder keeps when each edit was sent and how long each delivery took.
type recorder struct {
	mu         sync.Mutex
	sent       map[int64]time.Time
	latencies  []time.Duration
	deliveries atomic.Int64
	dropped    atomic.Int64
}

func newRecorder() *recorder { return &recorder{sent: map[int64]time.Time{}} }

func (r *recorder) send(seq int64, at time.Time) {
	r.mu.Lock()
	r.sent[seq] = at
	r.mu.Unlock()
}

func (r *recorder) receive(seq int64, at time.Time) {
	r.mu.Lock()
	sent, ok := r.sent[seq]
	if ok {
		r.latencies = append(r.latencies, at.Sub(sent))
	}
	r.mu.Unlock()
	if ok {
		r.deliveries.Add(1)
	}
}

type reportInput struct {
	edits, failed                 int64
	wall                          time.Duration
	cpu                           time.Duration
	rssBefore, rssIdle, rssLoaded int64
	viewers                       int
}

func report(o options, fx *fixture, rec *recorder, in reportInput) {
	rec.mu.Lock()
	lat := append([]time.Duration(nil), rec.latencies...)
	rec.mu.Unlock()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		i := int(float64(len(lat)-1) * p)
		return lat[i]
	}
	perPlan := float64(in.viewers) / float64(len(fx.plans))
	expected := float64(in.edits) * perPlan
	fmt.Println()
	fmt.Println("| measure | value |")
	fmt.Println("|---|---|")
	fmt.Printf("| viewers (N) / plans (M) / target edits per second (E) | %d / %d / %d |\n", in.viewers, len(fx.plans), o.rate)
	fmt.Printf("| edits made (failed) in %s | %d (%d), %.1f per second |\n", in.wall.Round(time.Millisecond), in.edits, in.failed, float64(in.edits)/in.wall.Seconds())
	fmt.Printf("| deliveries received / expected | %d / %.0f (%.2f%%) |\n", len(lat), expected, 100*float64(len(lat))/max(expected, 1))
	fmt.Printf("| deliveries per second | %.0f |\n", float64(len(lat))/in.wall.Seconds())
	fmt.Printf("| edit → receive latency p50 / p90 / p99 / max | %s / %s / %s / %s |\n",
		pct(0.50).Round(10*time.Microsecond), pct(0.90).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), pct(1).Round(10*time.Microsecond))
	fmt.Printf("| viewers disconnected by the server | %d |\n", rec.dropped.Load())
	if o.serverPID > 0 {
		fmt.Printf("| server CPU while editing | %.0f%% of one core |\n", 100*in.cpu.Seconds()/in.wall.Seconds())
		fmt.Printf("| server RSS before / idle with viewers / after editing | %.1f / %.1f / %.1f MiB |\n",
			mib(in.rssBefore), mib(in.rssIdle), mib(in.rssLoaded))
		fmt.Printf("| memory per idle connection (RSS delta / N) | %.1f KiB |\n", float64(in.rssIdle-in.rssBefore)/1024/float64(max(in.viewers, 1)))
	}
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }
