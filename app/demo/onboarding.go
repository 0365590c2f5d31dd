package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// seedRegions makes the demo's regions, if missing, and returns their ids
// by name.
func seedRegions(ctx context.Context, tx bun.Tx, now time.Time) (map[string]*int64, error) {
	ids := map[string]*int64{}
	for _, name := range []string{kustland, lindendal} {
		r, err := store.RegionByName(ctx, tx, name)
		if errors.Is(err, store.ErrNotFound) {
			r = &model.Region{Name: name, CreatedAt: now}
			err = store.CreateRegion(ctx, tx, r)
		}
		if err != nil {
			return nil, err
		}
		ids[name] = &r.ID
	}
	return ids, nil
}

// pendingInvitation is the demo's one open invitation: Havenstad's
// coordinator invited a colleague two days ago, who has not answered yet.
var pendingInvitation = struct {
	workspace, email, name, by, org string
	role                            model.Role
}{"Havenstad", "lisa.bos@havenstad.example", "Lisa Bos", "anna.devries@havenstad.example", "Gemeente Havenstad", model.RoleContributor}

// seedInvitation gives Havenstad its open invitation, unless it has one
// for that address. Its link was never sent, so it opens nothing: its
// token is random and forgotten. Sending it again makes a working one.
func seedInvitation(ctx context.Context, tx bun.Tx, w *model.Workspace, userIDs, orgIDs map[string]int64, now time.Time) error {
	p := pendingInvitation
	if w.Name != p.workspace {
		return nil
	}
	exists, err := tx.NewSelect().Model((*model.Invitation)(nil)).
		Where("workspace_id = ?", w.ID).Where("email = ?", p.email).Exists(ctx)
	if err != nil || exists {
		return err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return err
	}
	by, org := userIDs[p.by], orgIDs[p.org]
	sent := now.Add(-48 * time.Hour)
	return store.CreateInvitation(ctx, tx, &model.Invitation{
		WorkspaceID: w.ID, Email: p.email, Name: p.name, Role: p.role, OrganisationID: &org,
		Locale: "nl", TokenHash: hex.EncodeToString(secret), InvitedBy: &by, Sends: 1,
		CreatedAt: sent, SentAt: sent, ExpiresAt: sent.Add(7 * 24 * time.Hour),
	})
}
