package demo

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// seedMeetings gives a workspace a past training, with minutes and
// outcomes, and an upcoming case conference, unless it has meetings.
// Case material in the demo is fictional and pseudonymised.
func seedMeetings(ctx context.Context, tx bun.Tx, w *model.Workspace, def workspace, userIDs map[string]int64, now time.Time) error {
	existing, err := store.Meetings(ctx, tx, w.ID)
	if err != nil || len(existing) > 0 {
		return err
	}
	plans, err := store.Plans(ctx, tx, w.ID)
	if err != nil {
		return err
	}
	var planID *int64
	if len(plans) > 0 {
		planID = &plans[0].ID
	}
	creator := userIDs[def.members[0].email]
	type item struct {
		title            string
		kind             model.ItemKind
		minutes          int
		notes, caseNotes string
	}
	meetings := []struct {
		title   string
		kind    model.MeetingKind
		in      int
		start   string
		minutes int
		state   model.MeetingState
		place   string
		items   []item
		guest   string
		outcome []model.Outcome
	}{
		{"Training kindgerichte aanpak", model.MeetingTraining, -14, "09:00", 180, model.MeetingFinished, "Stadhuis, zaal 2", []item{
			{"Opening en doelen", model.ItemInformation, 15, "Doelen: signalen herkennen en samen handelen vanuit kinderrechten.", ""},
			{"Kinderrechten als uitgangspunt", model.ItemInformation, 30, "Artikelen 3, 12, 19 en 34 besproken; het kind wordt gehoord.", ""},
			{"Casusbespreking met een ervaringsdeskundige", model.ItemCase, 45, "", "Fictieve casus, gepseudonimiseerd: jongere A, 15 jaar, had via [account] contact met een oudere jongen; [school] en Veilig Thuis zijn betrokken."},
			{"Samenwerking en behandeling van slachtoffers", model.ItemDiscussion, 45, "Wie belt wie bij een signaal: afspraken per partner.", ""},
			{"Afspraken en acties", model.ItemDecision, 30, "", ""},
			{"Afsluiting", model.ItemInformation, 15, "", ""},
		}, "Ervaringsdeskundige (gast)", nil},
		{"Casusoverleg minderjarigen", model.MeetingCaseConf, 7, "13:30", 80, model.MeetingPlanned, "Zorg- en Veiligheidshuis", []item{
			{"Opening en vaststellen agenda", model.ItemInformation, 5, "", ""},
			{"Actielijst vorig overleg", model.ItemDiscussion, 15, "", ""},
			{"Casus", model.ItemCase, 40, "", ""},
			{"Afspraken en acties", model.ItemDecision, 15, "", ""},
			{"Rondvraag en sluiting", model.ItemInformation, 5, "", ""},
		}, "", nil},
	}
	var changes []model.Change
	for mi, d := range meetings {
		m := &model.Meeting{
			WorkspaceID: w.ID, Title: d.title, Kind: d.kind, Date: now.AddDate(0, 0, d.in).Format(time.DateOnly),
			StartTime: d.start, Duration: d.minutes, Location: d.place, State: d.state, PlanID: planID,
			Version: 1, CreatedBy: creator, CreatedAt: now, UpdatedAt: now,
		}
		if err := store.CreateMeeting(ctx, tx, m); err != nil {
			return err
		}
		changes = append(changes, model.Change{WorkspaceID: w.ID, Entity: model.EntityMeeting, EntityID: m.ID, Version: 1,
			UserID: creator, Field: model.FieldCreated, NewValue: m.Title, CreatedAt: now})
		for _, mb := range def.members {
			id := userIDs[mb.email]
			a := &model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, UserID: &id, RSVP: model.RSVPComing, CreatedAt: now}
			if d.state == model.MeetingFinished {
				a.Presence = model.PresenceHere
			}
			if err := store.CreateAttendee(ctx, tx, a); err != nil {
				return err
			}
		}
		var guestID *int64
		if d.guest != "" {
			g := &model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, GuestName: d.guest, GuestOrganisation: "Onafhankelijk",
				RSVP: model.RSVPComing, Presence: model.PresenceHere, CreatedAt: now}
			if err := store.CreateAttendee(ctx, tx, g); err != nil {
				return err
			}
			guestID = &g.ID
		}
		for i, it := range d.items {
			a := &model.AgendaItem{WorkspaceID: w.ID, MeetingID: m.ID, Title: it.title, Kind: it.kind, Duration: it.minutes,
				Notes: it.notes, CaseNotes: it.caseNotes, Position: float64(i + 1), Version: 1, CreatedBy: creator, CreatedAt: now, UpdatedAt: now}
			if it.kind == model.ItemCase && guestID != nil {
				a.PresenterAttendeeID = guestID
			}
			if err := store.CreateItem(ctx, tx, a); err != nil {
				return err
			}
			if mi == 0 && it.kind == model.ItemDecision {
				for _, o := range []model.Outcome{
					{Kind: model.OutcomeDecision, Text: "Elke partner wijst een aandachtsfunctionaris aan."},
					{Kind: model.OutcomeInformation, Text: "De signalenkaart is bij alle partners bekend."},
				} {
					o.WorkspaceID, o.MeetingID, o.ItemID, o.CreatedBy, o.CreatedAt = w.ID, m.ID, a.ID, creator, now
					if err := store.CreateOutcome(ctx, tx, &o); err != nil {
						return err
					}
				}
			}
		}
	}
	return store.AddChanges(ctx, tx, changes)
}
