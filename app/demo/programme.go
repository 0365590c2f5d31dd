package demo

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// firstYear is the programme's first year: January to December 2023, with
// its target of five municipalities reached by a training, followed up in
// 2024.
const firstYear = 2023

// pastTrainings are the trainings the demo workspaces held in the first
// programme year (month and day), one per workspace.
var pastTrainings = []struct {
	workspace, date string
}{
	{"Havenstad", "-03-14"},
	{"Lindendal", "-05-23"},
	{"Bergvliet", "-09-19"},
	{"Waterzande", "-11-07"},
	{"Regio Lindendal", "-10-03"},
}

// seedProgramme adds the programme years 2023 (five municipalities), its
// follow-up 2024 and the current year, and the trainings of 2023 that the
// reach of that year counts; whatever of it is there already stays.
func seedProgramme(ctx context.Context, tx bun.Tx, userIDs map[string]int64, now time.Time) error {
	follows := firstYear
	current := now.In(time.UTC).Year()
	years := []model.ProgrammeYear{
		{Year: firstYear, TargetMunicipalities: 5, TargetNetworks: 1, TargetProfessionals: 60},
		{Year: firstYear + 1, TargetMunicipalities: 5, TargetNetworks: 1, TargetProfessionals: 80, FollowUpOf: &follows},
	}
	if current > firstYear+1 {
		years = append(years, model.ProgrammeYear{Year: current, TargetMunicipalities: 6, TargetNetworks: 2, TargetProfessionals: 100})
	}
	for _, y := range years {
		_, err := store.ProgrammeYearOf(ctx, tx, y.Year)
		if errors.Is(err, store.ErrNotFound) {
			y.CreatedAt, y.UpdatedAt = now, now
			err = store.CreateProgrammeYear(ctx, tx, &y)
		}
		if err != nil {
			return err
		}
	}
	for _, t := range pastTrainings {
		if err := seedPastTraining(ctx, tx, t.workspace, strconv.Itoa(firstYear)+t.date, userIDs, now); err != nil {
			return err
		}
	}
	return nil
}

// seedPastTraining gives a workspace a finished training on date, with
// its members present and an expert by experience as a guest, unless it
// has a meeting on that date.
func seedPastTraining(ctx context.Context, tx bun.Tx, name, date string, userIDs map[string]int64, now time.Time) error {
	w, err := store.WorkspaceByName(ctx, tx, name)
	if err != nil {
		return err
	}
	n, err := tx.NewSelect().Model((*model.Meeting)(nil)).Where("workspace_id = ?", w.ID).Where("date = ?", date).Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	var def workspace
	for _, d := range workspaces {
		if d.name == name {
			def = d
		}
	}
	creator := userIDs[def.members[0].email]
	m := &model.Meeting{
		WorkspaceID: w.ID, Title: "Training kinderrechten en mensenhandel", Kind: model.MeetingTraining, Date: date,
		StartTime: "09:30", Duration: 180, Location: "Gemeentehuis", State: model.MeetingFinished,
		Version: 1, CreatedBy: creator, CreatedAt: now, UpdatedAt: now,
	}
	if err := store.CreateMeeting(ctx, tx, m); err != nil {
		return err
	}
	for _, mb := range def.members {
		id := userIDs[mb.email]
		if err := store.CreateAttendee(ctx, tx, &model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, UserID: &id,
			RSVP: model.RSVPComing, Presence: model.PresenceHere, CreatedAt: now}); err != nil {
			return err
		}
	}
	if err := store.CreateAttendee(ctx, tx, &model.Attendee{WorkspaceID: w.ID, MeetingID: m.ID, GuestName: "Ervaringsdeskundige (gast)",
		GuestOrganisation: "Onafhankelijk", RSVP: model.RSVPComing, Presence: model.PresenceHere, CreatedAt: now}); err != nil {
		return err
	}
	return store.AddChanges(ctx, tx, []model.Change{{WorkspaceID: w.ID, Entity: model.EntityMeeting, EntityID: m.ID, Version: 1,
		UserID: creator, Field: model.FieldCreated, NewValue: m.Title, CreatedAt: now}})
}
