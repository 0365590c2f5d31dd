package service

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// InvitationLink is an invitation as its link finds it: where it stands,
// and whether its address has an account (then it is accepted after
// signing in, never with a second account).
type InvitationLink struct {
	Invitation *model.Invitation
	State      model.InvitationState
	// Superseded says that the link is an old one: the invitation was sent
	// again with a new link since.
	Superseded bool
	// MeetingGone says that the meeting of a guest's invitation was
	// deleted.
	MeetingGone bool
	HasAccount  bool
}

// OpenInvitation finds the invitation of a link's token. A token that
// names none is not found; an old link of an invitation sent again, an
// expired, used or revoked one, is found and says so.
func (s *Service) OpenInvitation(ctx context.Context, token string) (*InvitationLink, error) {
	return s.openInvitation(ctx, s.DB, token)
}

func (s *Service) openInvitation(ctx context.Context, db bun.IDB, token string) (*InvitationLink, error) {
	if !validInvitationToken(token) || len(s.Secret) == 0 {
		return nil, apperr.New(http.StatusNotFound, "invitations.error.unknown")
	}
	hash := s.invitationHash(token)
	l := &InvitationLink{}
	inv, err := store.InvitationByTokenHash(ctx, db, hash)
	if errors.Is(err, store.ErrNotFound) {
		inv, err = store.InvitationByPreviousTokenHash(ctx, db, hash)
		l.Superseded = err == nil
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.New(http.StatusNotFound, "invitations.error.unknown")
	}
	if err != nil {
		return nil, err
	}
	l.Invitation, l.State = inv, inv.State(time.Now())
	l.MeetingGone = inv.MeetingID != nil && (inv.Meeting == nil || inv.Meeting.DeletedAt != nil)
	if _, err := store.UserByEmail(ctx, db, inv.Email); err == nil {
		l.HasAccount = true
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	return l, nil
}

// Problem is the message id that says why the link can no longer be
// accepted, or "" when it can.
func (l *InvitationLink) Problem() string {
	switch {
	case l.Superseded:
		return "invitations.error.superseded"
	case l.State == model.InvitationAccepted:
		return "invitations.error.used"
	case l.State == model.InvitationRevoked:
		return "invitations.error.revoked"
	case l.State == model.InvitationExpired:
		return "invitations.error.expired"
	case l.MeetingGone:
		return "invitations.error.meeting_gone"
	}
	return ""
}

// usable returns the link's invitation if it can be accepted, and
// otherwise an error that says why not.
func (l *InvitationLink) usable() (*model.Invitation, error) {
	if p := l.Problem(); p != "" {
		return nil, apperr.New(http.StatusGone, p)
	}
	return l.Invitation, nil
}

// AcceptInvitation accepts an invitation with the signed-in account it was
// sent to: the account joins the workspace in the invitation's role, or
// the meeting as a guest.
func (s *Service) AcceptInvitation(ctx context.Context, u *model.User, token string) (*model.Invitation, error) {
	if u == nil || u.Disabled() {
		return nil, apperr.New(http.StatusUnauthorized, "error.signin_required")
	}
	var inv *model.Invitation
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		l, err := s.openInvitation(ctx, tx, token)
		if err != nil {
			return err
		}
		if inv, err = l.usable(); err != nil {
			return err
		}
		if NormaliseEmail(u.Email) != inv.Email {
			return apperr.New(http.StatusForbidden, "invitations.error.other_account")
		}
		if u.PlatformRole != model.PlatformNone {
			return apperr.New(http.StatusForbidden, "members.error.platform_account")
		}
		return s.join(ctx, tx, inv, u)
	})
	if err != nil {
		return nil, err
	}
	return inv, s.joined(ctx, inv, u)
}

// AccountSetup is what someone invited without an account fills in: their
// name, their organisation (when the invitation names none) and a password.
type AccountSetup struct {
	Name         string
	Organisation string
	Password     string
}

// AcceptInvitationNew makes the account an invitation's address lacks and
// accepts the invitation with it, in one transaction: on any error nothing
// is stored. An address that has an account meanwhile is refused: that
// account signs in and accepts.
func (s *Service) AcceptInvitationNew(ctx context.Context, token string, in AccountSetup) (*model.User, *model.Invitation, error) {
	l, err := s.OpenInvitation(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	inv, err := l.usable()
	if err != nil {
		return nil, nil, err
	}
	if l.HasAccount {
		return nil, nil, apperr.New(http.StatusConflict, "invitations.error.has_account")
	}
	var v apperr.Validation
	now := time.Now().UTC()
	u := &model.User{
		Name: text(&v, "name", in.Name, true, MaxName), Email: inv.Email,
		Locale: inv.Locale, CreatedAt: now, UpdatedAt: now,
	}
	if !i18n.Supported(u.Locale) {
		u.Locale = i18n.Default
	}
	switch {
	case inv.OrganisationID != nil:
		u.OrganisationID = *inv.OrganisationID
	case in.Organisation == "":
		v.Add("organisation", "validation.required")
	default:
		id, err := optionalID(in.Organisation)
		if err != nil {
			v.Add("organisation", "validation.choice")
		} else if err := knownOrganisation(ctx, s.DB, &v, "organisation", id); err != nil {
			return nil, nil, err
		} else {
			u.OrganisationID = *id
		}
	}
	checkNewPassword(&v, "password", in.Password, u.Email, u.Name)
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	if u.PasswordHash, err = password.Hash(in.Password, s.Hashing); err != nil {
		return nil, nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// The link is asked again within the transaction: it may have been
		// used, revoked or sent again while the password was hashed.
		l, err := s.openInvitation(ctx, tx, token)
		if err != nil {
			return err
		}
		if inv, err = l.usable(); err != nil {
			return err
		}
		if err := store.CreateUser(ctx, tx, u); err != nil {
			if errors.Is(err, store.ErrDuplicate) {
				return apperr.New(http.StatusConflict, "invitations.error.has_account")
			}
			return err
		}
		return s.join(ctx, tx, inv, u)
	})
	if err != nil {
		return nil, nil, err
	}
	return u, inv, s.joined(ctx, inv, u)
}

// join accepts inv for the account u within tx, once: the account becomes
// a member in the invitation's role (a guest becomes a member; a member
// keeps their role), and for a meeting's invitation one of its attendees.
func (s *Service) join(ctx context.Context, tx bun.Tx, inv *model.Invitation, u *model.User) error {
	now := time.Now().UTC()
	if err := store.AcceptInvitation(ctx, tx, inv, u.ID, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return apperr.New(http.StatusGone, "invitations.error.used")
		}
		return err
	}
	inv.AcceptedAt, inv.AcceptedBy = &now, &u.ID
	mb, err := store.MembershipOf(ctx, tx, inv.WorkspaceID, u.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		err = store.CreateMembership(ctx, tx, &model.Membership{WorkspaceID: inv.WorkspaceID, UserID: u.ID, Role: inv.Role, CreatedAt: now})
	case err == nil && mb.Role == model.RoleGuest && inv.Role != model.RoleGuest:
		err = store.SetMembershipRole(ctx, tx, inv.WorkspaceID, mb.ID, inv.Role)
	}
	if err != nil {
		return err
	}
	if inv.MeetingID != nil {
		_, err := store.AttendeeOf(ctx, tx, *inv.MeetingID, u.ID)
		if errors.Is(err, store.ErrNotFound) {
			err = store.CreateAttendee(ctx, tx, &model.Attendee{
				WorkspaceID: inv.WorkspaceID, MeetingID: *inv.MeetingID, UserID: &u.ID, CreatedAt: now,
			})
		}
		if err != nil {
			return err
		}
	}
	return s.audit(ctx, tx, u, inv.WorkspaceID, model.AuditInvitationAccepted, "invitation", inv.ID, invitationDetail(inv))
}

// joined makes an accepted invitation hold at once: the account's rules,
// and the meeting's list on the pages that show it.
func (s *Service) joined(ctx context.Context, inv *model.Invitation, u *model.User) error {
	if inv.Meeting != nil {
		s.publish(ctx, attendeesEvent(inv.Meeting))
	}
	return s.rulesChanged(ctx, u.ID)
}
