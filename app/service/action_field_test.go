package service_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestActionSaveReturnsTheActionAsShown(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Meldcode opfrissen", model.ThemePrevention)
		org, err := store.Organisation(ctx, db, f.sanne.OrganisationID)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, field, value  string
			owner, organisation string
		}{
			{"an owner", "owner", itoa(f.sanne.ID), f.sanne.Name, ""},
			{"an owning organisation", "owner_organisation", itoa(org.ID), f.sanne.Name, org.Name},
			{"another field keeps the owners", "title", "Meldcode opfrissen met de scholen", f.sanne.Name, org.Name},
			{"no owner", "owner", "", "", org.Name},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				cur, _ := store.Action(ctx, db, f.ws, a.ID)
				got, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, tt.field, tt.value, cur.Version)
				if err != nil {
					t.Fatal(err)
				}
				var owner, organisation string
				if got.OwnerUser != nil {
					owner = got.OwnerUser.Name
				}
				if got.OwnerOrganisation != nil {
					organisation = got.OwnerOrganisation.Name
				}
				if owner != tt.owner || organisation != tt.organisation {
					t.Fatalf("the saved action shows owner %q of %q, want %q of %q", owner, organisation, tt.owner, tt.organisation)
				}
				if got.OwnerUser != nil && got.OwnerUser.PasswordHash != "" {
					t.Fatal("the saved action carries its owner's password hash")
				}
			})
		}
	})
}
