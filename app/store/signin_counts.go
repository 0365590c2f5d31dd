package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// SignInCount reads the count of failed sign-ins under key; ErrNotFound
// when there is none.
func SignInCount(ctx context.Context, db bun.IDB, key string) (*model.SignInCount, error) {
	c := new(model.SignInCount)
	err := db.NewSelect().Model(c).Where("key_hash = ?", key).Scan(ctx)
	return c, notFound(err)
}

// CreateSignInCount inserts c; it reports false when a count under the key
// exists already (another request was first).
func CreateSignInCount(ctx context.Context, db bun.IDB, c *model.SignInCount) (bool, error) {
	res, err := db.NewInsert().Model(c).On("CONFLICT (key_hash) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UpdateSignInCount writes c's failures and time over the row under its
// key, but only if the row is still at version: it reports false when
// another request changed it first. c.Version moves on.
func UpdateSignInCount(ctx context.Context, db bun.IDB, c *model.SignInCount, version int) (bool, error) {
	res, err := db.NewUpdate().Model((*model.SignInCount)(nil)).
		Set("failures = ?", c.Failures).Set("last_at = ?", c.LastAt).Set("version = ?", version+1).
		Where("key_hash = ?", c.Key).Where("version = ?", version).Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if n == 1 {
		c.Version = version + 1
	}
	return n == 1, err
}

// DeleteSignInCount forgets the count under key.
func DeleteSignInCount(ctx context.Context, db bun.IDB, key string) error {
	_, err := db.NewDelete().Model((*model.SignInCount)(nil)).Where("key_hash = ?", key).Exec(ctx)
	return err
}

// PurgeSignInCounts forgets the counts whose last failure is before the
// given time, and returns how many.
func PurgeSignInCounts(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	res, err := db.NewDelete().Model((*model.SignInCount)(nil)).Where("last_at < ?", before).Exec(ctx)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
