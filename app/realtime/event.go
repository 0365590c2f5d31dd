// Package realtime carries committed changes to everyone looking at the
// same thing: a hub of topics with websocket subscribers, presence, and a
// PostgreSQL LISTEN/NOTIFY bridge between instances. Events name what
// changed (ids and versions, never content); subscribers receive freshly
// rendered fragments.
package realtime

import (
	"context"
	"strconv"
)

// Event says that an object changed, after the change committed.
type Event struct {
	// Topic is what subscribers follow, such as "plan:12".
	Topic       string `json:"t"`
	WorkspaceID int64  `json:"w"`
	// Entity is "action", "plan", "presence", "rules" or "session".
	Entity string `json:"e"`
	ID     int64  `json:"i"`
	// Version is the object's version after the change.
	Version int `json:"v"`
	// Kind is "created", "changed", "moved", "deleted" or "restored".
	Kind string `json:"k"`
	// Fields names the changed fields of a "changed" event.
	Fields []string `json:"f,omitempty"`

	// Presence events between instances name who (UserID) on which
	// instance (Origin) and connection (Conn); never names or content.
	UserID int64  `json:"u,omitempty"`
	Origin string `json:"o,omitempty"`
	Conn   uint64 `json:"c,omitempty"`
}

// Event kinds.
const (
	Created  = "created"
	Changed  = "changed"
	Moved    = "moved"
	Deleted  = "deleted"
	Restored = "restored"
)

// SessionTopic is the topic of "session" events: a session ended (ID, or
// every session of UserID when ID is 0), and its live connections close.
const SessionTopic = "session"

// SessionEnded is the event that ends the live connections of a session
// (id 0: of every session of the account) on every instance. It carries
// ids only.
func SessionEnded(userID, sessionID int64) Event {
	return Event{Topic: SessionTopic, Entity: "session", Kind: Deleted, UserID: userID, ID: sessionID}
}

// PlanTopic is the topic of one action plan.
func PlanTopic(planID int64) string { return "plan:" + strconv.FormatInt(planID, 10) }

// MeetingTopic is the topic of one meeting: its details, agenda, attendees
// and minutes.
func MeetingTopic(meetingID int64) string { return "meeting:" + strconv.FormatInt(meetingID, 10) }

// Publisher sends events on their way to subscribers. Publish is called
// after the change committed and must not block on slow subscribers.
type Publisher interface {
	Publish(ctx context.Context, ev Event)
}

// Discard is a Publisher that drops every event, for tools without
// subscribers.
type Discard struct{}

// Publish drops ev.
func (Discard) Publish(context.Context, Event) {}

// ActionTopic is the topic of one action's own page: what is said about
// the action (its comments).
func ActionTopic(actionID int64) string { return "action:" + strconv.FormatInt(actionID, 10) }
