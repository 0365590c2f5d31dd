package service

import (
	"context"
	"errors"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// WorkspaceSummary is a workspace with what its card shows.
type WorkspaceSummary = store.WorkspaceSummary

// Organisations lists every organisation, for choosing an action's owner or
// an account's employer; their names are no secret among signed-in people.
func (s *Service) Organisations(ctx context.Context) ([]model.Organisation, error) {
	return store.Organisations(ctx, s.DB)
}

// Accounts lists every account, for the administrator.
func (s *Service) Accounts(ctx context.Context, actor *model.User) ([]model.User, error) {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	return store.Users(ctx, s.DB)
}

// AllWorkspaces lists every workspace, for the administrator.
func (s *Service) AllWorkspaces(ctx context.Context, actor *model.User) ([]WorkspaceSummary, error) {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	return store.AllWorkspaces(ctx, s.DB)
}

// Account reads one account, for the session of a request and for naming
// the people on a live page. It says nothing about access.
func (s *Service) Account(ctx context.Context, id int64) (*model.User, error) {
	u, err := store.User(ctx, s.DB, id)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// IsNotFound reports whether err says that something does not exist.
func IsNotFound(err error) bool {
	if e, ok := apperr.As(err); ok {
		return e.Status == 404
	}
	return errors.Is(err, store.ErrNotFound)
}

// OrganisationName is the name of an organisation, for showing a stored
// owner in the history and the conflict view.
func (s *Service) OrganisationName(ctx context.Context, id int64) (string, error) {
	o, err := store.Organisation(ctx, s.DB, id)
	if err != nil {
		return "", err
	}
	return o.Name, nil
}

// AccountName is the name of an account, for the same.
func (s *Service) AccountName(ctx context.Context, id int64) (string, error) {
	u, err := store.User(ctx, s.DB, id)
	if err != nil {
		return "", err
	}
	return u.Name, nil
}
