package views

import (
	"context"
	"fmt"
	"strings"
	"time"

	"schakel/app/i18n"
)

// Amsterdam returns the time zone in which Schakel shows times.
func Amsterdam() *time.Location { return i18n.Amsterdam() }

// FormatDate writes a YYYY-MM-DD date as "15 maart 2027" (or "15 March
// 2027"); anything else is shown as it is.
func FormatDate(ctx context.Context, s string) string { return i18n.FromContext(ctx).Date(s) }

// FormatTime writes a moment as "28 november 2026, 16:56", Dutch time.
func FormatTime(ctx context.Context, at time.Time) string { return i18n.FromContext(ctx).Moment(at) }

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
