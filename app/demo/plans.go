package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// planTitle is the title of every workspace's demo plan; a workspace that
// has a plan of this title is left alone.
const planTitle = "Plan van aanpak kindgerichte aanpak 2026–2027"

// demoAction is one action of a demo plan. Owners are given by e-mail
// address and organisation name; dueIn counts days from the day of seeding.
type demoAction struct {
	theme                model.Theme
	title, description   string
	status               model.ActionStatus
	progress             int
	ownerEmail, ownerOrg string
	dueIn                int
	rights               string
}

// Actions on every theme of both frameworks; each workspace gets the ones
// of its plan's framework, owned by members where the member is there.
var demoActions = []demoAction{
	{model.ThemePrevention, "Voorlichting over pooierboys op alle middelbare scholen",
		"Twee lessen per school in leerjaar 2 en 3, met een ervaringsdeskundige. Ouders krijgen een avond.",
		model.ActionInProgress, 40, "esra.yilmaz@debrug.example", "Jeugdhulp De Brug", 90, "3,19,34"},
	{model.ThemePrevention, "Jongerenwerkers trainen in het gesprek over grenzen",
		"Dagdeel training met casuïstiek, kinderrechten als uitgangspunt.",
		model.ActionPlanned, 0, "", "Gemeente Havenstad", 150, "12,19"},
	{model.ThemeSignalling, "Signalenkaart seksuele uitbuiting verspreiden onder professionals",
		"Kaart afgestemd met Veilig Thuis (0800-2000) en de meldcode in vijf stappen.",
		model.ActionDone, 100, "mo.bakker@veiligthuis-kustland.example", "Veilig Thuis Kustland", -30, "19,34"},
	{model.ThemeSignalling, "Aandachtsfunctionarissen aanwijzen bij scholen en sportclubs",
		"", model.ActionBlocked, 25, "", "Gemeente Havenstad", -10, "3,19"},
	{model.ThemeInvestigation, "Vaste contactpersoon AVIM voor de zorgcoördinator",
		"Maandelijks afstemmen over signalen; minderjarigen worden kindvriendelijk gehoord.",
		model.ActionInProgress, 50, "sanne.jansen@politie-kustland.example", "Politie Kustland – AVIM", 45, "3,34,35"},
	{model.ThemeCare, "Opvangplekken voor minderjarige slachtoffers in de regio in kaart",
		"Met jeugdbescherming en de zorgcoördinator mensenhandel; aandacht voor nazorg en herstel.",
		model.ActionPlanned, 0, "youssef.elamrani@jeugdbescherming-kustland.example", "Jeugdbescherming Kustland", 120, "3,39"},
	{model.ThemePolicy, "Kinderrechten opnemen in het beleidsplan mensenhandel",
		"De leidraad van Defence for Children gebruiken bij de herziening.",
		model.ActionInProgress, 60, "", "", 60, "2,3,6,12"},
	{model.ThemeSpotting, "Casusoverleg minderjarigen elke maand",
		"", model.ActionInProgress, 50, "", "Zorg- en Veiligheidshuis Lindendal", 30, "3,12"},
	{model.ThemeAwareness, "Campagne voor ouders en jongeren over online grooming",
		"", model.ActionPlanned, 0, "", "GGD Kustland", 200, "16,34"},
	{model.ThemeCooperation, "Afspraken in de regio over één aanpak voor minderjarigen",
		"Convenant met alle ketenpartners in de regio.", model.ActionInProgress, 40, "", "", -5, "3"},
	{model.ThemeShelter, "Nazorg voor slachtoffers na hun achttiende regelen",
		"", model.ActionDropped, 0, "", "", 0, "39"},
}

// seedPlan gives a workspace its demo plan, unless it has one.
func seedPlan(ctx context.Context, tx bun.Tx, w *model.Workspace, def workspace, userIDs, orgIDs map[string]int64, now time.Time) error {
	plans, err := store.Plans(ctx, tx, w.ID)
	if err != nil {
		return err
	}
	for _, p := range plans {
		if p.Title == planTitle {
			return nil
		}
	}
	framework := model.FrameworkPillars
	if def.kind == model.WorkspaceNetwork || w.Name == "Lindendal" {
		framework = model.FrameworkVNG
	}
	if w.Name == "Waterzande" {
		framework = model.FrameworkBoth
	}
	creator := userIDs[def.members[0].email]
	p := &model.Plan{
		WorkspaceID: w.ID, Title: planTitle, PeriodStart: "2026-01-01", PeriodEnd: "2027-12-31",
		Status: model.PlanAdopted, Framework: framework, Version: 1, CreatedBy: creator, CreatedAt: now, UpdatedAt: now,
	}
	if err := store.CreatePlan(ctx, tx, p); err != nil {
		return err
	}
	history := []model.Change{{WorkspaceID: w.ID, Entity: model.EntityPlan, EntityID: p.ID, Version: 1,
		UserID: creator, Field: model.FieldCreated, NewValue: p.Title, CreatedAt: now}}
	members := map[string]bool{}
	for _, m := range def.members {
		members[m.email] = true
	}
	position := 0.0
	for _, d := range demoActions {
		if !framework.Has(d.theme) {
			continue
		}
		position++
		a := &model.Action{
			WorkspaceID: w.ID, PlanID: p.ID, Title: d.title, Description: d.description, Theme: d.theme,
			Status: d.status, Progress: d.progress, Position: position, Rights: d.rights, Version: 1,
			CreatedBy: creator, CreatedAt: now, UpdatedAt: now,
		}
		if d.dueIn != 0 {
			a.DueDate = now.AddDate(0, 0, d.dueIn).Format(time.DateOnly)
		}
		if id, ok := orgIDs[d.ownerOrg]; ok {
			a.OwnerOrganisationID = &id
		}
		if members[d.ownerEmail] {
			id := userIDs[d.ownerEmail]
			a.OwnerUserID = &id
		}
		past := actionPast(a, int(position)-1, creator, now)
		if err := store.CreateAction(ctx, tx, a); err != nil {
			return fmt.Errorf("action %q: %w", d.title, err)
		}
		for i := range past {
			past[i].EntityID = a.ID
		}
		history = append(history, past...)
	}
	return store.AddChanges(ctx, tx, history)
}
