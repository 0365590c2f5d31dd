package service

import (
	"context"
	"net/http"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// ActionHistory lists every change of an action, newest first.
func (s *Service) ActionHistory(ctx context.Context, u *model.User, workspaceID, actionID int64) ([]model.Change, error) {
	if _, err := s.Action(ctx, u, workspaceID, actionID); err != nil {
		return nil, err
	}
	return store.Changes(ctx, s.DB, workspaceID, model.EntityAction, actionID)
}

// RestoreValue sets a field back to the value it had before the change
// changeID: a new change on top of the history, which loses nothing.
func (s *Service) RestoreValue(ctx context.Context, u *model.User, workspaceID, actionID, changeID int64) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	c, err := store.Change(ctx, s.DB, workspaceID, changeID)
	if err != nil || c.Entity != model.EntityAction || c.EntityID != actionID {
		return nil, apperr.NotFound()
	}
	if !IsActionField(c.Field) {
		return nil, apperr.New(http.StatusUnprocessableEntity, "actions.error.not_restorable")
	}
	a, err := store.Action(ctx, s.DB, workspaceID, actionID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	// What was saved once had its probable identifiers accepted then; a
	// certain one is refused again all the same.
	return s.UpdateActionField(withAcceptedText(ctx, c.OldValue), u, workspaceID, actionID, c.Field, c.OldValue, a.Version)
}
