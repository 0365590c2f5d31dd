package demo

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
)

// firstYear is the programme's first year: January to December 2023, with
// its target of five municipalities reached by a training, followed up in
// 2024.
const firstYear = 2023

// seedProgramme adds the programme years 2023 (five municipalities), its
// follow-up 2024 and the current year, whose reach the demo's trainings
// make; whatever of it is there already stays. The demo workspaces get no
// meetings of those earlier years: their meeting lists stay as they were.
func seedProgramme(ctx context.Context, tx bun.Tx, now time.Time) error {
	follows := firstYear
	current := now.In(i18n.Amsterdam()).Year()
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
	return nil
}
