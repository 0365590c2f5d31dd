package service

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
	"schakel/views/mails"
)

// DefaultInvitationLifetime is how long an invitation's link works unless
// configured otherwise.
const DefaultInvitationLifetime = 7 * 24 * time.Hour

// InvitationInput is what an inviter fills in: the address, optionally
// the name and the organisation (a new account gets it; without one the
// invitee chooses), the role in the workspace (not for a meeting's guest)
// and the language the invitee is written to in.
type InvitationInput struct {
	Email        string
	Name         string
	Role         model.Role
	Organisation string
	Language     string
}

// Invitations lists the workspace's open invitations, expired ones too,
// for whoever manages its members.
func (s *Service) Invitations(ctx context.Context, actor *model.User, workspaceID int64) ([]model.Invitation, error) {
	if err := s.canManage(actor, workspaceID); err != nil {
		return nil, err
	}
	return store.OpenInvitations(ctx, s.DB, workspaceID)
}

// Invite invites someone by e-mail into the workspace in a role. The
// invitation and its e-mail are written in one transaction.
func (s *Service) Invite(ctx context.Context, actor *model.User, workspaceID int64, in InvitationInput) (*model.Invitation, error) {
	return s.inviteByEmail(ctx, actor, workspaceID, nil, in)
}

// InviteToMeeting invites someone by e-mail to one meeting as a guest:
// accepting lets them read that meeting and nothing else of the workspace.
func (s *Service) InviteToMeeting(ctx context.Context, actor *model.User, workspaceID, meetingID int64, in InvitationInput) (*model.Invitation, error) {
	in.Role = model.RoleGuest
	return s.inviteByEmail(ctx, actor, workspaceID, &meetingID, in)
}

func (s *Service) inviteByEmail(ctx context.Context, actor *model.User, workspaceID int64, meetingID *int64, in InvitationInput) (*model.Invitation, error) {
	if err := s.canManage(actor, workspaceID); err != nil {
		return nil, err
	}
	var v apperr.Validation
	now := time.Now().UTC()
	inv := &model.Invitation{
		WorkspaceID: workspaceID, MeetingID: meetingID, InvitedBy: &actor.ID,
		Email:  email(&v, "email", in.Email),
		Name:   text(&v, "name", in.Name, false, MaxName),
		Role:   in.Role,
		Locale: language(&v, "language", in.Language),
	}
	if meetingID == nil && !inv.Role.Valid() {
		v.Add("role", "validation.choice")
	}
	orgID, err := optionalID(in.Organisation)
	if err != nil {
		v.Add("organisation", "validation.choice")
	}
	inv.OrganisationID = orgID
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		w, err := store.Workspace(ctx, tx, workspaceID)
		if err != nil {
			return err
		}
		var m *model.Meeting
		if meetingID != nil {
			if m, err = store.MeetingForUpdate(ctx, tx, workspaceID, *meetingID); err != nil {
				return err
			}
		}
		if err := knownOrganisation(ctx, tx, &v, "organisation", orgID); err != nil {
			return err
		}
		if err := s.checkInvitee(ctx, tx, &v, inv, now); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		token, err := s.newInvitationToken(inv, now)
		if err != nil {
			return err
		}
		if err := store.CreateInvitation(ctx, tx, inv); err != nil {
			return err
		}
		if err := s.sendInvitation(ctx, tx, inv, actor, w, m, token); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, workspaceID, model.AuditInvitationSent, "invitation", inv.ID, invitationDetail(inv))
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	return inv, nil
}

// checkInvitee refuses an invitation that could not be accepted or would
// be a second one: for an account with a platform role or a blocked
// account, for a member (of the workspace; a meeting's guest only if they
// are on its list already), and when an invitation that still works went
// to the same address for the same workspace or meeting.
func (s *Service) checkInvitee(ctx context.Context, tx bun.IDB, v *apperr.Validation, inv *model.Invitation, now time.Time) error {
	if inv.Email == "" {
		return nil
	}
	u, err := store.UserByEmail(ctx, tx, inv.Email)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	case u.PlatformRole != model.PlatformNone && inv.MeetingID != nil:
		v.Add("email", "meetings.error.platform_account")
	case u.PlatformRole != model.PlatformNone:
		v.Add("email", "members.error.platform_account")
	case u.Disabled():
		v.Add("email", "invitations.error.disabled_account")
	default:
		mb, err := store.MembershipOf(ctx, tx, inv.WorkspaceID, u.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		member := err == nil && mb.Role != model.RoleGuest
		switch {
		case inv.MeetingID == nil && member:
			v.Add("email", "members.error.already_member")
		case inv.MeetingID != nil && member:
			v.Add("email", "invitations.error.member_of_meeting_workspace")
		case inv.MeetingID != nil:
			if _, err := store.AttendeeOf(ctx, tx, *inv.MeetingID, u.ID); err == nil {
				v.Add("email", "meetings.error.invited")
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
	}
	pending, err := store.PendingInvitationExists(ctx, tx, inv.WorkspaceID, inv.MeetingID, inv.Email, now)
	if err != nil {
		return err
	}
	if pending {
		v.Add("email", "invitations.error.pending")
	}
	return nil
}

// ResendInvitation sends an open invitation again with a new link that
// works for the whole lifetime again; the link sent before stops working.
func (s *Service) ResendInvitation(ctx context.Context, actor *model.User, workspaceID, id int64) (*model.Invitation, error) {
	if err := s.canManage(actor, workspaceID); err != nil {
		return nil, err
	}
	var inv *model.Invitation
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if inv, err = store.Invitation(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if st := inv.State(time.Now()); st == model.InvitationAccepted || st == model.InvitationRevoked {
			return apperr.New(http.StatusConflict, "invitations.error.closed")
		}
		if inv.Meeting != nil && inv.Meeting.DeletedAt != nil {
			return apperr.New(http.StatusConflict, "invitations.error.meeting_gone")
		}
		previous := inv.TokenHash
		inv.PreviousTokenHash = &previous
		inv.Sends++
		token, err := s.newInvitationToken(inv, time.Now().UTC())
		if err != nil {
			return err
		}
		if err := store.RenewInvitation(ctx, tx, inv); err != nil {
			return err
		}
		if err := s.sendInvitation(ctx, tx, inv, actor, inv.Workspace, inv.Meeting, token); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, workspaceID, model.AuditInvitationResent, "invitation", inv.ID, invitationDetail(inv))
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	return inv, nil
}

// RevokeInvitation ends an open invitation: its link stops working.
func (s *Service) RevokeInvitation(ctx context.Context, actor *model.User, workspaceID, id int64) (*model.Invitation, error) {
	if err := s.canManage(actor, workspaceID); err != nil {
		return nil, err
	}
	var inv *model.Invitation
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if inv, err = store.Invitation(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		now := time.Now().UTC()
		if err := store.RevokeInvitation(ctx, tx, workspaceID, id, actor.ID, now); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return apperr.New(http.StatusConflict, "invitations.error.closed")
			}
			return err
		}
		inv.RevokedAt, inv.RevokedBy = &now, &actor.ID
		return s.audit(ctx, tx, actor, workspaceID, model.AuditInvitationRevoked, "invitation", inv.ID, invitationDetail(inv))
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	return inv, nil
}

// newInvitationToken makes a fresh link token for inv: inv keeps its keyed
// hash and the new expiry; the token itself goes into the e-mail only.
func (s *Service) newInvitationToken(inv *model.Invitation, now time.Time) (string, error) {
	if len(s.Secret) == 0 {
		return "", errors.New("service: no secret key for invitation links")
	}
	token, err := newToken()
	if err != nil {
		return "", err
	}
	inv.TokenHash = s.invitationHash(token)
	if inv.CreatedAt.IsZero() {
		inv.CreatedAt, inv.Sends = now, 1
	}
	inv.SentAt, inv.ExpiresAt = now, now.Add(s.InvitationLifetime)
	return token, nil
}

// invitationHash is what is stored of a link's token: its keyed hash, under
// a key of its own so that it is never taken for another kind of hash.
func (s *Service) invitationHash(token string) string {
	return password.KeyedHash(s.key("invitation"), token)
}

// validInvitationToken reports whether s has the form of a token, so that
// anything else is refused before the database is asked.
func validInvitationToken(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == 32
}

// InvitationPath is the path of an invitation's link.
func InvitationPath(token string) string { return "/invitations/" + token }

// sendInvitation writes the invitation's e-mail to the outbox in tx, in
// the invitee's language.
func (s *Service) sendInvitation(ctx context.Context, tx bun.IDB, inv *model.Invitation, by *model.User, w *model.Workspace, m *model.Meeting, token string) error {
	d := mails.Invitation{
		Name: inv.Name, Inviter: by.Name, Workspace: w.Name, Role: inv.Role, Meeting: m,
		Link: s.BaseURL + InvitationPath(token), Expires: inv.ExpiresAt,
	}
	if by.Organisation != nil {
		d.InviterOrganisation = by.Organisation.Name
	}
	return s.enqueue(ctx, tx, inv.Locale, "invitation", func(ctx context.Context) (*mail.Message, error) {
		return mail.Compose(ctx, "invitation", inv.Email, mails.InvitationSubject(ctx, d), mails.InvitationHTML(d), mails.InvitationText(d))
	})
}

// enqueue composes a message in the language lang and writes it to the
// outbox in tx.
func (s *Service) enqueue(ctx context.Context, tx bun.IDB, lang, kind string, compose func(ctx context.Context) (*mail.Message, error)) error {
	if s.Messages == nil {
		return fmt.Errorf("service: no messages to write the %s e-mail with", kind)
	}
	msg, err := compose(i18n.NewContext(ctx, s.Messages.Translator(lang)))
	if err != nil {
		return fmt.Errorf("compose %s e-mail: %w", kind, err)
	}
	return s.Mail.Enqueue(ctx, tx, msg)
}

// invitationDetail is what the audit log keeps of an invitation: the
// address, the role and the meeting, never the token.
func invitationDetail(inv *model.Invitation) string {
	d := "to=" + inv.Email + " role=" + string(inv.Role)
	if inv.MeetingID != nil {
		d += fmt.Sprintf(" meeting=%d", *inv.MeetingID)
	}
	return d
}

// language validates the language an e-mail is written in; "" is Dutch.
func language(v *apperr.Validation, field, lang string) string {
	if lang == "" {
		return i18n.Default
	}
	if !i18n.Supported(lang) {
		v.Add(field, "validation.choice")
	}
	return lang
}

// knownOrganisation records a field error when id names no organisation.
func knownOrganisation(ctx context.Context, db bun.IDB, v *apperr.Validation, field string, id *int64) error {
	if id == nil {
		return nil
	}
	_, err := store.Organisation(ctx, db, *id)
	if errors.Is(err, store.ErrNotFound) {
		v.Add(field, "validation.choice")
		return nil
	}
	return err
}
