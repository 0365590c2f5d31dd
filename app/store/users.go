package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateUser inserts u and fills its id. The e-mail address must already be
// normalised (trimmed, lower case).
func CreateUser(ctx context.Context, db bun.IDB, u *model.User) error {
	_, err := db.NewInsert().Model(u).Returning("id").Exec(ctx)
	return duplicate(err)
}

// User loads one account with its organisation.
func User(ctx context.Context, db bun.IDB, id int64) (*model.User, error) {
	u := new(model.User)
	err := db.NewSelect().Model(u).Relation("Organisation").Where("?TableAlias.id = ?", id).Scan(ctx)
	return u, notFound(err)
}

// UserByEmail loads the account with this normalised e-mail address.
func UserByEmail(ctx context.Context, db bun.IDB, email string) (*model.User, error) {
	u := new(model.User)
	err := db.NewSelect().Model(u).Relation("Organisation").Where("?TableAlias.email = ?", email).Scan(ctx)
	return u, notFound(err)
}

// Users lists every account by name, with organisations.
func Users(ctx context.Context, db bun.IDB) ([]model.User, error) {
	var list []model.User
	err := db.NewSelect().Model(&list).Relation("Organisation").OrderExpr("?TableAlias.name ASC, ?TableAlias.id ASC").Scan(ctx)
	return list, err
}

// SetUserDisabled disables the account (at is the moment) or, with a nil
// at, enables it again.
func SetUserDisabled(ctx context.Context, db bun.IDB, id int64, at *time.Time) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("disabled_at = ?", at).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// SetUserLocale remembers the account's language.
func SetUserLocale(ctx context.Context, db bun.IDB, id int64, locale string) error {
	res, err := db.NewUpdate().Model((*model.User)(nil)).
		Set("locale = ?", locale).Set("updated_at = ?", time.Now().UTC()).
		Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}
