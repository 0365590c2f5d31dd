// Package demo seeds Schakel with fictional example data: five
// municipalities, a regional network, partner organisations and one account
// per role. Seeding twice changes nothing the second time. No personal data
// of real people or children is in it.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// Password is the password of every demo account.
const Password = "schakel-demo-2026"

// Login is a demo account as printed for a newcomer.
type Login struct {
	Email string
	Role  string
}

// Logins lists the demo accounts, one per role.
var Logins = []Login{
	{"anna.devries@havenstad.example", "coordinator (regisseur), Gemeente Havenstad"},
	{"mo.bakker@veiligthuis-kustland.example", "co-coordinator (mederegisseur), Veilig Thuis Kustland"},
	{"sanne.jansen@politie-kustland.example", "contributor (bewerker), Politie Kustland – AVIM"},
	{"youssef.elamrani@jeugdbescherming-kustland.example", "viewer (lezer), Jeugdbescherming Kustland"},
	{"pieter.smit@lindendal.example", "coordinator of Lindendal and Regio Lindendal (not a member of Havenstad)"},
	{"lotte.visser@defenceforchildren.example", "reviewer (beoordelaar), Defence for Children"},
	{"beheer@schakel.example", "administrator (beheerder)"},
}

// The demo's regions: the coast around Havenstad, and the region of the
// network Regio Lindendal.
const (
	kustland  = "Kustland"
	lindendal = "Lindendal"
)

type org struct {
	name   string
	kind   model.OrganisationKind
	region string
}

var organisations = []org{
	{"Gemeente Havenstad", model.OrgMunicipality, kustland},
	{"Gemeente Lindendal", model.OrgMunicipality, lindendal},
	{"Gemeente Bergvliet", model.OrgMunicipality, lindendal},
	{"Gemeente Waterzande", model.OrgMunicipality, kustland},
	{"Gemeente Rietveen", model.OrgMunicipality, lindendal},
	{"Politie Kustland – AVIM", model.OrgPolice, kustland},
	{"Veilig Thuis Kustland", model.OrgVeiligThuis, kustland},
	{"Jeugdbescherming Kustland", model.OrgYouthProtection, kustland},
	{"GGD Kustland", model.OrgHealth, kustland},
	{"Zorg- en Veiligheidshuis Lindendal", model.OrgSafetyHouse, lindendal},
	{"Jeugdhulp De Brug", model.OrgYouthCare, ""},
	{"Defence for Children", model.OrgReviewer, ""},
	{"Schakel platformbeheer", model.OrgPlatform, ""},
}

type account struct {
	name, email, org string
	platform         model.PlatformRole
}

var accounts = []account{
	{"Anna de Vries", "anna.devries@havenstad.example", "Gemeente Havenstad", model.PlatformNone},
	{"Mo Bakker", "mo.bakker@veiligthuis-kustland.example", "Veilig Thuis Kustland", model.PlatformNone},
	{"Sanne Jansen", "sanne.jansen@politie-kustland.example", "Politie Kustland – AVIM", model.PlatformNone},
	{"Youssef El Amrani", "youssef.elamrani@jeugdbescherming-kustland.example", "Jeugdbescherming Kustland", model.PlatformNone},
	{"Pieter Smit", "pieter.smit@lindendal.example", "Gemeente Lindendal", model.PlatformNone},
	{"Fatima Ouali", "fatima.ouali@bergvliet.example", "Gemeente Bergvliet", model.PlatformNone},
	{"Joost van Dijk", "joost.vandijk@waterzande.example", "Gemeente Waterzande", model.PlatformNone},
	{"Ingrid Mulder", "ingrid.mulder@rietveen.example", "Gemeente Rietveen", model.PlatformNone},
	{"Karin Hoekstra", "karin.hoekstra@ggd-kustland.example", "GGD Kustland", model.PlatformNone},
	{"Bram Koster", "bram.koster@zvh-lindendal.example", "Zorg- en Veiligheidshuis Lindendal", model.PlatformNone},
	{"Esra Yilmaz", "esra.yilmaz@debrug.example", "Jeugdhulp De Brug", model.PlatformNone},
	{"Lotte Visser", "lotte.visser@defenceforchildren.example", "Defence for Children", model.PlatformReviewer},
	{"Beheer Schakel", "beheer@schakel.example", "Schakel platformbeheer", model.PlatformAdministrator},
}

type workspace struct {
	name        string
	kind        model.WorkspaceKind
	region      string
	description string
	members     []member
}

type member struct {
	email string
	role  model.Role
}

var workspaces = []workspace{
	{"Havenstad", model.WorkspaceMunicipality, kustland,
		"Voorbeeldgemeente. Havenstad werkt met politie, Veilig Thuis en jeugdbescherming aan een kindgerichte aanpak van seksuele uitbuiting van minderjarigen.",
		[]member{
			{"anna.devries@havenstad.example", model.RoleCoordinator},
			{"mo.bakker@veiligthuis-kustland.example", model.RoleEditor},
			{"sanne.jansen@politie-kustland.example", model.RoleContributor},
			{"youssef.elamrani@jeugdbescherming-kustland.example", model.RoleViewer},
			{"karin.hoekstra@ggd-kustland.example", model.RoleContributor},
			{"esra.yilmaz@debrug.example", model.RoleContributor},
		}},
	{"Lindendal", model.WorkspaceMunicipality, lindendal,
		"Voorbeeldgemeente en centrumgemeente van Regio Lindendal.",
		[]member{
			{"pieter.smit@lindendal.example", model.RoleCoordinator},
			{"sanne.jansen@politie-kustland.example", model.RoleContributor},
			{"bram.koster@zvh-lindendal.example", model.RoleEditor},
			{"mo.bakker@veiligthuis-kustland.example", model.RoleContributor},
		}},
	{"Bergvliet", model.WorkspaceMunicipality, lindendal,
		"Voorbeeldgemeente in Regio Lindendal.",
		[]member{
			{"fatima.ouali@bergvliet.example", model.RoleCoordinator},
			{"bram.koster@zvh-lindendal.example", model.RoleContributor},
			{"esra.yilmaz@debrug.example", model.RoleContributor},
		}},
	{"Waterzande", model.WorkspaceMunicipality, kustland,
		"Voorbeeldgemeente aan de kust.",
		[]member{
			{"joost.vandijk@waterzande.example", model.RoleCoordinator},
			{"mo.bakker@veiligthuis-kustland.example", model.RoleContributor},
			{"karin.hoekstra@ggd-kustland.example", model.RoleViewer},
		}},
	{"Rietveen", model.WorkspaceMunicipality, lindendal,
		"Voorbeeldgemeente in Regio Lindendal.",
		[]member{
			{"ingrid.mulder@rietveen.example", model.RoleCoordinator},
			{"youssef.elamrani@jeugdbescherming-kustland.example", model.RoleContributor},
		}},
	{"Regio Lindendal", model.WorkspaceNetwork, lindendal,
		"Voorbeeld van een regionaal netwerk: Lindendal (centrumgemeente), Bergvliet en Rietveen plannen samen met hun ketenpartners.",
		[]member{
			{"pieter.smit@lindendal.example", model.RoleCoordinator},
			{"fatima.ouali@bergvliet.example", model.RoleEditor},
			{"ingrid.mulder@rietveen.example", model.RoleEditor},
			{"bram.koster@zvh-lindendal.example", model.RoleContributor},
			{"sanne.jansen@politie-kustland.example", model.RoleContributor},
		}},
}

// Seed inserts whatever of the demo data is missing, in one transaction.
// hashing sets the cost of the demo passwords.
func Seed(ctx context.Context, db *bun.DB, hashing password.Params) error {
	now := time.Now().UTC()
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		regionIDs, err := seedRegions(ctx, tx, now)
		if err != nil {
			return err
		}
		orgIDs := map[string]int64{}
		for _, o := range organisations {
			found, err := store.OrganisationByName(ctx, tx, o.name)
			if errors.Is(err, store.ErrNotFound) {
				found = &model.Organisation{Name: o.name, Kind: o.kind, CreatedAt: now}
				err = store.CreateOrganisation(ctx, tx, found)
			}
			if err == nil && found.RegionID == nil && o.region != "" {
				err = store.SetOrganisationRegion(ctx, tx, found.ID, regionIDs[o.region])
			}
			if err != nil {
				return fmt.Errorf("organisation %s: %w", o.name, err)
			}
			orgIDs[o.name] = found.ID
		}
		userIDs := map[string]int64{}
		for _, a := range accounts {
			found, err := store.UserByEmail(ctx, tx, a.email)
			if errors.Is(err, store.ErrNotFound) {
				var hash string
				if hash, err = password.Hash(Password, hashing); err != nil {
					return err
				}
				found = &model.User{
					Name: a.name, Email: a.email, PasswordHash: hash, OrganisationID: orgIDs[a.org],
					PlatformRole: a.platform, Locale: i18n.Default, CreatedAt: now, UpdatedAt: now,
				}
				err = store.CreateUser(ctx, tx, found)
			}
			if err != nil {
				return fmt.Errorf("account %s: %w", a.email, err)
			}
			userIDs[a.email] = found.ID
		}
		for _, w := range workspaces {
			found, err := store.WorkspaceByName(ctx, tx, w.name)
			if errors.Is(err, store.ErrNotFound) {
				found = &model.Workspace{Name: w.name, Kind: w.kind, Description: w.description, CreatedAt: now}
				err = store.CreateWorkspace(ctx, tx, found)
			}
			if err == nil && found.RegionID == nil {
				err = store.SetWorkspaceRegion(ctx, tx, found.ID, regionIDs[w.region])
			}
			if err != nil {
				return fmt.Errorf("workspace %s: %w", w.name, err)
			}
			for _, m := range w.members {
				_, err := store.MembershipOf(ctx, tx, found.ID, userIDs[m.email])
				if errors.Is(err, store.ErrNotFound) {
					err = store.CreateMembership(ctx, tx, &model.Membership{
						WorkspaceID: found.ID, UserID: userIDs[m.email], Role: m.role, CreatedAt: now,
					})
				}
				if err != nil {
					return fmt.Errorf("membership %s in %s: %w", m.email, w.name, err)
				}
			}
			if err := seedPlan(ctx, tx, found, w, userIDs, orgIDs, now); err != nil {
				return fmt.Errorf("plan of %s: %w", w.name, err)
			}
			if err := seedAssessments(ctx, tx, found, userIDs, now); err != nil {
				return fmt.Errorf("assessments of %s: %w", w.name, err)
			}
			if err := seedMeetings(ctx, tx, found, w, userIDs, now); err != nil {
				return fmt.Errorf("meetings of %s: %w", w.name, err)
			}
			if err := seedDiscussion(ctx, tx, found, w, userIDs, now); err != nil {
				return fmt.Errorf("comments of %s: %w", w.name, err)
			}
			if err := seedInvitation(ctx, tx, found, userIDs, orgIDs, now); err != nil {
				return fmt.Errorf("invitation of %s: %w", w.name, err)
			}
		}
		if err := seedGuide(ctx, tx, userIDs, now); err != nil {
			return fmt.Errorf("guide: %w", err)
		}
		if err := seedProgramme(ctx, tx, now); err != nil {
			return fmt.Errorf("programme: %w", err)
		}
		return nil
	})
}

// IsAccount reports whether the address is one of the demo accounts'.
func IsAccount(email string) bool {
	for _, a := range accounts {
		if a.email == email {
			return true
		}
	}
	return false
}
