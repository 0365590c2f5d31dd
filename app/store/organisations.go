package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateOrganisation inserts o and fills its id.
func CreateOrganisation(ctx context.Context, db bun.IDB, o *model.Organisation) error {
	_, err := db.NewInsert().Model(o).Returning("id").Exec(ctx)
	return duplicate(err)
}

// Organisation loads one organisation.
func Organisation(ctx context.Context, db bun.IDB, id int64) (*model.Organisation, error) {
	o := new(model.Organisation)
	err := db.NewSelect().Model(o).Where("?TableAlias.id = ?", id).Scan(ctx)
	return o, notFound(err)
}

// OrganisationByName loads the organisation with exactly this name.
func OrganisationByName(ctx context.Context, db bun.IDB, name string) (*model.Organisation, error) {
	o := new(model.Organisation)
	err := db.NewSelect().Model(o).Where("?TableAlias.name = ?", name).Scan(ctx)
	return o, notFound(err)
}

// Organisations lists every organisation by name.
func Organisations(ctx context.Context, db bun.IDB) ([]model.Organisation, error) {
	var list []model.Organisation
	err := db.NewSelect().Model(&list).OrderExpr("?TableAlias.name ASC").Scan(ctx)
	return list, err
}
