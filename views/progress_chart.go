package views

import (
	"context"
	"strconv"
	"strings"

	"schakel/app/model"
	"schakel/app/service"
)

// ProgressPage is the page of a plan's progress over time.
type ProgressPage struct {
	Workspace *model.Workspace
	// Plans are the workspace's plans to choose from; Current is the one
	// the workspace works on now.
	Plans   []model.Plan
	Current *model.Plan
	// Progress is nil when the workspace has no plan.
	Progress *service.PlanProgress
}

// The chart's drawing area in SVG units: the viewBox is chartWidth ×
// chartHeight, the plot lies inside the margins.
const (
	chartWidth  = 640
	chartHeight = 300
	chartLeft   = 48
	chartRight  = 16
	chartTop    = 16
	chartBottom = 40
)

// chartPoint is one month's value of one line.
type chartPoint struct {
	X, Y  float64
	Value int
}

// chartTick is a labelled step on an axis; Anchor is the label's SVG
// text-anchor.
type chartTick struct {
	At     float64
	Label  string
	Anchor string
}

// progressChart is the geometry of the progress chart.
type progressChart struct {
	Planned, Done []chartPoint
	XTicks        []chartTick
	YTicks        []chartTick
	// PlannedLine and DoneLine are the polylines' points.
	PlannedLine, DoneLine string
}

// chartScale is the top of the vertical axis: a round number at or above
// max, with at most five steps of 1, 2, 5, 10, 20, … between.
func chartScale(max int) (top, step int) {
	step = 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		step = s
		if max <= s*5 {
			break
		}
	}
	top = ((max + step - 1) / step) * step
	if top == 0 {
		top = step
	}
	return top, step
}

// buildProgressChart lays the months out: months evenly from left to
// right, actions from 0 at the bottom up.
func buildProgressChart(ctx context.Context, months []service.ProgressMonth) progressChart {
	var c progressChart
	max := 0
	for _, m := range months {
		if m.Planned > max {
			max = m.Planned
		}
	}
	top, step := chartScale(max)
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	y := func(v int) float64 { return float64(chartTop) + plotH - plotH*float64(v)/float64(top) }
	x := func(i int) float64 {
		if len(months) <= 1 {
			return float64(chartLeft) + plotW/2
		}
		return float64(chartLeft) + plotW*float64(i)/float64(len(months)-1)
	}
	for v := 0; v <= top; v += step {
		c.YTicks = append(c.YTicks, chartTick{At: y(v), Label: strconv.Itoa(v)})
	}
	// At most about seven month labels, January always with its year.
	every := (len(months) + 6) / 7
	if every < 1 {
		every = 1
	}
	var planned, done []string
	for i, m := range months {
		p := chartPoint{X: x(i), Y: y(m.Planned), Value: m.Planned}
		d := chartPoint{X: x(i), Y: y(m.Done), Value: m.Done}
		c.Planned, c.Done = append(c.Planned, p), append(c.Done, d)
		planned = append(planned, svgNum(p.X)+","+svgNum(p.Y))
		done = append(done, svgNum(d.X)+","+svgNum(d.Y))
		if i%every == 0 || i == len(months)-1 && len(months) <= 7 {
			// A label at the right end ends there, so that it fits.
			anchor := "middle"
			if len(months) > 1 && i == len(months)-1 {
				anchor = "end"
			}
			c.XTicks = append(c.XTicks, chartTick{At: x(i), Label: shortMonth(ctx, m), Anchor: anchor})
		}
	}
	c.PlannedLine, c.DoneLine = strings.Join(planned, " "), strings.Join(done, " ")
	return c
}

// svgNum writes a coordinate with at most one decimal.
func svgNum(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// shortMonth writes a month as "jan 2026".
func shortMonth(ctx context.Context, m service.ProgressMonth) string {
	return T(ctx, "progress.month_short."+strconv.Itoa(int(m.Month.Month()))) + " " + strconv.Itoa(m.Month.Year())
}

// longMonth writes a month as "januari 2026".
func longMonth(ctx context.Context, m service.ProgressMonth) string {
	return T(ctx, "month."+strconv.Itoa(int(m.Month.Month()))) + " " + strconv.Itoa(m.Month.Year())
}

// progressDesc is the chart's description: its span and the latest
// numbers, which the table beside it repeats.
func progressDesc(ctx context.Context, p *service.PlanProgress) string {
	if !p.HasActions || len(p.Months) == 0 {
		return T(ctx, "progress.chart_desc_empty")
	}
	last := p.Latest()
	return T(ctx, "progress.chart_desc", "First", longMonth(ctx, p.Months[0]), "Last", longMonth(ctx, last),
		"Planned", last.Planned, "Done", last.Done)
}

// progressPath is the address of a plan's progress page.
func progressPath(p *model.Plan) string {
	return "/workspaces/" + id(p.WorkspaceID) + "/plans/" + id(p.ID) + "/progress"
}

// planChoiceLabel names a plan in the choice of plans.
func planChoiceLabel(ctx context.Context, p, current *model.Plan) string {
	if current != nil && p.ID == current.ID {
		return T(ctx, "progress.current_plan", "Title", p.Title)
	}
	return p.Title
}
