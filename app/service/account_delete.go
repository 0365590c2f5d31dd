package service

import (
	"context"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/store"
)

// SoleCoordinatorOf lists the workspaces of which the account is the only
// coordinator: it must hand them over before it can be deleted.
func (s *Service) SoleCoordinatorOf(ctx context.Context, u *model.User) ([]model.Workspace, error) {
	return soleCoordinatorOf(ctx, s.DB, u.ID)
}

func soleCoordinatorOf(ctx context.Context, db bun.IDB, userID int64) ([]model.Workspace, error) {
	members, err := store.MembershipsOfUser(ctx, db, userID)
	if err != nil {
		return nil, err
	}
	var sole []model.Workspace
	for _, m := range members {
		if m.Role != model.RoleCoordinator {
			continue
		}
		n, err := store.CountCoordinators(ctx, db, m.WorkspaceID)
		if err != nil {
			return nil, err
		}
		if n <= 1 && m.Workspace != nil {
			sole = append(sole, *m.Workspace)
		}
	}
	return sole, nil
}

// DeleteAccount deletes one's own account after checking its password: the
// name, address and everything that lets it in are removed, and the work
// it did stays under "deleted user". The last coordinator of a workspace
// hands it over first.
func (s *Service) DeleteAccount(ctx context.Context, u *model.User, pw string) error {
	var v apperr.Validation
	if err := s.checkCurrentPassword(ctx, &v, "delete_password", u, pw); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sole, err := soleCoordinatorOf(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if len(sole) > 0 {
			return apperr.New(http.StatusUnprocessableEntity, "account.error.last_coordinator")
		}
		if err := s.auditAccount(ctx, tx, u.ID, model.AuditAccountDeleted, "user", u.ID, ""); err != nil {
			return err
		}
		return store.AnonymiseUser(ctx, tx, u.ID, time.Now().UTC())
	})
	if err != nil {
		return err
	}
	s.sessionsEnded(ctx, u.ID, nil, true)
	return s.rulesChanged(ctx, u.ID)
}
