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

// OrganisationInput is what an administrator fills in for an organisation.
type OrganisationInput struct {
	Name string
	Kind model.OrganisationKind
}

// CreateOrganisation validates in and stores a new organisation.
func (s *Service) CreateOrganisation(ctx context.Context, actor *model.User, in OrganisationInput) (*model.Organisation, error) {
	if actor != nil && !s.Authz.CanPlatform(actor, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	var v apperr.Validation
	o := &model.Organisation{Name: text(&v, "name", in.Name, true, MaxName), Kind: in.Kind, CreatedAt: time.Now().UTC()}
	if !o.Kind.Valid() {
		v.Add("kind", "validation.choice")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.CreateOrganisation(ctx, tx, o); err != nil {
			return err
		}
		return s.auditPlatform(ctx, tx, actor, model.AuditOrganisationCreate, model.AuditObjectOrganisation, o.ID, string(o.Kind))
	})
	if err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			v.Add("name", "validation.name_taken")
			return nil, v.Err()
		}
		return nil, err
	}
	return o, nil
}
