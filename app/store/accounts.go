package store

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// SetUserName changes the account's name.
func SetUserName(ctx context.Context, db bun.IDB, id int64, name string) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("name = ?", name).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// SetUserPassword replaces the account's password hash.
func SetUserPassword(ctx context.Context, db bun.IDB, id int64, hash string) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("password_hash = ?", hash).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", id).Where("deleted_at IS NULL").Exec(ctx)
	return affected(res, err)
}

// SetTwoFactorPending keeps the (encrypted) secret of a two-factor set-up
// under way, or forgets it with "".
func SetTwoFactorPending(ctx context.Context, db bun.IDB, id int64, secret string) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("two_factor_pending = ?", secret).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// EnableTwoFactor switches two-factor on with the (encrypted) secret whose
// code of time step step was just accepted.
func EnableTwoFactor(ctx context.Context, db bun.IDB, id int64, secret string, step int64, at time.Time) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("two_factor_secret = ?", secret).Set("two_factor_pending = ''").
		Set("two_factor_at = ?", at).Set("two_factor_step = ?", step).Set("updated_at = ?", at).
		Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// DisableTwoFactor switches two-factor off and removes the recovery codes.
func DisableTwoFactor(ctx context.Context, db bun.IDB, id int64) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("two_factor_secret = ''").Set("two_factor_pending = ''").
		Set("two_factor_at = NULL").Set("two_factor_step = 0").Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", id).Exec(ctx)
	if err := affected(res, err); err != nil {
		return err
	}
	_, err = db.NewDelete().Model((*model.RecoveryCode)(nil)).Where("user_id = ?", id).Exec(ctx)
	return err
}

// UseTwoFactorStep records that the code of time step step was used. It is
// ErrNotFound when that step, or a later one, was used before: a code is
// good once, also when two requests bring it at the same moment.
func UseTwoFactorStep(ctx context.Context, db bun.IDB, id, step int64) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("two_factor_step = ?", step).
		Where("id = ?", id).Where("two_factor_step < ?", step).Exec(ctx)
	return affected(res, err)
}

// ReplaceRecoveryCodes puts new recovery codes (their hashes) in place of
// the account's old ones.
func ReplaceRecoveryCodes(ctx context.Context, db bun.IDB, userID int64, hashes []string) error {
	if _, err := db.NewDelete().Model((*model.RecoveryCode)(nil)).Where("user_id = ?", userID).Exec(ctx); err != nil {
		return err
	}
	now := time.Now().UTC()
	codes := make([]model.RecoveryCode, len(hashes))
	for i, h := range hashes {
		codes[i] = model.RecoveryCode{UserID: userID, CodeHash: h, CreatedAt: now}
	}
	_, err := db.NewInsert().Model(&codes).Exec(ctx)
	return err
}

// UseRecoveryCode marks the account's unused code with this hash as used;
// ErrNotFound when there is none (wrong, or used before).
func UseRecoveryCode(ctx context.Context, db bun.IDB, userID int64, hash string) error {
	res, err := db.NewUpdate().Model((*model.RecoveryCode)(nil)).
		Set("used_at = ?", time.Now().UTC()).
		Where("user_id = ?", userID).Where("code_hash = ?", hash).Where("used_at IS NULL").Exec(ctx)
	return affected(res, err)
}

// RecoveryCodesLeft counts the account's unused recovery codes.
func RecoveryCodesLeft(ctx context.Context, db bun.IDB, userID int64) (int, error) {
	return db.NewSelect().Model((*model.RecoveryCode)(nil)).
		Where("user_id = ?", userID).Where("used_at IS NULL").Count(ctx)
}

// CreatePasswordReset stores a reset link (its token's hash).
func CreatePasswordReset(ctx context.Context, db bun.IDB, r *model.PasswordReset) error {
	_, err := db.NewInsert().Model(r).Returning("id").Exec(ctx)
	return err
}

// PasswordResetByHash loads the reset link with this token hash.
func PasswordResetByHash(ctx context.Context, db bun.IDB, hash string) (*model.PasswordReset, error) {
	r := new(model.PasswordReset)
	err := db.NewSelect().Model(r).Where("token_hash = ?", hash).Scan(ctx)
	return r, notFound(err)
}

// UsePasswordReset marks the link used, unless it was used or expired
// already (then ErrNotFound), and ends the account's other links.
func UsePasswordReset(ctx context.Context, db bun.IDB, r *model.PasswordReset, at time.Time) error {
	res, err := db.NewUpdate().Model((*model.PasswordReset)(nil)).
		Set("used_at = ?", at).
		Where("id = ?", r.ID).Where("used_at IS NULL").Where("expires_at > ?", at).Exec(ctx)
	if err := affected(res, err); err != nil {
		return err
	}
	_, err = db.NewUpdate().Model((*model.PasswordReset)(nil)).
		Set("used_at = ?", at).
		Where("user_id = ?", r.UserID).Where("used_at IS NULL").Exec(ctx)
	return err
}

// AnonymiseUser removes what names the person from a deleted account and
// everything that lets it in: its name, address, password, two-factor,
// memberships, sessions, reset links and calendar address. The row stays,
// so that the work it did stays with "deleted user".
func AnonymiseUser(ctx context.Context, db bun.IDB, id int64, at time.Time) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("name = ''").Set("email = ?", "deleted-"+strconv.FormatInt(id, 10)+"@deleted.invalid").
		Set("password_hash = ''").Set("platform_role = ''").
		Set("two_factor_secret = ''").Set("two_factor_pending = ''").Set("two_factor_at = NULL").
		Set("disabled_at = ?", at).Set("deleted_at = ?", at).Set("updated_at = ?", at).
		Where("id = ?", id).Where("deleted_at IS NULL").Exec(ctx)
	if err := affected(res, err); err != nil {
		return err
	}
	for _, m := range []any{(*model.Membership)(nil), (*model.Session)(nil), (*model.RecoveryCode)(nil),
		(*model.PasswordReset)(nil), (*model.CalendarToken)(nil)} {
		if _, err := db.NewDelete().Model(m).Where("user_id = ?", id).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// MembershipsOfUser lists an account's memberships with their workspaces.
func MembershipsOfUser(ctx context.Context, db bun.IDB, userID int64) ([]model.Membership, error) {
	var list []model.Membership
	err := db.NewSelect().Model(&list).Relation("Workspace").
		Where("?TableAlias.user_id = ?", userID).OrderExpr("?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// ActionsOwnedBy lists the actions an account owns, in every workspace,
// deleted ones left out.
func ActionsOwnedBy(ctx context.Context, db bun.IDB, userID int64) ([]model.Action, error) {
	var list []model.Action
	err := db.NewSelect().Model(&list).
		Where("owner_user_id = ?", userID).Where("deleted_at IS NULL").
		OrderExpr("workspace_id ASC, id ASC").Scan(ctx)
	return list, err
}

// AttendancesOf lists an account's places on meetings' attendee lists.
func AttendancesOf(ctx context.Context, db bun.IDB, userID int64) ([]model.Attendee, error) {
	var list []model.Attendee
	err := db.NewSelect().Model(&list).
		Where("user_id = ?", userID).OrderExpr("meeting_id ASC, id ASC").Scan(ctx)
	return list, err
}

// MeetingsByID loads meetings by id, deleted ones left out.
func MeetingsByID(ctx context.Context, db bun.IDB, ids []int64) ([]model.Meeting, error) {
	var list []model.Meeting
	if len(ids) == 0 {
		return list, nil
	}
	err := db.NewSelect().Model(&list).
		Where("id IN (?)", bun.In(ids)).Where("deleted_at IS NULL").
		OrderExpr("date ASC, id ASC").Scan(ctx)
	return list, err
}

// AuditOfUser lists the audit lines of what an account did and of what
// was done to it, oldest first.
func AuditOfUser(ctx context.Context, db bun.IDB, userID int64) ([]model.AuditEntry, error) {
	var list []model.AuditEntry
	err := db.NewSelect().Model(&list).
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Where("user_id = ?", userID).WhereOr("object = ? AND object_id = ?", "user", userID)
		}).OrderExpr("at ASC, id ASC").Scan(ctx)
	return list, err
}
