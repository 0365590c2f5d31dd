package views

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// amsterdam is the time zone in which Schakel shows times.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Amsterdam returns the time zone in which Schakel shows times.
func Amsterdam() *time.Location { return amsterdam }

// FormatDate writes a YYYY-MM-DD date as "15 maart 2027" (or "15 March
// 2027"); anything else is shown as it is.
func FormatDate(ctx context.Context, s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return strconv.Itoa(d.Day()) + " " + T(ctx, "month."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year())
}

// FormatTime writes a moment as "28 november 2026, 16:56", Dutch time.
func FormatTime(ctx context.Context, at time.Time) string {
	at = at.In(amsterdam)
	return FormatDate(ctx, at.Format(time.DateOnly)) + ", " + at.Format("15:04")
}

// csvHas reports whether the comma-separated list holds n, as in the
// articles of an action.
func csvHas(list string, n any) bool {
	want := fmt.Sprint(n)
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == want {
			return true
		}
	}
	return false
}

// minutesLeft rounds seconds up to whole minutes, never below zero.
func minutesLeft(secs int) int {
	if secs <= 0 {
		return 0
	}
	return (secs + 59) / 60
}
