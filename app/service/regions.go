package service

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// Regions lists every region by name, for suggesting one in a form.
func (s *Service) Regions(ctx context.Context) ([]model.Region, error) {
	return store.Regions(ctx, s.DB)
}

// region returns the id of the region with this name, making it if it is
// new; none for "". Names match whatever their capitals.
func (s *Service) region(ctx context.Context, tx bun.IDB, name string, now time.Time) (*int64, error) {
	if name == "" {
		return nil, nil
	}
	r, err := store.RegionByName(ctx, tx, name)
	if errors.Is(err, store.ErrNotFound) {
		r = &model.Region{Name: name, CreatedAt: now}
		err = store.CreateRegion(ctx, tx, r)
	}
	if err != nil {
		return nil, err
	}
	return &r.ID, nil
}

// OrganisationGroup is one group of a picker of organisations: those of
// one region (Home: the workspace's own), or those of none.
type OrganisationGroup struct {
	Region        *model.Region
	Home          bool
	Organisations []model.Organisation
}

// OrganisationChoices are the organisations a picker in a workspace offers:
// those of the workspace's region first, then all others. A workspace
// without a region offers one group. Organisation names are no secret to
// whoever may pick one.
func (s *Service) OrganisationChoices(ctx context.Context, workspaceID int64) ([]OrganisationGroup, error) {
	w, err := store.Workspace(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	orgs, err := store.OrganisationsWithRegions(ctx, s.DB)
	if err != nil {
		return nil, err
	}
	return homeFirst(w.RegionID, orgs), nil
}

// homeFirst splits orgs into those of the region home and the others.
func homeFirst(home *int64, orgs []model.Organisation) []OrganisationGroup {
	if home == nil {
		return []OrganisationGroup{{Organisations: orgs}}
	}
	mine := OrganisationGroup{Home: true}
	others := OrganisationGroup{}
	for _, o := range orgs {
		if o.RegionID != nil && *o.RegionID == *home {
			mine.Region = o.Region
			mine.Organisations = append(mine.Organisations, o)
		} else {
			others.Organisations = append(others.Organisations, o)
		}
	}
	if len(mine.Organisations) == 0 {
		return []OrganisationGroup{others}
	}
	return []OrganisationGroup{mine, others}
}

// OrganisationsByRegion groups every organisation by region, regions by
// name and those of none last, for the administrator's pickers, which
// belong to no workspace.
func (s *Service) OrganisationsByRegion(ctx context.Context) ([]OrganisationGroup, error) {
	orgs, err := store.OrganisationsWithRegions(ctx, s.DB)
	if err != nil {
		return nil, err
	}
	regions, err := store.Regions(ctx, s.DB)
	if err != nil {
		return nil, err
	}
	groups := make([]OrganisationGroup, len(regions))
	index := map[int64]int{}
	for i := range regions {
		groups[i].Region = &regions[i]
		index[regions[i].ID] = i
	}
	var none OrganisationGroup
	for _, o := range orgs {
		if o.RegionID != nil {
			if i, ok := index[*o.RegionID]; ok {
				groups[i].Organisations = append(groups[i].Organisations, o)
				continue
			}
		}
		none.Organisations = append(none.Organisations, o)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Organisations) > 0 {
			out = append(out, g)
		}
	}
	if len(none.Organisations) > 0 {
		out = append(out, none)
	}
	return out, nil
}

// OrganisationsWithRegions lists every organisation by name with its
// region, for the administrator's list.
func (s *Service) OrganisationsWithRegions(ctx context.Context) ([]model.Organisation, error) {
	return store.OrganisationsWithRegions(ctx, s.DB)
}

// SetOrganisationRegion puts an organisation in the region of this name,
// made if it is new, or in none for "". Only an administrator may.
func (s *Service) SetOrganisationRegion(ctx context.Context, actor *model.User, id int64, name string) error {
	return s.setRegion(ctx, actor, name, func(ctx context.Context, tx bun.Tx, region *int64) error {
		return store.SetOrganisationRegion(ctx, tx, id, region)
	})
}

// SetWorkspaceRegion puts a workspace in the region of this name, made if
// it is new, or in none for "". Only an administrator may.
func (s *Service) SetWorkspaceRegion(ctx context.Context, actor *model.User, id int64, name string) error {
	return s.setRegion(ctx, actor, name, func(ctx context.Context, tx bun.Tx, region *int64) error {
		return store.SetWorkspaceRegion(ctx, tx, id, region)
	})
}

func (s *Service) setRegion(ctx context.Context, actor *model.User, name string, set func(context.Context, bun.Tx, *int64) error) error {
	if !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return apperr.Forbidden()
	}
	var v apperr.Validation
	name = text(&v, "region", name, false, MaxName)
	if err := v.Err(); err != nil {
		return err
	}
	return notFoundErr(s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		region, err := s.region(ctx, tx, name, time.Now().UTC())
		if err != nil {
			return err
		}
		return set(ctx, tx, region)
	}))
}
