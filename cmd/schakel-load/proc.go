package main

import (
	"context"
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
// (at most a minute) and returns it.
func settledRSS(ctx context.Context, pid int) int64 {
	if pid <= 0 {
		return 0
	}
	last := rss(pid)
	for i := 0; i < 60; i++ {
		select {
		case <-ctx.Done():
			return last
		case <-time.After(time.Second):
		}
		now := rss(pid)
		if now >= last-(256<<10) {
			return now
		}
		last = now
	}
	return last
}
