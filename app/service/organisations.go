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

// OrganisationInput is what an administrator fills in for an organisation:
// its name, its kind and, if it works in one, its region.
type OrganisationInput struct {
	Name   string
	Kind   model.OrganisationKind
	Region string
}

// CreateOrganisation validates in and stores a new organisation, with its
// region (made if new) in the same transaction.
func (s *Service) CreateOrganisation(ctx context.Context, actor *model.User, in OrganisationInput) (*model.Organisation, error) {
	if actor != nil && !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	now := time.Now().UTC()
	o := &model.Organisation{Name: text(&v, "name", in.Name, true, MaxName), Kind: in.Kind, CreatedAt: now}
	if !o.Kind.Valid() {
		v.Add("kind", "validation.choice")
	}
	region := text(&v, "region", in.Region, false, MaxName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if o.RegionID, err = s.region(ctx, tx, region, now); err != nil {
			return err
		}
		if err := store.CreateOrganisation(ctx, tx, o); err != nil {
			return err
		}
		return s.auditPlatform(ctx, tx, actor, model.AuditOrganisationCreate, model.AuditObjectOrganisation, o.ID, string(o.Kind))
	})
	if errors.Is(err, store.ErrDuplicate) {
		v.Add("name", "validation.name_taken")
		return nil, v.Err()
	}
	if err != nil {
		return nil, err
	}
	return o, nil
}
