package service

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// Members lists the members of a workspace the account may see.
func (s *Service) Members(ctx context.Context, u *model.User, workspaceID int64) ([]model.Membership, error) {
	if !s.Authz.Can(u, workspaceID, authz.ObjMembers, authz.ActRead) {
		return nil, apperr.NotFound()
	}
	return store.Memberships(ctx, s.DB, workspaceID)
}

// MemberChoices lists the members that a picker offers (an action's owner,
// a presenter, an attendee): the members without a platform role. A
// platform account never takes part in a workspace's work, and a
// membership it holds from before this rule gives it nothing (see
// authz.groupingRules).
func (s *Service) MemberChoices(ctx context.Context, u *model.User, workspaceID int64) ([]model.Membership, error) {
	members, err := s.Members(ctx, u, workspaceID)
	if err != nil {
		return nil, err
	}
	return withoutPlatformAccounts(members), nil
}

// withoutPlatformAccounts leaves out the memberships of accounts that hold
// a platform role.
func withoutPlatformAccounts(members []model.Membership) []model.Membership {
	out := make([]model.Membership, 0, len(members))
	for _, m := range members {
		if m.User != nil && m.User.PlatformRole != model.PlatformNone {
			continue
		}
		out = append(out, m)
	}
	return out
}

// canManage checks the members permission again, below the route guard.
func (s *Service) canManage(u *model.User, workspaceID int64) error {
	if !s.Authz.Can(u, workspaceID, authz.ObjWorkspace, authz.ActRead) {
		return apperr.NotFound()
	}
	if !s.Authz.Can(u, workspaceID, authz.ObjMembers, authz.ActManage) {
		return apperr.Forbidden()
	}
	return nil
}

// AddMember gives the account with this e-mail address a role in the workspace.
func (s *Service) AddMember(ctx context.Context, actor *model.User, workspaceID int64, emailAddr string, role model.Role) (*model.Membership, error) {
	if err := s.canManage(actor, workspaceID); err != nil {
		return nil, err
	}
	var v apperr.Validation
	addr := email(&v, "email", emailAddr)
	if !role.Valid() {
		v.Add("role", "validation.choice")
	}
	var u *model.User
	if addr != "" && v.Err() == nil {
		var err error
		u, err = store.UserByEmail(ctx, s.DB, addr)
		if errors.Is(err, store.ErrNotFound) {
			v.Add("email", "members.error.unknown_account")
		} else if err != nil {
			return nil, err
		} else if u.PlatformRole != model.PlatformNone {
			// A reviewer or administrator holds a platform role in every
			// workspace already; a workspace role would give a reviewer
			// write access and, invited to a meeting, case material.
			v.Add("email", "members.error.platform_account")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	m := &model.Membership{WorkspaceID: workspaceID, UserID: u.ID, Role: role, CreatedAt: time.Now().UTC()}
	if err := store.CreateMembership(ctx, s.DB, m); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			v.Add("email", "members.error.already_member")
			return nil, v.Err()
		}
		return nil, err
	}
	return m, s.rulesChanged(ctx, u.ID)
}

// ChangeRole gives a member another role. The last coordinator keeps the role.
func (s *Service) ChangeRole(ctx context.Context, actor *model.User, workspaceID, membershipID int64, role model.Role) error {
	if err := s.canManage(actor, workspaceID); err != nil {
		return err
	}
	if !role.Valid() {
		var v apperr.Validation
		v.Add("role", "validation.choice")
		return v.Err()
	}
	var userID int64
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		m, err := store.Membership(ctx, tx, workspaceID, membershipID)
		if err != nil {
			return err
		}
		userID = m.UserID
		if m.User != nil && m.User.PlatformRole != model.PlatformNone {
			// Such a membership is from before platform accounts were
			// refused, and gives nothing; it can only be removed.
			return apperr.New(http.StatusUnprocessableEntity, "members.error.platform_account")
		}
		if m.Role == model.RoleCoordinator && role != model.RoleCoordinator {
			if err := lastCoordinator(ctx, tx, workspaceID); err != nil {
				return err
			}
		}
		return store.SetMembershipRole(ctx, tx, workspaceID, membershipID, role)
	})
	if err != nil {
		return membershipError(err)
	}
	return s.rulesChanged(ctx, userID)
}

// RemoveMember ends a membership. The last coordinator stays.
func (s *Service) RemoveMember(ctx context.Context, actor *model.User, workspaceID, membershipID int64) error {
	if err := s.canManage(actor, workspaceID); err != nil {
		return err
	}
	var userID int64
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		m, err := store.Membership(ctx, tx, workspaceID, membershipID)
		if err != nil {
			return err
		}
		userID = m.UserID
		if m.Role == model.RoleCoordinator {
			if err := lastCoordinator(ctx, tx, workspaceID); err != nil {
				return err
			}
		}
		return store.DeleteMembership(ctx, tx, workspaceID, membershipID)
	})
	if err != nil {
		return membershipError(err)
	}
	return s.rulesChanged(ctx, userID)
}

// lastCoordinator refuses to take away the workspace's only coordinator.
func lastCoordinator(ctx context.Context, db bun.IDB, workspaceID int64) error {
	n, err := store.CountCoordinators(ctx, db, workspaceID)
	if err != nil {
		return err
	}
	if n <= 1 {
		return apperr.New(http.StatusUnprocessableEntity, "members.error.last_coordinator")
	}
	return nil
}

func membershipError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound()
	}
	return err
}
