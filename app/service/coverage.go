package service

import "schakel/app/model"

// CoverageCell counts the actions of one theme that serve one article:
// those with work left and those done. Dropped actions do not count.
type CoverageCell struct {
	Open int
	Done int
}

// Total is the number of actions in the cell.
func (c CoverageCell) Total() int { return c.Open + c.Done }

// Coverage shows which children's rights a plan's actions serve, per
// theme. The programme overview and the coverage page both read it, so
// that their numbers agree.
type Coverage struct {
	Themes []model.Theme
	Rights []model.Right
	Cells  map[model.Theme]map[model.Right]CoverageCell
	// PerRight adds up each article's cells over all themes.
	PerRight map[model.Right]CoverageCell
	// Uncovered lists the general principles (art. 2, 3, 6, 12) that no
	// action serves, in order.
	Uncovered []model.Right
}

// CoverageOf counts actions per theme and article. Themes are those of
// the plan's framework; an action on a theme outside it (the framework was
// changed) still counts in PerRight. Dropped actions count nowhere.
func CoverageOf(themes []model.Theme, actions []model.Action) Coverage {
	c := Coverage{
		Themes: themes, Rights: model.Rights,
		Cells:    make(map[model.Theme]map[model.Right]CoverageCell, len(themes)),
		PerRight: make(map[model.Right]CoverageCell, len(model.Rights)),
	}
	for _, t := range themes {
		c.Cells[t] = make(map[model.Right]CoverageCell)
	}
	for i := range actions {
		a := &actions[i]
		if !a.Status.Counts() {
			continue
		}
		for _, r := range a.RightList() {
			add := func(cell CoverageCell) CoverageCell {
				if a.Status == model.ActionDone {
					cell.Done++
				} else {
					cell.Open++
				}
				return cell
			}
			c.PerRight[r] = add(c.PerRight[r])
			if row, ok := c.Cells[a.Theme]; ok {
				row[r] = add(row[r])
			}
		}
	}
	for _, r := range model.GeneralPrinciples {
		if c.PerRight[r].Total() == 0 {
			c.Uncovered = append(c.Uncovered, r)
		}
	}
	return c
}

// CurrentPlan is the plan a workspace works on now, the one the programme
// overview reports on: of plans listed newest period first (store.Plans),
// the first that is not finished, or else the newest. Nil when there are
// none.
func CurrentPlan(plans []model.Plan) *model.Plan {
	for i := range plans {
		if plans[i].Status != model.PlanFinished {
			return &plans[i]
		}
	}
	if len(plans) > 0 {
		return &plans[0]
	}
	return nil
}
