package service

import (
	"time"

	"schakel/app/model"
)

// AgendaTimes is an agenda laid out on the clock: when each item starts,
// the running total, when the agenda ends and whether it runs past the
// meeting's end.
type AgendaTimes struct {
	Starts   map[int64]string // item id → HH:MM
	Total    int              // minutes
	End      string           // HH:MM the agenda ends
	Planned  string           // HH:MM the meeting ends
	Overrun  int              // minutes the agenda runs past the meeting
	Current  *model.AgendaItem
	LeftSecs int // seconds left for the current item (negative: over time)
}

// LayOut computes the agenda's times from the meeting's start and the
// items' durations, and the time left for the current item at now.
func LayOut(m *model.Meeting, items []model.AgendaItem, now time.Time) AgendaTimes {
	t := AgendaTimes{Starts: make(map[int64]string, len(items))}
	start, ok := m.Start(amsterdam())
	if !ok {
		start = time.Date(2000, 1, 1, 0, 0, 0, 0, amsterdam())
	}
	at := start
	for i := range items {
		t.Starts[items[i].ID] = at.Format("15:04")
		at = at.Add(time.Duration(items[i].Duration) * time.Minute)
		t.Total += items[i].Duration
		if m.CurrentItemID != nil && *m.CurrentItemID == items[i].ID {
			t.Current = &items[i]
		}
	}
	t.End = at.Format("15:04")
	t.Planned = start.Add(time.Duration(m.Duration) * time.Minute).Format("15:04")
	if over := t.Total - m.Duration; over > 0 {
		t.Overrun = over
	}
	if t.Current != nil && m.CurrentSince != nil {
		t.LeftSecs = t.Current.Duration*60 - int(now.Sub(*m.CurrentSince).Seconds())
	}
	return t
}
