package model

import (
	"time"

	"github.com/uptrace/bun"
)

// MeetingKind is the sort of meeting.
type MeetingKind string

// Meeting kinds.
const (
	MeetingTraining     MeetingKind = "training"
	MeetingCaseConf     MeetingKind = "casusoverleg"
	MeetingNetwork      MeetingKind = "netwerkoverleg"
	MeetingWorkingGroup MeetingKind = "werkgroep"
	MeetingSteering     MeetingKind = "stuurgroep"
)

// MeetingKinds lists the kinds in the order they are offered.
var MeetingKinds = []MeetingKind{MeetingTraining, MeetingCaseConf, MeetingNetwork, MeetingWorkingGroup, MeetingSteering}

// Valid reports whether k is one of MeetingKinds.
func (k MeetingKind) Valid() bool {
	for _, x := range MeetingKinds {
		if x == k {
			return true
		}
	}
	return false
}

// MeetingState is where a meeting stands.
type MeetingState string

// Meeting states, in the order a meeting passes them.
const (
	MeetingDraft    MeetingState = "concept"
	MeetingPlanned  MeetingState = "gepland"
	MeetingRunning  MeetingState = "bezig"
	MeetingFinished MeetingState = "afgerond"
)

// MeetingStates lists the states in order.
var MeetingStates = []MeetingState{MeetingDraft, MeetingPlanned, MeetingRunning, MeetingFinished}

// Valid reports whether s is one of MeetingStates.
func (s MeetingState) Valid() bool {
	for _, x := range MeetingStates {
		if x == s {
			return true
		}
	}
	return false
}

// Meeting is a meeting of a workspace with its agenda.
type Meeting struct {
	bun.BaseModel `bun:"table:meetings"`

	ID          int64        `bun:"id,pk,autoincrement"`
	WorkspaceID int64        `bun:"workspace_id,notnull"`
	Title       string       `bun:"title,notnull"`
	Kind        MeetingKind  `bun:"kind,notnull"`
	Date        string       `bun:"date,notnull"`       // YYYY-MM-DD
	StartTime   string       `bun:"start_time,notnull"` // HH:MM
	Duration    int          `bun:"duration,notnull"`   // minutes
	Location    string       `bun:"location,notnull"`
	OnlineURL   string       `bun:"online_url,notnull"`
	State       MeetingState `bun:"state,notnull"`
	// PlanID is the plan that the meeting's agreed actions go into.
	PlanID *int64 `bun:"plan_id"`
	// CurrentItemID is the agenda item under discussion, set by the chair.
	CurrentItemID *int64     `bun:"current_item_id"`
	CurrentSince  *time.Time `bun:"current_since"`
	Version       int        `bun:"version,notnull"`
	CreatedBy     int64      `bun:"created_by,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
	UpdatedAt     time.Time  `bun:"updated_at,notnull"`
	DeletedAt     *time.Time `bun:"deleted_at"`
}

// Start returns when the meeting starts, in the given location.
func (m *Meeting) Start(loc *time.Location) (time.Time, bool) {
	t, err := time.ParseInLocation("2006-01-02 15:04", m.Date+" "+m.StartTime, loc)
	return t, err == nil
}

// ItemKind is the sort of agenda item.
type ItemKind string

// Agenda item kinds. Case items hold case material.
const (
	ItemInformation ItemKind = "informatie"
	ItemDiscussion  ItemKind = "bespreking"
	ItemDecision    ItemKind = "besluit"
	ItemCase        ItemKind = "casus"
)

// ItemKinds lists the kinds in the order they are offered.
var ItemKinds = []ItemKind{ItemInformation, ItemDiscussion, ItemDecision, ItemCase}

// Valid reports whether k is one of ItemKinds.
func (k ItemKind) Valid() bool {
	for _, x := range ItemKinds {
		if x == k {
			return true
		}
	}
	return false
}

// AgendaItem is one item of a meeting's agenda, with its minutes. Case
// material lives in CaseNotes only, which is purged after the retention
// period and shown only to attendees who may see case material.
type AgendaItem struct {
	bun.BaseModel `bun:"table:agenda_items"`

	ID          int64    `bun:"id,pk,autoincrement"`
	WorkspaceID int64    `bun:"workspace_id,notnull"`
	MeetingID   int64    `bun:"meeting_id,notnull"`
	Title       string   `bun:"title,notnull"`
	Kind        ItemKind `bun:"kind,notnull"`
	Duration    int      `bun:"duration,notnull"` // minutes
	// The presenter is a member or a guest attendee, or nobody.
	PresenterUserID     *int64     `bun:"presenter_user_id"`
	PresenterAttendeeID *int64     `bun:"presenter_attendee_id"`
	Notes               string     `bun:"notes,notnull"`
	CaseNotes           string     `bun:"case_notes,notnull"`
	CasePurgedAt        *time.Time `bun:"case_purged_at"`
	Position            float64    `bun:"position,notnull"`
	Version             int        `bun:"version,notnull"`
	CreatedBy           int64      `bun:"created_by,notnull"`
	CreatedAt           time.Time  `bun:"created_at,notnull"`
	UpdatedAt           time.Time  `bun:"updated_at,notnull"`
	DeletedAt           *time.Time `bun:"deleted_at"`
}

// RSVP is an attendee's answer to the invitation.
type RSVP string

// Answers; empty means no answer yet.
const (
	RSVPNone     RSVP = ""
	RSVPComing   RSVP = "komt"
	RSVPDeclined RSVP = "afgemeld"
)

// Presence at the meeting, taken during it; empty means not taken yet.
type Presence string

// Presence values.
const (
	PresenceUnknown Presence = ""
	PresenceHere    Presence = "aanwezig"
	PresenceAbsent  Presence = "afwezig"
)

// Attendee is a member or a guest invited to a meeting. A guest has a name
// and an organisation but no account.
type Attendee struct {
	bun.BaseModel `bun:"table:attendees"`

	ID                int64     `bun:"id,pk,autoincrement"`
	WorkspaceID       int64     `bun:"workspace_id,notnull"`
	MeetingID         int64     `bun:"meeting_id,notnull"`
	UserID            *int64    `bun:"user_id"`
	User              *User     `bun:"rel:belongs-to,join:user_id=id"`
	GuestName         string    `bun:"guest_name,notnull"`
	GuestOrganisation string    `bun:"guest_organisation,notnull"`
	RSVP              RSVP      `bun:"rsvp,notnull"`
	Presence          Presence  `bun:"presence,notnull"`
	CreatedAt         time.Time `bun:"created_at,notnull"`
}

// DisplayName is the attendee's name as the meeting shows it.
func (a *Attendee) DisplayName() string {
	if a.User != nil {
		return a.User.Name
	}
	return a.GuestName
}

// OutcomeKind is the sort of result an agenda item has.
type OutcomeKind string

// Outcome kinds: an action outcome creates an action in the plan.
const (
	OutcomeInformation OutcomeKind = "informatie"
	OutcomeDecision    OutcomeKind = "besluit"
	OutcomeAction      OutcomeKind = "actie"
)

// OutcomeKinds lists the kinds in the order they are offered.
var OutcomeKinds = []OutcomeKind{OutcomeInformation, OutcomeDecision, OutcomeAction}

// Valid reports whether k is one of OutcomeKinds.
func (k OutcomeKind) Valid() bool {
	return k == OutcomeInformation || k == OutcomeDecision || k == OutcomeAction
}

// Outcome is what an agenda item led to.
type Outcome struct {
	bun.BaseModel `bun:"table:outcomes"`

	ID          int64       `bun:"id,pk,autoincrement"`
	WorkspaceID int64       `bun:"workspace_id,notnull"`
	MeetingID   int64       `bun:"meeting_id,notnull"`
	ItemID      int64       `bun:"item_id,notnull"`
	Kind        OutcomeKind `bun:"kind,notnull"`
	Text        string      `bun:"text,notnull"`
	ActionID    *int64      `bun:"action_id"`
	Action      *Action     `bun:"rel:belongs-to,join:action_id=id"`
	CreatedBy   int64       `bun:"created_by,notnull"`
	CreatedAt   time.Time   `bun:"created_at,notnull"`
	DeletedAt   *time.Time  `bun:"deleted_at"`
}

// AgendaTemplate is a saved agenda to start meetings from.
type AgendaTemplate struct {
	bun.BaseModel `bun:"table:agenda_templates"`

	ID          int64          `bun:"id,pk,autoincrement"`
	WorkspaceID int64          `bun:"workspace_id,notnull"`
	Name        string         `bun:"name,notnull"`
	Kind        MeetingKind    `bun:"kind,notnull"`
	Items       []TemplateItem `bun:"items,type:text,notnull"`
	CreatedBy   int64          `bun:"created_by,notnull"`
	CreatedAt   time.Time      `bun:"created_at,notnull"`
}

// TemplateItem is one item of an agenda template.
type TemplateItem struct {
	Title    string   `json:"title"`
	Kind     ItemKind `json:"kind"`
	Duration int      `json:"duration"`
}

// AuditEntry is one line of the append-only audit log: who did what to
// which object, when. The database refuses to change or delete a line, and
// each line carries the hash of the line before it, so that a line changed
// or removed behind the database's back breaks the chain.
type AuditEntry struct {
	bun.BaseModel `bun:"table:audit_log"`

	ID          int64      `bun:"id,pk,autoincrement"`
	At          time.Time  `bun:"at,notnull"`
	UserID      *int64     `bun:"user_id"`
	User        *User      `bun:"rel:belongs-to,join:user_id=id"`
	WorkspaceID *int64     `bun:"workspace_id"`
	Workspace   *Workspace `bun:"rel:belongs-to,join:workspace_id=id"`
	Event       string     `bun:"event,notnull"`
	Object      string     `bun:"object,notnull"`
	ObjectID    int64      `bun:"object_id,notnull"`
	Detail      string     `bun:"detail,notnull"`
	// PrevHash is the Hash of the line before, "" for the first line.
	PrevHash string `bun:"prev_hash,notnull"`
	// Hash is the SHA-256 of this line's fields and PrevHash, in hex.
	Hash string `bun:"hash,notnull"`
}

// Audit events.
const (
	AuditCaseView    = "case_view"
	AuditCaseWrite   = "case_write"
	AuditCasePurge   = "case_purge"
	AuditCaseRefused = "case_refused"
)

// CalendarToken is a user's secret calendar feed address, stored hashed.
type CalendarToken struct {
	bun.BaseModel `bun:"table:calendar_tokens"`

	UserID    int64     `bun:"user_id,pk"`
	TokenHash string    `bun:"token_hash,notnull,unique"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}
