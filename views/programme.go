package views

import (
	"context"
	"net/url"
	"strconv"

	"schakel/app/model"
	"schakel/app/service"
)

// Programme is the programme overview page: the reach of the year against
// its targets (for those who see it), the workspaces' figures, and the
// form of the targets (for those who set them).
type Programme struct {
	Overview *service.ProgrammeOverview
	// Reach is nil when the reader does not see it or the year has no
	// programme (NoProgramme).
	Reach       *service.Reach
	NoProgramme bool
	// Years are the programme years, newest first.
	Years     []model.ProgrammeYear
	SeesReach bool
	CanManage bool
	// Form is the targets' form with what it was last sent; Errors its
	// fields' message ids.
	Form   ProgrammeYearForm
	Errors map[string]string
}

// ProgrammeYearForm is what the targets' form holds.
type ProgrammeYearForm struct {
	Year, Municipalities, Networks, Professionals, FollowUpOf string
}

// ProgrammeYearFormOf fills the targets' form with a stored year, or with
// the year alone when y is nil.
func ProgrammeYearFormOf(year int, y *model.ProgrammeYear) ProgrammeYearForm {
	f := ProgrammeYearForm{Year: strconv.Itoa(year)}
	if y == nil {
		return f
	}
	target := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	f.Municipalities, f.Networks, f.Professionals = target(y.TargetMunicipalities), target(y.TargetNetworks), target(y.TargetProfessionals)
	if y.FollowUpOf != nil {
		f.FollowUpOf = strconv.Itoa(*y.FollowUpOf)
	}
	return f
}

// ProgrammeQuery writes the overview's year, filter and order as a query
// string ("?…"), the same for the page, its sort links and its CSV.
func ProgrammeQuery(o *service.ProgrammeOverview, column string, desc bool) string {
	q := url.Values{}
	q.Set("year", strconv.Itoa(o.Year))
	if o.Filter.Region != 0 {
		q.Set("region", strconv.FormatInt(o.Filter.Region, 10))
	}
	if o.Filter.Kind != "" {
		q.Set("kind", string(o.Filter.Kind))
	}
	if column != "" && column != "name" {
		q.Set("sort", column)
	}
	if desc {
		q.Set("dir", "desc")
	}
	return "?" + q.Encode()
}

// programmeSortURL is the link of a column's header: by that column, the
// other way round when it is the order already; numbers start highest
// first, words from A.
func programmeSortURL(o *service.ProgrammeOverview, column string) string {
	current := o.Sort.Column
	if current == "" {
		current = "name"
	}
	desc := !textColumn(column)
	if current == column {
		desc = !o.Sort.Desc
	}
	return "/programme" + ProgrammeQuery(o, column, desc)
}

// textColumn reports whether a column sorts words rather than numbers.
func textColumn(column string) bool {
	return column == "name" || column == "kind" || column == "region"
}

// programmeAriaSort is a column header's aria-sort.
func programmeAriaSort(o *service.ProgrammeOverview, column string) string {
	current := o.Sort.Column
	if current == "" {
		current = "name"
	}
	switch {
	case current != column:
		return "none"
	case o.Sort.Desc:
		return "descending"
	}
	return "ascending"
}

// ProgrammeWorkspaceURL is the address of a workspace of the overview.
func ProgrammeWorkspaceURL(id int64) string { return "/workspaces/" + strconv.FormatInt(id, 10) }

// ProgrammePlanURL is the address of a row's plan, with a query ("" or
// "?…") of the plan page's filter.
func ProgrammePlanURL(r *service.ProgrammeRow, query string) string {
	return ProgrammeWorkspaceURL(r.WorkspaceID) + "/plans/" + strconv.FormatInt(r.Plan.ID, 10) + query
}

// ProgrammeTrainingsURL is the workspace's meeting list narrowed to the
// trainings held in year: what the overview's trainings count.
func ProgrammeTrainingsURL(workspaceID int64, year int) string {
	return ProgrammeWorkspaceURL(workspaceID) + "/meetings?kind=training&year=" + strconv.Itoa(year) + "&held=1"
}

// ProgrammeAdviceURL is the workspace's open advice.
func ProgrammeAdviceURL(workspaceID int64) string {
	return ProgrammeWorkspaceURL(workspaceID) + "/advice?state=open"
}

// ProgrammeCoverageURL is the coverage page of a row's plan.
func ProgrammeCoverageURL(r *service.ProgrammeRow) string { return ProgrammePlanURL(r, "/coverage") }

// programmeColumnLabel is the message id of a sortable column's head.
func programmeColumnLabel(column string) string {
	if model.ActionStatus(column).Valid() {
		return "action_status." + column
	}
	return "programme.col." + column
}

// rightsList writes articles as "2, 3 en 6" in the reader's words.
func rightsList(rights []model.Right) []string {
	out := make([]string, len(rights))
	for i, r := range rights {
		out[i] = strconv.Itoa(int(r))
	}
	return out
}

// percentOf is n as a whole percentage of target, at most 100, for a
// meter; 0 without a target.
func percentOf(n, target int) int {
	if target <= 0 {
		return 0
	}
	return min(100, n*100/target)
}

// targetText is a target as the table shows it: its number, or that it
// is not set.
func targetText(ctx context.Context, n int) string {
	if n == 0 {
		return T(ctx, "programme.targets.none")
	}
	return strconv.Itoa(n)
}

// themeName is a theme's name; a theme no framework has any more shows
// as it is stored.
func themeName(ctx context.Context, t model.Theme) string {
	if Has(ctx, "theme."+string(t)) {
		return Enum(ctx, "theme", t)
	}
	return string(t)
}
