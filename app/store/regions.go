package store

import (
	"context"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// CreateRegion inserts r and fills its id; ErrDuplicate when a region of
// that name exists, whatever its capitals.
func CreateRegion(ctx context.Context, db bun.IDB, r *model.Region) error {
	_, err := db.NewInsert().Model(r).Returning("id").Exec(ctx)
	return duplicate(err)
}

// RegionByName loads the region with this name, whatever its capitals.
func RegionByName(ctx context.Context, db bun.IDB, name string) (*model.Region, error) {
	r := new(model.Region)
	err := db.NewSelect().Model(r).Where("lower(?TableAlias.name) = lower(?)", name).Scan(ctx)
	return r, notFound(err)
}

// Regions lists every region by name.
func Regions(ctx context.Context, db bun.IDB) ([]model.Region, error) {
	var list []model.Region
	err := db.NewSelect().Model(&list).OrderExpr("?TableAlias.name ASC").Scan(ctx)
	return list, err
}

// OrganisationsWithRegions lists every organisation by name, each with its
// region, for the pickers that show a region's organisations first.
func OrganisationsWithRegions(ctx context.Context, db bun.IDB) ([]model.Organisation, error) {
	var list []model.Organisation
	err := db.NewSelect().Model(&list).Relation("Region").OrderExpr("?TableAlias.name ASC").Scan(ctx)
	return list, err
}

// SetOrganisationRegion puts an organisation in a region, or in none.
func SetOrganisationRegion(ctx context.Context, db bun.IDB, id int64, regionID *int64) error {
	res, err := db.NewUpdate().Model((*model.Organisation)(nil)).
		Set("region_id = ?", regionID).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}

// SetWorkspaceRegion puts a workspace in a region, or in none.
func SetWorkspaceRegion(ctx context.Context, db bun.IDB, id int64, regionID *int64) error {
	res, err := db.NewUpdate().Model((*model.Workspace)(nil)).
		Set("region_id = ?", regionID).Where("id = ?", id).Exec(ctx)
	return affected(res, err)
}
