package views

import (
	"context"
	"net/url"
	"strconv"

	"schakel/app/model"
	"schakel/app/service"
)

// CoverageView is a plan's coverage page.
type CoverageView struct {
	Workspace *model.Workspace
	*service.PlanCoverage
}

// CoveragePath is a plan's coverage page.
func CoveragePath(p *model.Plan) string { return planURL(p) + "/coverage" }

// coverageLink is the coverage page listing the actions behind one
// number: of a theme ("" for all themes) serving an article, open or done.
func coverageLink(p *model.Plan, theme model.Theme, r model.Right, done bool) string {
	q := url.Values{"article": {strconv.Itoa(int(r))}, "state": {"open"}}
	if done {
		q.Set("state", "done")
	}
	if theme != "" {
		q.Set("theme", string(theme))
	}
	return CoveragePath(p) + "?" + q.Encode() + "#coverage-actions"
}

// coverageThemeName names a theme, or all themes for "".
func coverageThemeName(ctx context.Context, t model.Theme) string {
	if t == "" {
		return T(ctx, "coverage.all_themes")
	}
	return Enum(ctx, "theme", t)
}

// coverageSelected names the number whose actions are listed.
func coverageSelected(ctx context.Context, s *service.CoverageSelection, n int) string {
	state := "open"
	if s.Done {
		state = "done"
	}
	return T(ctx, "coverage.selected."+state, "Count", n, "Number", int(s.Right), "Theme", coverageThemeName(ctx, s.Theme))
}

// rightID is an article's number as text.
func rightID(r model.Right) string { return strconv.Itoa(int(r)) }

// guideLinkOf is the guide's page on CRC article r.
func guideLinkOf(r model.Right) string { return GuidePath(model.GuideSlug(r)) }
