package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateMembership inserts m and fills its id; ErrDuplicate when the account
// is a member already.
func CreateMembership(ctx context.Context, db bun.IDB, m *model.Membership) error {
	_, err := db.NewInsert().Model(m).Returning("id").Exec(ctx)
	return duplicate(err)
}

// Membership loads one membership of the workspace, with its account.
func Membership(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Membership, error) {
	m := new(model.Membership)
	err := db.NewSelect().Model(m).Relation("User").Relation("User.Organisation").
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).Scan(ctx)
	return m, notFound(err)
}

// MembershipOf loads the account's membership of the workspace.
func MembershipOf(ctx context.Context, db bun.IDB, workspaceID, userID int64) (*model.Membership, error) {
	m := new(model.Membership)
	err := db.NewSelect().Model(m).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.user_id = ?", userID).Scan(ctx)
	return m, notFound(err)
}

// Memberships lists the workspace's members by name, with their accounts and
// organisations.
func Memberships(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.Membership, error) {
	var list []model.Membership
	err := db.NewSelect().Model(&list).Relation("User").Relation("User.Organisation").
		Where("?TableAlias.workspace_id = ?", workspaceID).
		OrderExpr(`"user"."name" ASC, ?TableAlias.id ASC`).Scan(ctx)
	return list, err
}

// ActiveMemberships lists the memberships that give a role, for loading
// authorization rules: those of accounts that are not disabled and hold no
// platform role (a platform account's membership gives nothing).
func ActiveMemberships(ctx context.Context, db bun.IDB) ([]model.Membership, error) {
	var list []model.Membership
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.user_id IN (SELECT id FROM users WHERE disabled_at IS NULL AND platform_role = '')").
		OrderExpr("?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// ActiveMembershipsOf lists one account's memberships that give a role,
// for loading its authorization rules: none when the account is disabled
// or holds a platform role.
func ActiveMembershipsOf(ctx context.Context, db bun.IDB, userID int64) ([]model.Membership, error) {
	var list []model.Membership
	err := db.NewSelect().Model(&list).
		Where("?TableAlias.user_id = ?", userID).
		Where("?TableAlias.user_id IN (SELECT id FROM users WHERE disabled_at IS NULL AND platform_role = '')").
		OrderExpr("?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// CountCoordinators counts the workspace's coordinators. A platform
// account's membership gives nothing (authz), so it does not count.
func CountCoordinators(ctx context.Context, db bun.IDB, workspaceID int64) (int, error) {
	return db.NewSelect().Model((*model.Membership)(nil)).
		Where("workspace_id = ?", workspaceID).
		Where("role = ?", model.RoleCoordinator).
		Where("user_id IN (SELECT id FROM users WHERE platform_role = '')").Count(ctx)
}

// SetMembershipRole changes the role of one membership of the workspace.
func SetMembershipRole(ctx context.Context, db bun.IDB, workspaceID, id int64, role model.Role) error {
	res, err := db.NewUpdate().Model((*model.Membership)(nil)).
		Set("role = ?", role).
		Where("workspace_id = ?", workspaceID).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// DeleteMembership removes one membership of the workspace.
func DeleteMembership(ctx context.Context, db bun.IDB, workspaceID, id int64) error {
	res, err := db.NewDelete().Model((*model.Membership)(nil)).
		Where("workspace_id = ?", workspaceID).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// PlatformUsers lists the accounts that hold a platform role.
func PlatformUsers(ctx context.Context, db bun.IDB) ([]model.User, error) {
	var list []model.User
	err := db.NewSelect().Model(&list).Column("id", "platform_role").
		Where("platform_role <> ''").Where("disabled_at IS NULL").Scan(ctx)
	return list, err
}
