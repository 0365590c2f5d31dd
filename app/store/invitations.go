package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateInvitation inserts inv and fills its id.
func CreateInvitation(ctx context.Context, db bun.IDB, inv *model.Invitation) error {
	_, err := db.NewInsert().Model(inv).Returning("id").Exec(ctx)
	return duplicate(err)
}

// invitationQuery selects invitations with what a page says of them: the
// workspace, the meeting, the organisation and who invited.
func invitationQuery(db bun.IDB, model any) *bun.SelectQuery {
	return db.NewSelect().Model(model).
		Relation("Workspace").Relation("Meeting").Relation("Organisation").
		Relation("Inviter", func(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name", "email") })
}

// InvitationByTokenHash loads the invitation whose current link has this
// token hash.
func InvitationByTokenHash(ctx context.Context, db bun.IDB, hash string) (*model.Invitation, error) {
	inv := new(model.Invitation)
	err := invitationQuery(db, inv).Where("?TableAlias.token_hash = ?", hash).Scan(ctx)
	return inv, notFound(err)
}

// InvitationByPreviousTokenHash loads the invitation whose link before the
// current one had this token hash.
func InvitationByPreviousTokenHash(ctx context.Context, db bun.IDB, hash string) (*model.Invitation, error) {
	inv := new(model.Invitation)
	err := invitationQuery(db, inv).Where("?TableAlias.previous_token_hash = ?", hash).Limit(1).Scan(ctx)
	return inv, notFound(err)
}

// Invitation loads one invitation of the workspace.
func Invitation(ctx context.Context, db bun.IDB, workspaceID, id int64) (*model.Invitation, error) {
	inv := new(model.Invitation)
	err := invitationQuery(db, inv).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.id = ?", id).Scan(ctx)
	return inv, notFound(err)
}

// OpenInvitations lists the workspace's invitations that were neither
// accepted nor revoked, expired ones too, the newest first.
func OpenInvitations(ctx context.Context, db bun.IDB, workspaceID int64) ([]model.Invitation, error) {
	var list []model.Invitation
	err := invitationQuery(db, &list).
		Where("?TableAlias.workspace_id = ?", workspaceID).
		Where("?TableAlias.accepted_at IS NULL").
		Where("?TableAlias.revoked_at IS NULL").
		OrderExpr("?TableAlias.sent_at DESC, ?TableAlias.id DESC").Scan(ctx)
	return list, err
}

// PendingInvitationExists reports whether the address has an invitation
// that still works, to the workspace (meetingID nil) or to the meeting.
func PendingInvitationExists(ctx context.Context, db bun.IDB, workspaceID int64, meetingID *int64, email string, now time.Time) (bool, error) {
	q := db.NewSelect().Model((*model.Invitation)(nil)).
		Where("workspace_id = ?", workspaceID).
		Where("email = ?", email).
		Where("accepted_at IS NULL").Where("revoked_at IS NULL").
		Where("expires_at > ?", now)
	if meetingID == nil {
		q = q.Where("meeting_id IS NULL")
	} else {
		q = q.Where("meeting_id = ?", *meetingID)
	}
	return q.Exists(ctx)
}

// open narrows an update to an invitation of the workspace that was
// neither accepted nor revoked.
func openInvitation(q *bun.UpdateQuery, workspaceID, id int64) *bun.UpdateQuery {
	return q.Where("workspace_id = ?", workspaceID).Where("id = ?", id).
		Where("accepted_at IS NULL").Where("revoked_at IS NULL")
}

// RenewInvitation gives an open invitation a new token and expiry, keeping
// the old token's hash as the previous one: the old link stops working.
func RenewInvitation(ctx context.Context, db bun.IDB, inv *model.Invitation) error {
	q := db.NewUpdate().Model(inv).
		Column("token_hash", "previous_token_hash", "locale", "sends", "sent_at", "expires_at")
	res, err := openInvitation(q, inv.WorkspaceID, inv.ID).Exec(ctx)
	return affected(res, err)
}

// RevokeInvitation ends an open invitation; ErrNotFound when it was
// accepted or revoked already.
func RevokeInvitation(ctx context.Context, db bun.IDB, workspaceID, id, by int64, at time.Time) error {
	q := db.NewUpdate().Model((*model.Invitation)(nil)).
		Set("revoked_at = ?", at).Set("revoked_by = ?", by)
	res, err := openInvitation(q, workspaceID, id).Exec(ctx)
	return affected(res, err)
}

// AcceptInvitation marks an invitation accepted by the account, once: it
// is ErrNotFound when the invitation was accepted or revoked meanwhile, or
// expired at the moment at. Of two acceptances at once, one wins.
func AcceptInvitation(ctx context.Context, db bun.IDB, inv *model.Invitation, userID int64, at time.Time) error {
	q := db.NewUpdate().Model((*model.Invitation)(nil)).
		Set("accepted_at = ?", at).Set("accepted_by = ?", userID).
		Where("token_hash = ?", inv.TokenHash).Where("expires_at > ?", at)
	res, err := openInvitation(q, inv.WorkspaceID, inv.ID).Exec(ctx)
	return affected(res, err)
}
