package service

import (
	"strconv"

	"schakel/app/model"
)

// MeetingFilter narrows a workspace's meeting list; zero values show all.
// The programme overview's trainings link to the list narrowed to kind
// training, the year and Held: the same meetings it counts.
type MeetingFilter struct {
	Kind model.MeetingKind
	// Year shows the meetings dated in that year.
	Year int
	// Held shows the meetings dated on or before today.
	Held bool
}

// Active reports whether the filter hides anything.
func (f MeetingFilter) Active() bool { return f.Kind != "" || f.Year != 0 || f.Held }

// Matches reports whether meeting m passes the filter on day today
// (YYYY-MM-DD).
func (f MeetingFilter) Matches(m *model.Meeting, today string) bool {
	switch {
	case f.Kind != "" && m.Kind != f.Kind:
		return false
	case f.Year != 0 && (len(m.Date) < 4 || m.Date[:4] != strconv.Itoa(f.Year)):
		return false
	case f.Held && m.Date > today:
		return false
	}
	return true
}
