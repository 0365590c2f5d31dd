package service

import (
	"context"
	"fmt"
	"time"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/store"
)

// ProgrammeReport is the year's report for the funder and the annual
// report: reach against the targets, and per workspace its plan's
// progress, trainings, coverage of the general principles and advice,
// and the signals for national policy by theme.
type ProgrammeReport struct {
	Reach *Reach
	// Rows are every workspace, municipalities first, by name.
	Rows []ProgrammeRow
	// Advice counts per workspace and state the advice written in the
	// year, in the state it is in now.
	Advice map[int64]map[model.AdviceState]int
	// Signals are the signals raised in the year, by theme.
	Signals []ReportSignals
	// Workspaces names the workspaces by id, for the signals.
	Workspaces map[int64]string
	// Made is when the report was made.
	Made time.Time
}

// ReportSignals are the signals of one theme in the programme report.
type ReportSignals struct {
	Theme   model.Theme
	Signals []model.Signal
}

// ProgrammeReportOf makes the report of programme year y. Only those who
// see the reach may; a year without a programme is not found.
func (s *Service) ProgrammeReportOf(ctx context.Context, u *model.User, y int) (*ProgrammeReport, error) {
	if !s.CanSeeReach(u) {
		return nil, apperr.Forbidden()
	}
	scope, err := s.overviewScope(ctx, u)
	if err != nil {
		return nil, err
	}
	if scope != nil {
		return nil, apperr.Forbidden()
	}
	rows, err := s.programmeRows(ctx, nil, y, Today())
	if err != nil {
		return nil, err
	}
	reach, err := s.reachOf(ctx, y, rows)
	if err != nil {
		return nil, err
	}
	SortProgramme(rows, ProgrammeSort{Column: "kind"})
	r := &ProgrammeReport{Reach: reach, Rows: rows, Advice: map[int64]map[model.AdviceState]int{},
		Workspaces: map[int64]string{}, Made: time.Now()}
	for _, row := range rows {
		r.Workspaces[row.WorkspaceID] = row.Name
	}
	from, err := time.ParseInLocation(time.DateOnly, fmt.Sprintf("%04d-01-01", y), amsterdam())
	if err != nil {
		return nil, err
	}
	until := from.AddDate(1, 0, 0)
	advice, err := store.AdviceTallies(ctx, s.DB, from.UTC(), until.UTC())
	if err != nil {
		return nil, err
	}
	for _, a := range advice {
		if r.Advice[a.WorkspaceID] == nil {
			r.Advice[a.WorkspaceID] = map[model.AdviceState]int{}
		}
		r.Advice[a.WorkspaceID][a.State] += a.Count
	}
	signals, err := store.SignalsBetween(ctx, s.DB, from.UTC(), until.UTC())
	if err != nil {
		return nil, err
	}
	r.Signals = groupSignals(signals)
	return r, nil
}

// groupSignals puts the report's signals under their themes.
func groupSignals(signals []model.Signal) []ReportSignals {
	var out []ReportSignals
	groupByTheme(signals, func(sg model.Signal) model.Theme { return sg.Theme }, func(t model.Theme, list []model.Signal) {
		out = append(out, ReportSignals{Theme: t, Signals: list})
	})
	return out
}

// groupByTheme hands each theme with items to group, in the order of the
// frameworks' themes; themes of neither framework come last, in the order
// they first occur. The signals page and the programme report both group
// signals this way.
func groupByTheme[T any](items []T, theme func(T) model.Theme, group func(model.Theme, []T)) {
	byTheme := map[model.Theme][]T{}
	var other []model.Theme
	for _, it := range items {
		t := theme(it)
		if _, ok := byTheme[t]; !ok && !model.FrameworkBoth.Has(t) {
			other = append(other, t)
		}
		byTheme[t] = append(byTheme[t], it)
	}
	for _, t := range append(model.FrameworkBoth.Themes(), other...) {
		if list := byTheme[t]; len(list) > 0 {
			group(t, list)
		}
	}
}
