package mails

import (
	"context"
	"strings"
	"time"

	"github.com/a-h/templ"

	"schakel/app/i18n"
	"schakel/app/model"
)

// lang is the language code of ctx's translator.
func lang(ctx context.Context) string { return i18n.FromContext(ctx).Lang }

// moment writes a moment as "7 december 2026, 14:00", Dutch time.
func moment(ctx context.Context, at time.Time) string { return i18n.FromContext(ctx).Moment(at) }

// Invitation is what an invitation says: who asks whom into which
// workspace, in which role or to which meeting, and the link that works
// once until Expires.
type Invitation struct {
	// Name is the invitee's name as the inviter gave it, or "".
	Name string
	// Inviter names who invited, with their organisation if any.
	Inviter, InviterOrganisation string
	Workspace                    string
	Role                         model.Role
	// Meeting is the meeting of a guest's invitation, or nil.
	Meeting *model.Meeting
	Link    string
	Expires time.Time
}

// InvitationSubject is the subject line of an invitation.
func InvitationSubject(ctx context.Context, d Invitation) string {
	if d.Meeting != nil {
		return T(ctx, "mail.invitation.subject_meeting", "Meeting", d.Meeting.Title)
	}
	return T(ctx, "mail.invitation.subject", "Workspace", d.Workspace)
}

func greeting(ctx context.Context, name string) string {
	if name == "" {
		return T(ctx, "mail.greeting")
	}
	return T(ctx, "mail.greeting_name", "Name", name)
}

func inviter(d Invitation) string {
	if d.InviterOrganisation == "" {
		return d.Inviter
	}
	return d.Inviter + " (" + d.InviterOrganisation + ")"
}

// invitationIntro says who invites to what.
func invitationIntro(ctx context.Context, d Invitation) string {
	if d.Meeting != nil {
		tr := i18n.FromContext(ctx)
		return T(ctx, "mail.invitation.intro_meeting", "Inviter", inviter(d), "Meeting", d.Meeting.Title,
			"Date", tr.Date(d.Meeting.Date), "Time", d.Meeting.StartTime, "Workspace", d.Workspace)
	}
	return T(ctx, "mail.invitation.intro", "Inviter", inviter(d), "Workspace", d.Workspace,
		"Role", i18n.FromContext(ctx).Enum("role", d.Role))
}

// invitationScope says what accepting gives access to.
func invitationScope(ctx context.Context, d Invitation) string {
	switch {
	case d.Meeting != nil:
		return T(ctx, "mail.invitation.scope_meeting")
	case d.Role == model.RoleCoordinator:
		return T(ctx, "mail.invitation.scope_coordinator")
	}
	return T(ctx, "mail.invitation.scope")
}

// InvitationText is the plain-text part of an invitation.
func InvitationText(d Invitation) templ.Component {
	return paragraphs(func(ctx context.Context) []string {
		return []string{
			greeting(ctx, d.Name),
			invitationIntro(ctx, d),
			invitationScope(ctx, d),
			T(ctx, "mail.invitation.open") + ":\n" + d.Link,
			T(ctx, "mail.invitation.expires", "Expires", moment(ctx, d.Expires), "Inviter", d.Inviter),
			T(ctx, "mail.invitation.unexpected"),
			T(ctx, "mail.signature"),
		}
	})
}

// CoordinatorNotice tells someone with an account that they became the
// coordinator of a new workspace.
type CoordinatorNotice struct {
	Name string
	// By names the administrator who made the workspace.
	By        string
	Workspace string
	Link      string
}

// CoordinatorSubject is the subject line of a CoordinatorNotice.
func CoordinatorSubject(ctx context.Context, d CoordinatorNotice) string {
	return T(ctx, "mail.coordinator.subject", "Workspace", d.Workspace)
}

// CoordinatorText is the plain-text part of a CoordinatorNotice.
func CoordinatorText(d CoordinatorNotice) templ.Component {
	return paragraphs(func(ctx context.Context) []string {
		return []string{
			greeting(ctx, d.Name),
			T(ctx, "mail.coordinator.intro", "By", d.By, "Workspace", d.Workspace),
			T(ctx, "mail.invitation.scope_coordinator"),
			T(ctx, "mail.coordinator.open") + ":\n" + d.Link,
			T(ctx, "mail.signature"),
		}
	})
}

// paragraphs writes paragraphs as plain text, an empty line between them.
func paragraphs(f func(ctx context.Context) []string) templ.Component {
	return plainText(func(ctx context.Context) string {
		return strings.Join(f(ctx), "\n\n") + "\n"
	})
}
