package service

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// ProgrammeFilter narrows the programme overview to one region (by id)
// and one kind of workspace; zero values show all.
type ProgrammeFilter struct {
	Region int64
	Kind   model.WorkspaceKind
}

// ProgrammeSort orders the overview by one of ProgrammeColumns.
type ProgrammeSort struct {
	Column string
	Desc   bool
}

// ProgrammeColumns are the overview's columns it can be sorted by: the
// workspace, its kind and region, the plan's progress, its actions per
// status (by the status's name), the overdue ones, the last activity, the
// trainings, the coverage of the general principles and the open advice.
var ProgrammeColumns = []string{
	"name", "kind", "region", "progress",
	string(model.ActionPlanned), string(model.ActionInProgress), string(model.ActionDone),
	string(model.ActionBlocked), string(model.ActionDropped),
	"overdue", "activity", "trainings", "coverage", "advice",
}

// ProgrammeRow is one workspace on the programme overview. Its plan
// figures are those of its current plan (CurrentPlan) and are the plan
// page's to the unit: Progress is the page's roll-up, Statuses what its
// status filter shows, Overdue what its overdue filter shows.
type ProgrammeRow struct {
	WorkspaceID int64
	Name        string
	Kind        model.WorkspaceKind
	RegionID    *int64
	Region      string
	// Plan is the current plan, nil when the workspace has none.
	Plan     *model.Plan
	Progress int
	Actions  int
	Statuses map[model.ActionStatus]int
	Overdue  int
	// LastActivity is the day (YYYY-MM-DD) of the newest change in the
	// workspace's history or of its newest meeting up to today; "" when
	// there was none.
	LastActivity string
	// Trainings is the number of trainings held in the year: meetings of
	// kind training dated in the year, on or before today.
	Trainings int
	// Served counts per general principle the actions that serve it
	// (dropped actions do not), as CoverageOf's PerRight.
	Served map[model.Right]int
	// Uncovered lists the general principles no action serves, as
	// CoverageOf's Uncovered.
	Uncovered  []model.Right
	OpenAdvice int
}

// Covered is the number of general principles the plan serves, or -1
// without a plan.
func (r *ProgrammeRow) Covered() int {
	if r.Plan == nil {
		return -1
	}
	return len(model.GeneralPrinciples) - len(r.Uncovered)
}

// RegionChoice is a region the overview can be filtered by.
type RegionChoice struct {
	ID   int64
	Name string
}

// ProgrammeOverview is the overview of the workspaces one may see in a
// programme year, filtered and sorted.
type ProgrammeOverview struct {
	Year int
	// Today is the day by which overdue actions and trainings held are
	// judged; From and Until the days of the year the trainings count in.
	Today, From, Until string
	Rows               []ProgrammeRow
	// Regions and Kinds are what the filter offers: those of the
	// workspaces one may see.
	Regions []RegionChoice
	Filter  ProgrammeFilter
	Sort    ProgrammeSort
	// All says that the overview covers every workspace (reviewers and
	// administrators), not only one's own.
	All bool
	// Reach is the year's reach against its targets, for those who see it
	// (CanSeeReach); NoProgramme says that the year has no programme.
	Reach       *Reach
	NoProgramme bool
}

// MinYear and MaxYear bound the years Schakel accepts.
const (
	MinYear = 2000
	MaxYear = 2100
)

// ParseYear reads a year from a form or query; "" is the current year.
func ParseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return CurrentYear(), nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < MinYear || y > MaxYear {
		return 0, apperr.New(http.StatusBadRequest, "programme.error.bad_year")
	}
	return y, nil
}

// CurrentYear is the year of Today.
func CurrentYear() int {
	y, _ := strconv.Atoi(Today()[:4])
	return y
}

// yearDays returns the first day of year y and the last day that counts
// for what was held: 31 December, or today when that is earlier.
func yearDays(y int, today string) (from, until string) {
	from, until = fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
	if today < until {
		until = today
	}
	return from, until
}

// overviewScope returns the workspaces u's overview covers: nil for every
// workspace (platform roles), or those u is a member of, not as a guest.
// Whoever has neither may not see the overview.
func (s *Service) overviewScope(ctx context.Context, u *model.User) ([]int64, error) {
	if u == nil {
		return nil, apperr.NotFound()
	}
	if u.PlatformRole != model.PlatformNone && s.Authz.CanPlatform(u, authz.ObjWorkspace, authz.ActRead) {
		return nil, nil
	}
	mine, err := store.WorkspacesOfUser(ctx, s.DB, u.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(mine))
	for _, w := range mine {
		if s.Authz.Can(u, w.ID, authz.ObjPlan, authz.ActRead) && s.Authz.Can(u, w.ID, authz.ObjMeeting, authz.ActRead) {
			ids = append(ids, w.ID)
		}
	}
	if len(ids) == 0 {
		return nil, apperr.New(http.StatusForbidden, "programme.error.no_workspaces")
	}
	return ids, nil
}

// ProgrammeOverview reads the overview of year for u: every workspace for
// reviewers and administrators, one's own workspaces for members; with
// the year's reach for those who see it, counted from the same rows.
func (s *Service) ProgrammeOverview(ctx context.Context, u *model.User, year int, f ProgrammeFilter, sort ProgrammeSort) (*ProgrammeOverview, error) {
	ids, err := s.overviewScope(ctx, u)
	if err != nil {
		return nil, err
	}
	today := Today()
	rows, err := s.programmeRows(ctx, ids, year, today)
	if err != nil {
		return nil, err
	}
	o := &ProgrammeOverview{Year: year, Today: today, Filter: f, Sort: sort, All: ids == nil}
	o.From, o.Until = yearDays(year, today)
	seen := map[int64]bool{}
	for i := range rows {
		r := &rows[i]
		if r.RegionID != nil && !seen[*r.RegionID] {
			seen[*r.RegionID] = true
			o.Regions = append(o.Regions, RegionChoice{ID: *r.RegionID, Name: r.Region})
		}
		if (f.Region == 0 || (r.RegionID != nil && *r.RegionID == f.Region)) && (f.Kind == "" || r.Kind == f.Kind) {
			o.Rows = append(o.Rows, *r)
		}
	}
	slices.SortFunc(o.Regions, func(a, b RegionChoice) int { return strings.Compare(a.Name, b.Name) })
	SortProgramme(o.Rows, sort)
	if o.All && s.CanSeeReach(u) {
		o.Reach, err = s.reachOf(ctx, year, rows)
		if e, ok := apperr.As(err); ok && e.Status == http.StatusNotFound {
			o.NoProgramme, err = true, nil
		}
	}
	return o, err
}

// programmeRows reads the rows of the workspaces ids (all when nil) in
// three queries, whatever their number: the workspaces with their
// activity, trainings and open advice; their plans; and the tallies of
// the current plans' actions per status.
func (s *Service) programmeRows(ctx context.Context, ids []int64, year int, today string) ([]ProgrammeRow, error) {
	from, until := yearDays(year, today)
	spaces, err := store.OverviewWorkspaces(ctx, s.DB, ids, from, until, today)
	if err != nil {
		return nil, err
	}
	plans, err := store.OverviewPlans(ctx, s.DB, ids)
	if err != nil {
		return nil, err
	}
	// Plans come per workspace in the order of store.Plans: the current
	// plan is chosen from each run as every other page chooses it.
	current := map[int64]*model.Plan{}
	for i := 0; i < len(plans); {
		j := i
		for j < len(plans) && plans[j].WorkspaceID == plans[i].WorkspaceID {
			j++
		}
		current[plans[i].WorkspaceID] = CurrentPlan(plans[i:j])
		i = j
	}
	planIDs := make([]int64, 0, len(current))
	for _, p := range current {
		planIDs = append(planIDs, p.ID)
	}
	tallies, err := s.actionTallies(ctx, planIDs, today)
	if err != nil {
		return nil, err
	}
	byPlan := map[int64][]store.ActionTally{}
	for _, t := range tallies {
		byPlan[t.PlanID] = append(byPlan[t.PlanID], t)
	}

	rows := make([]ProgrammeRow, len(spaces))
	for i, w := range spaces {
		r := ProgrammeRow{
			WorkspaceID: w.ID, Name: w.Name, Kind: w.Kind, RegionID: w.RegionID, Region: w.Region,
			Trainings: w.Trainings, OpenAdvice: w.OpenAdvice, LastActivity: w.LastMeeting,
		}
		if !w.LastChange.IsZero() {
			if d := w.LastChange.In(amsterdam()).Format(time.DateOnly); d > r.LastActivity {
				r.LastActivity = d
			}
		}
		if p := current[w.ID]; p != nil {
			r.Plan = p
			tallyPlan(&r, byPlan[p.ID])
		}
		rows[i] = r
	}
	return rows, nil
}

// tallyPlan fills a row's plan figures from its plan's tallies, by the
// rules of rollUp and CoverageOf: dropped actions count in the number of
// actions and per status, in nothing else; an action serves the articles
// of its RightList.
func tallyPlan(r *ProgrammeRow, tallies []store.ActionTally) {
	r.Statuses = make(map[model.ActionStatus]int, len(model.ActionStatuses))
	r.Served = make(map[model.Right]int, len(model.GeneralPrinciples))
	sum, n := 0, 0
	for _, t := range tallies {
		r.Actions += t.Count
		r.Statuses[t.Status] += t.Count
		r.Overdue += t.Overdue
		if !t.Status.Counts() {
			continue
		}
		sum += t.Progress
		n += t.Count
		for _, rights := range t.RightLists() {
			a := model.Action{Rights: rights}
			for _, art := range a.RightList() {
				if art.GeneralPrinciple() {
					r.Served[art]++
				}
			}
		}
	}
	if n > 0 {
		r.Progress = (sum + n/2) / n
	}
	for _, p := range model.GeneralPrinciples {
		if r.Served[p] == 0 {
			r.Uncovered = append(r.Uncovered, p)
		}
	}
}

// SortProgramme orders rows by the column of sort, then by name. Rows
// without a plan come last on the plan's columns, whichever the direction.
func SortProgramme(rows []ProgrammeRow, sort ProgrammeSort) {
	key := func(r *ProgrammeRow) (int, string, bool) {
		switch sort.Column {
		case "name":
			return 0, strings.ToLower(r.Name), true
		case "kind":
			return 0, string(r.Kind), true
		case "region":
			return 0, r.Region, true
		case "progress":
			return r.Progress, "", r.Plan != nil
		case "overdue":
			return r.Overdue, "", r.Plan != nil
		case "activity":
			return 0, r.LastActivity, true
		case "trainings":
			return r.Trainings, "", true
		case "coverage":
			return r.Covered(), "", r.Plan != nil
		case "advice":
			return r.OpenAdvice, "", true
		}
		if st := model.ActionStatus(sort.Column); st.Valid() {
			return r.Statuses[st], "", r.Plan != nil
		}
		return 0, "", true
	}
	slices.SortStableFunc(rows, func(a, b ProgrammeRow) int {
		an, as, aok := key(&a)
		bn, bs, bok := key(&b)
		if aok != bok {
			if aok {
				return -1
			}
			return 1
		}
		c := 0
		if an != bn {
			c = an - bn
		} else {
			c = strings.Compare(as, bs)
		}
		if sort.Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return int(a.WorkspaceID - b.WorkspaceID)
	})
}

// ValidProgrammeColumn reports whether c is one of ProgrammeColumns.
func ValidProgrammeColumn(c string) bool { return slices.Contains(ProgrammeColumns, c) }
