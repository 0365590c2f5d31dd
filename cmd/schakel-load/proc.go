package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// rss returns the resident memory of a process in bytes, or 0.
func rss(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// cpuTime returns the user and system CPU time a process has used.
func cpuTime(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	// Fields after the command name, which is in parentheses and may hold spaces.
	f := strings.Fields(s[strings.LastIndex(s, ")")+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const ticksPerSecond = 100 // USER_HZ on Linux
	return time.Duration(utime+stime) * time.Second / ticksPerSecond
}

// settledRSS waits until the resident memory of a process stops falling
// (at most a minute) and returns it. With the server's profiler address it
// first forces a collection: signing in leaves argon2id's memory as garbage
// that an idle server would otherwise hold until its next periodic
// collection (up to two minutes), and the runtime returns freed pages only
// after a collection has lowered its goal.
func settledRSS(ctx context.Context, pid int, debugURL string) int64 {
	if pid <= 0 {
		return 0
	}
	if debugURL != "" {
		forceGC(ctx, debugURL)
	}
	// Without a forced collection one quiet second is taken as settled (as
	// before); with one, the runtime returns pages in steps, so it takes
	// five quiet seconds in a row.
	need := 1
	if debugURL != "" {
		need = 5
	}
	last, quiet := rss(pid), 0
	for i := 0; i < 60; i++ {
		select {
		case <-ctx.Done():
			return last
		case <-time.After(time.Second):
		}
		if debugURL != "" {
			// Again: one collection does not always lower the runtime's
			// goal enough for it to return what signing in left.
			forceGC(ctx, debugURL)
		}
		now := rss(pid)
		if now >= last-(256<<10) {
			quiet++
		} else {
			quiet = 0
		}
		last = now
		if quiet >= need {
			return now
		}
	}
	return last
}

// forceGC has the server collect its garbage, through the heap profile's
// gc parameter of Go's profiler.
func forceGC(ctx context.Context, debugURL string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(debugURL, "/")+"/debug/pprof/heap?gc=1", nil)
	if err != nil {
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, "schakel-load: forcing a collection:", err)
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}
