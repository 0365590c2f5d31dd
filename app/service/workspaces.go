package service

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// Workspaces lists what the account may open: every workspace for a
// platform role, otherwise those it is a member of.
func (s *Service) Workspaces(ctx context.Context, u *model.User) ([]store.WorkspaceSummary, error) {
	if u.PlatformRole != model.PlatformNone && s.Authz.CanPlatform(u, authz.ObjWorkspace, authz.ActRead) {
		return store.AllWorkspaces(ctx, s.DB)
	}
	return store.WorkspacesOfUser(ctx, s.DB, u.ID)
}

// Workspace loads a workspace the account may read; another workspace is
// not found.
func (s *Service) Workspace(ctx context.Context, u *model.User, id int64) (*model.Workspace, error) {
	if !s.Authz.Can(u, id, authz.ObjWorkspace, authz.ActRead) {
		return nil, apperr.NotFound()
	}
	w, err := store.Workspace(ctx, s.DB, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.NotFound()
	}
	return w, err
}

// WorkspaceInput is what an administrator fills in for a new workspace.
type WorkspaceInput struct {
	Name        string
	Kind        model.WorkspaceKind
	Description string
	// CoordinatorEmail, if given, names an account that becomes the
	// workspace's first coordinator.
	CoordinatorEmail string
}

// CreateWorkspace validates in and stores a workspace with, if named, its
// first coordinator, in one transaction.
func (s *Service) CreateWorkspace(ctx context.Context, actor *model.User, in WorkspaceInput) (*model.Workspace, error) {
	if actor != nil && !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	w := &model.Workspace{
		Name:        text(&v, "name", in.Name, true, MaxName),
		Kind:        in.Kind,
		Description: text(&v, "description", in.Description, false, MaxDescription),
		CreatedAt:   time.Now().UTC(),
	}
	if !w.Kind.Valid() {
		v.Add("kind", "validation.choice")
	}
	var coordinator *model.User
	if in.CoordinatorEmail != "" {
		addr := email(&v, "coordinator", in.CoordinatorEmail)
		if addr != "" {
			u, err := store.UserByEmail(ctx, s.DB, addr)
			switch {
			case errors.Is(err, store.ErrNotFound):
				v.Add("coordinator", "members.error.unknown_account")
			case err != nil:
				return nil, err
			default:
				coordinator = u
			}
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.CreateWorkspace(ctx, tx, w); err != nil {
			return err
		}
		if err := s.auditIn(ctx, tx, actor, w.ID, model.AuditWorkspaceCreate, model.AuditObjectWorkspace, w.ID, string(w.Kind)); err != nil {
			return err
		}
		if coordinator == nil {
			return nil
		}
		if err := store.CreateMembership(ctx, tx, &model.Membership{
			WorkspaceID: w.ID, UserID: coordinator.ID, Role: model.RoleCoordinator, CreatedAt: w.CreatedAt,
		}); err != nil {
			return err
		}
		return s.auditIn(ctx, tx, actor, w.ID, model.AuditMemberAdd, model.AuditObjectUser, coordinator.ID, string(model.RoleCoordinator))
	})
	if errors.Is(err, store.ErrDuplicate) {
		v.Add("name", "validation.name_taken")
		return nil, v.Err()
	}
	if err != nil {
		return nil, err
	}
	if coordinator != nil {
		return w, s.rulesChanged(ctx, coordinator.ID)
	}
	return w, nil
}
