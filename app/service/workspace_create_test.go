package service_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestAdministratorMakesAWorkspaceWithItsCoordinator(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		admin, err := store.UserByEmail(o.ctx, db, "beheer@schakel.example")
		if err != nil {
			t.Fatal(err)
		}

		t.Run("a coordinator without an account is invited", func(t *testing.T) {
			made, err := o.svc.CreateWorkspace(o.ctx, admin, service.WorkspaceInput{
				Name: "Zilverhaven", Kind: model.WorkspaceMunicipality, Region: "Zuidkust", Description: "Nieuwe gemeente",
				NewOrganisation: "Gemeente Zilverhaven", NewOrganisationKind: model.OrgMunicipality,
				CoordinatorEmail: "Noor@Zilverhaven.example", CoordinatorName: "Noor", Language: "nl",
			})
			if err != nil {
				t.Fatal(err)
			}
			if !made.Invited || made.Workspace.RegionID == nil {
				t.Fatalf("made %+v", made)
			}
			org, err := store.OrganisationByName(o.ctx, db, "Gemeente Zilverhaven")
			if err != nil || org.RegionID == nil || *org.RegionID != *made.Workspace.RegionID {
				t.Fatalf("the new organisation is not in the workspace's region: %+v %v", org, err)
			}
			var inv model.Invitation
			if err := db.NewSelect().Model(&inv).Where("workspace_id = ?", made.Workspace.ID).Scan(o.ctx); err != nil {
				t.Fatal(err)
			}
			if inv.Email != "noor@zilverhaven.example" || inv.Role != model.RoleCoordinator || inv.OrganisationID == nil || *inv.OrganisationID != org.ID || inv.Name != "Noor" {
				t.Fatalf("invitation %+v", inv)
			}
			msgs := o.outbox(t, inv.Email)
			if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "Beheer Schakel") || !strings.Contains(msgs[0].Text, "Als regisseur beheer je de werkruimte") {
				t.Fatalf("e-mails to the coordinator: %+v", msgs)
			}
			if n, _ := db.NewSelect().Model((*model.Membership)(nil)).Where("workspace_id = ?", made.Workspace.ID).Count(o.ctx); n != 0 {
				t.Fatalf("%d members before the invitation is accepted", n)
			}
			if got := o.audit(t, model.AuditWorkspaceCreated); len(got) != 1 || *got[0].WorkspaceID != made.Workspace.ID {
				t.Fatalf("audit of the workspace: %+v", got)
			}
			u, _, err := o.svc.AcceptInvitationNew(o.ctx, o.token(t, inv.Email), service.AccountSetup{Name: "Noor Peeters", Password: "een lange zin als wachtwoord"})
			if err != nil {
				t.Fatal(err)
			}
			if u.OrganisationID != org.ID || !o.svc.Authz.Can(u, made.Workspace.ID, "members", "manage") {
				t.Fatal("the invited coordinator does not manage the workspace")
			}
		})

		t.Run("a coordinator with an account becomes one at once", func(t *testing.T) {
			made, err := o.svc.CreateWorkspace(o.ctx, admin, service.WorkspaceInput{
				Name: "Regio Zuidkust", Kind: model.WorkspaceNetwork, Region: "ZUIDKUST",
				Organisation: itoa(orgID(t, db, "Gemeente Lindendal")), CoordinatorEmail: o.pieter.Email, Language: "nl",
			})
			if err != nil {
				t.Fatal(err)
			}
			regions, err := store.Regions(o.ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			zuidkust := 0
			for _, r := range regions {
				if strings.EqualFold(r.Name, "zuidkust") {
					zuidkust++
				}
			}
			if made.Invited || zuidkust != 1 {
				t.Fatalf("invited %v; %d regions named Zuidkust", made.Invited, zuidkust)
			}
			if !o.svc.Authz.Can(o.pieter, made.Workspace.ID, "members", "manage") {
				t.Fatal("the coordinator does not manage the workspace at once")
			}
			msgs := o.outbox(t, o.pieter.Email)
			if len(msgs) != 1 || msgs[0].Kind != "coordinator" || !strings.Contains(msgs[0].Text, "/workspaces/"+itoa(made.Workspace.ID)) {
				t.Fatalf("e-mails to the coordinator: %+v", msgs)
			}
		})

		lotte, err := store.UserByEmail(o.ctx, db, "lotte.visser@defenceforchildren.example")
		if err != nil {
			t.Fatal(err)
		}
		ok := service.WorkspaceInput{
			Name: "Nieuwdorp", Kind: model.WorkspaceMunicipality, Organisation: itoa(orgID(t, db, "Gemeente Bergvliet")),
			CoordinatorEmail: "regisseur@nieuwdorp.example", Language: "nl",
		}
		with := func(change func(*service.WorkspaceInput)) service.WorkspaceInput {
			in := ok
			change(&in)
			return in
		}
		for _, tt := range []struct {
			name   string
			in     service.WorkspaceInput
			fields map[string]string
		}{
			{"everything missing at once", service.WorkspaceInput{}, map[string]string{
				"name": "validation.required", "kind": "validation.choice",
				"organisation": "workspaces.error.organisation_required", "coordinator": "validation.required",
			}},
			{"a name in use", with(func(in *service.WorkspaceInput) { in.Name = "Havenstad" }), map[string]string{"name": "validation.name_taken"}},
			{"an organisation chosen and a new one", with(func(in *service.WorkspaceInput) { in.NewOrganisation = "Gemeente Nieuwdorp" }), map[string]string{"organisation": "workspaces.error.organisation_both"}},
			{"a new organisation whose name is taken", with(func(in *service.WorkspaceInput) {
				in.Organisation, in.NewOrganisation, in.NewOrganisationKind = "", "GGD Kustland", model.OrgHealth
			}), map[string]string{"new_organisation": "validation.name_taken"}},
			{"a new organisation of no kind", with(func(in *service.WorkspaceInput) {
				in.Organisation, in.NewOrganisation = "", "Gemeente Nieuwdorp"
			}), map[string]string{"new_organisation_kind": "validation.choice"}},
			{"an organisation that does not exist", with(func(in *service.WorkspaceInput) { in.Organisation = "999999" }), map[string]string{"organisation": "validation.choice"}},
			{"a reviewer as coordinator", with(func(in *service.WorkspaceInput) { in.CoordinatorEmail = lotte.Email }), map[string]string{"coordinator": "members.error.platform_account"}},
			{"no e-mail address", with(func(in *service.WorkspaceInput) { in.CoordinatorEmail = "regisseur" }), map[string]string{"coordinator": "validation.email"}},
			{"a language Schakel does not speak", with(func(in *service.WorkspaceInput) { in.Language = "fy" }), map[string]string{"language": "validation.choice"}},
			{"a 100 kB region", with(func(in *service.WorkspaceInput) { in.Region = strings.Repeat("r", 100000) }), map[string]string{"region": "validation.too_long"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := o.rows(t)
				counts := func() [3]int {
					var n [3]int
					for i, m := range []any{(*model.Workspace)(nil), (*model.Organisation)(nil), (*model.Region)(nil)} {
						n[i], _ = db.NewSelect().Model(m).Count(o.ctx)
					}
					return n
				}
				was := counts()
				_, err := o.svc.CreateWorkspace(o.ctx, admin, tt.in)
				if status(err) != http.StatusUnprocessableEntity {
					t.Fatalf("status %d (%v), want 422", status(err), err)
				}
				for field, want := range tt.fields {
					if got := fieldError(err, field); got != want {
						t.Errorf("error at %s: %q, want %q", field, got, want)
					}
				}
				if after := o.rows(t); after != before || counts() != was {
					t.Fatalf("refused input wrote rows: %v %v → %v %v", before, was, after, counts())
				}
			})
		}
		t.Run("only an administrator", func(t *testing.T) {
			for _, u := range []*model.User{o.anna, lotte} {
				if _, err := o.svc.CreateWorkspace(o.ctx, u, ok); status(err) != http.StatusForbidden {
					t.Errorf("%s made a workspace: %v", u.Email, err)
				}
			}
		})
	})
}

func TestOrganisationPickersShowTheRegionFirst(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		o := setupOnboarding(t, db)
		groups, err := o.svc.OrganisationChoices(o.ctx, o.ws)
		if err != nil {
			t.Fatal(err)
		}
		names := func(g service.OrganisationGroup) string {
			var out []string
			for _, org := range g.Organisations {
				out = append(out, org.Name)
			}
			return strings.Join(out, ", ")
		}
		if len(groups) != 2 || !groups[0].Home || groups[0].Region == nil || groups[0].Region.Name != "Kustland" {
			t.Fatalf("groups %+v", groups)
		}
		if got := names(groups[0]); got != "GGD Kustland, Gemeente Havenstad, Gemeente Waterzande, Jeugdbescherming Kustland, Politie Kustland – AVIM, Veilig Thuis Kustland" {
			t.Errorf("Havenstad's region: %s", got)
		}
		if got := names(groups[1]); !strings.Contains(got, "Jeugdhulp De Brug") || strings.Contains(got, "Kustland") {
			t.Errorf("the other organisations: %s", got)
		}
		all, err := o.svc.OrganisationsByRegion(o.ctx)
		if err != nil {
			t.Fatal(err)
		}
		var regions []string
		for _, g := range all {
			if g.Region != nil {
				regions = append(regions, g.Region.Name)
			} else {
				regions = append(regions, "-")
			}
		}
		if strings.Join(regions, ",") != "Kustland,Lindendal,-" {
			t.Errorf("groups of the administrator's picker: %v", regions)
		}
	})
}
