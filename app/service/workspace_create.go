package service

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/views/mails"
)

// WorkspaceInput is the one form in which an administrator brings a
// municipality or network on board: the workspace, the organisation of its
// coordinator (chosen, or made in place with NewOrganisation and
// NewOrganisationKind), and the coordinator's address, name and language.
type WorkspaceInput struct {
	Name        string
	Kind        model.WorkspaceKind
	Region      string
	Description string

	Organisation        string
	NewOrganisation     string
	NewOrganisationKind model.OrganisationKind

	CoordinatorEmail string
	CoordinatorName  string
	Language         string
}

// NewWorkspace is a workspace as CreateWorkspace made it, and what became
// of its coordinator: invited (no account yet) or made coordinator.
type NewWorkspace struct {
	Workspace *model.Workspace
	Invited   bool
}

// CreateWorkspace makes a workspace with its first coordinator, in one
// transaction: on any error nothing is stored, and every field's error is
// reported at once. An address without an account is invited as
// coordinator; an account becomes coordinator at once and is told so by
// e-mail.
func (s *Service) CreateWorkspace(ctx context.Context, actor *model.User, in WorkspaceInput) (*NewWorkspace, error) {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	// A new workspace has no members yet: its description is checked for
	// what is certain.
	g := s.guard(ctx, s.DB, 0, 0)
	now := time.Now().UTC()
	w := &model.Workspace{
		Name:        text(&v, "name", in.Name, true, MaxName),
		Kind:        in.Kind,
		Description: g.text(ctx, &v, "description", in.Description, false, MaxDescription),
		CreatedAt:   now,
	}
	if !w.Kind.Valid() {
		v.Add("kind", "validation.choice")
	}
	regionName := text(&v, "region", in.Region, false, MaxName)
	org, err := s.coordinatorOrganisation(ctx, &v, in, now)
	if err != nil {
		return nil, err
	}
	addr := email(&v, "coordinator", in.CoordinatorEmail)
	name := text(&v, "coordinator_name", in.CoordinatorName, false, MaxName)
	locale := language(&v, "language", in.Language)
	var coordinator *model.User
	if addr != "" {
		u, err := store.UserByEmail(ctx, s.DB, addr)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, err
		case u.PlatformRole != model.PlatformNone:
			v.Add("coordinator", "members.error.platform_account")
		case u.Disabled():
			v.Add("coordinator", "invitations.error.disabled_account")
		default:
			coordinator = u
		}
	}
	if w.Name != "" {
		if _, err := store.WorkspaceByName(ctx, s.DB, w.Name); err == nil {
			v.Add("name", "validation.name_taken")
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	if err := g.result(&v); err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		region, err := s.region(ctx, tx, regionName, now)
		if err != nil {
			return err
		}
		w.RegionID = region
		if org.ID == 0 {
			org.RegionID = region
			if err := store.CreateOrganisation(ctx, tx, org); err != nil {
				return duplicateField(err, "new_organisation")
			}
		}
		if err := store.CreateWorkspace(ctx, tx, w); err != nil {
			return duplicateField(err, "name")
		}
		g.workspaceID = w.ID
		if err := g.audit(ctx, tx, actor, model.AuditObjectWorkspace, w.ID); err != nil {
			return err
		}
		detail := "coordinator=" + addr
		if coordinator != nil {
			if err := s.appointCoordinator(ctx, tx, actor, w, coordinator, now); err != nil {
				return err
			}
		} else {
			detail += " invited"
			if err := s.inviteCoordinator(ctx, tx, actor, w, org, addr, name, locale, now); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, actor, w.ID, model.AuditWorkspaceCreated, "workspace", w.ID, detail)
	})
	if err != nil {
		return nil, err
	}
	if coordinator != nil {
		return &NewWorkspace{Workspace: w}, s.rulesChanged(ctx, coordinator.ID)
	}
	return &NewWorkspace{Workspace: w, Invited: true}, nil
}

// coordinatorOrganisation checks the organisation part of the form: an
// existing organisation chosen, or the name and kind of a new one, not
// both and not neither. A new one is returned without an id.
func (s *Service) coordinatorOrganisation(ctx context.Context, v *apperr.Validation, in WorkspaceInput, now time.Time) (*model.Organisation, error) {
	chosen := strings.TrimSpace(in.Organisation) != ""
	fresh := strings.TrimSpace(in.NewOrganisation) != ""
	switch {
	case chosen && fresh:
		v.Add("organisation", "workspaces.error.organisation_both")
		return &model.Organisation{}, nil
	case chosen:
		id, err := optionalID(in.Organisation)
		if err != nil {
			v.Add("organisation", "validation.choice")
			return &model.Organisation{}, nil
		}
		o, err := store.Organisation(ctx, s.DB, *id)
		if errors.Is(err, store.ErrNotFound) {
			v.Add("organisation", "validation.choice")
			return &model.Organisation{}, nil
		}
		return o, err
	case fresh:
		o := &model.Organisation{
			Name: text(v, "new_organisation", in.NewOrganisation, true, MaxName),
			Kind: in.NewOrganisationKind, CreatedAt: now,
		}
		if !o.Kind.Valid() {
			v.Add("new_organisation_kind", "validation.choice")
		}
		if _, err := store.OrganisationByName(ctx, s.DB, o.Name); err == nil {
			v.Add("new_organisation", "validation.name_taken")
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		return o, nil
	}
	v.Add("organisation", "workspaces.error.organisation_required")
	return &model.Organisation{}, nil
}

// appointCoordinator makes an existing account the coordinator of the new
// workspace and tells them by e-mail, in their own language.
func (s *Service) appointCoordinator(ctx context.Context, tx bun.Tx, actor *model.User, w *model.Workspace, u *model.User, now time.Time) error {
	if err := store.CreateMembership(ctx, tx, &model.Membership{
		WorkspaceID: w.ID, UserID: u.ID, Role: model.RoleCoordinator, CreatedAt: now,
	}); err != nil {
		return err
	}
	d := mails.CoordinatorNotice{Name: u.Name, By: actor.Name, Workspace: w.Name, Link: s.BaseURL + "/workspaces/" + strconv.FormatInt(w.ID, 10)}
	return s.enqueue(ctx, tx, u.Locale, "coordinator", func(ctx context.Context) (*mail.Message, error) {
		return mail.Compose(ctx, "coordinator", u.Email, mails.CoordinatorSubject(ctx, d), mails.CoordinatorHTML(d), mails.CoordinatorText(d))
	})
}

// inviteCoordinator invites an address without an account as the new
// workspace's coordinator, with the organisation its account will have.
func (s *Service) inviteCoordinator(ctx context.Context, tx bun.Tx, actor *model.User, w *model.Workspace, org *model.Organisation, addr, name, locale string, now time.Time) error {
	inv := &model.Invitation{
		WorkspaceID: w.ID, Email: addr, Name: name, Role: model.RoleCoordinator,
		OrganisationID: &org.ID, Locale: locale, InvitedBy: &actor.ID,
	}
	token, err := s.newInvitationToken(inv, now)
	if err != nil {
		return err
	}
	if err := store.CreateInvitation(ctx, tx, inv); err != nil {
		return err
	}
	if err := s.sendInvitation(ctx, tx, inv, actor, w, nil, token); err != nil {
		return err
	}
	return s.audit(ctx, tx, actor, w.ID, model.AuditInvitationSent, "invitation", inv.ID, invitationDetail(inv))
}

// duplicateField turns a uniqueness conflict into that field's error, as
// when someone else took the name between the check and the write.
func duplicateField(err error, field string) error {
	if errors.Is(err, store.ErrDuplicate) {
		var v apperr.Validation
		v.Add(field, "validation.name_taken")
		return v.Err()
	}
	return err
}
