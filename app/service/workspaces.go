package service

import (
	"context"
	"errors"

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
