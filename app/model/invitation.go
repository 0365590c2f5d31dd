package model

import (
	"time"

	"github.com/uptrace/bun"
)

// InvitationState is where an invitation stands.
type InvitationState string

// Invitation states. Only a pending invitation can be accepted.
const (
	InvitationPending  InvitationState = "pending"
	InvitationAccepted InvitationState = "accepted"
	InvitationRevoked  InvitationState = "revoked"
	InvitationExpired  InvitationState = "expired"
)

// Invitation asks someone by e-mail to join a workspace in a role, or to
// attend one meeting of it as a guest. Its link holds a secret token, of
// which only a keyed hash is kept; the link works once and until
// ExpiresAt. Sending it again makes a new token and the old link stops
// working.
type Invitation struct {
	bun.BaseModel `bun:"table:invitations"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Workspace   *Workspace `bun:"rel:belongs-to,join:workspace_id=id"`
	// MeetingID names the meeting of a guest's invitation; nil for an
	// invitation to the workspace.
	MeetingID *int64   `bun:"meeting_id"`
	Meeting   *Meeting `bun:"rel:belongs-to,join:meeting_id=id"`
	// Email is the normalised address the invitation was sent to; Name is
	// the invitee's name as the inviter knew it ("" when not given).
	Email string `bun:"email,notnull"`
	Name  string `bun:"name,notnull"`
	// Role is the workspace role accepting gives: RoleGuest for a meeting.
	Role Role `bun:"role,notnull"`
	// OrganisationID is the organisation a new account gets, if the
	// inviter chose one; otherwise the invitee chooses.
	OrganisationID *int64        `bun:"organisation_id"`
	Organisation   *Organisation `bun:"rel:belongs-to,join:organisation_id=id"`
	// Locale is the language the invitee is written to in.
	Locale string `bun:"locale,notnull"`
	// TokenHash is the keyed hash of the link's token; PreviousTokenHash
	// that of the link sent before it, kept only to say that a newer
	// invitation went out.
	TokenHash         string  `bun:"token_hash,notnull,unique"`
	PreviousTokenHash *string `bun:"previous_token_hash"`
	InvitedBy         *int64  `bun:"invited_by"`
	Inviter           *User   `bun:"rel:belongs-to,join:invited_by=id"`
	// Sends counts how often the invitation was sent; SentAt is the last.
	Sends      int        `bun:"sends,notnull"`
	CreatedAt  time.Time  `bun:"created_at,notnull"`
	SentAt     time.Time  `bun:"sent_at,notnull"`
	ExpiresAt  time.Time  `bun:"expires_at,notnull"`
	AcceptedAt *time.Time `bun:"accepted_at"`
	AcceptedBy *int64     `bun:"accepted_by"`
	RevokedAt  *time.Time `bun:"revoked_at"`
	RevokedBy  *int64     `bun:"revoked_by"`
}

// State says where the invitation stands at now.
func (i *Invitation) State(now time.Time) InvitationState {
	switch {
	case i.AcceptedAt != nil:
		return InvitationAccepted
	case i.RevokedAt != nil:
		return InvitationRevoked
	case !now.Before(i.ExpiresAt):
		return InvitationExpired
	}
	return InvitationPending
}

// ForMeeting reports whether the invitation is a guest's, to one meeting.
func (i *Invitation) ForMeeting() bool { return i.MeetingID != nil }

// Audit events of onboarding. Their detail names the address and the
// role, never a token.
const (
	AuditInvitationSent     = "invitation_sent"
	AuditInvitationResent   = "invitation_resent"
	AuditInvitationRevoked  = "invitation_revoked"
	AuditInvitationAccepted = "invitation_accepted"
	AuditWorkspaceCreated   = "workspace_created"
)
