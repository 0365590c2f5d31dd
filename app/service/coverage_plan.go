package service

import (
	"context"
	"slices"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// CoverageSelection names the actions behind one number of the coverage
// table: those of a theme (all themes when Theme is empty) that serve an
// article, with work left or done.
type CoverageSelection struct {
	Theme model.Theme
	Right model.Right
	Done  bool
}

// Has reports whether action a is one of the selection's: counted (not
// dropped), serving its article, of its theme, open or done as asked.
func (c CoverageSelection) Has(a *model.Action) bool {
	if !a.Status.Counts() || (a.Status == model.ActionDone) != c.Done {
		return false
	}
	if c.Theme != "" && a.Theme != c.Theme {
		return false
	}
	return slices.Contains(a.RightList(), c.Right)
}

// PlanCoverage is a plan's coverage page: which children's rights its
// actions serve per theme, and the actions behind one number if asked.
type PlanCoverage struct {
	Plan     *model.Plan
	Coverage Coverage
	// Selected is the number whose actions are listed, if any; Actions
	// are those actions, in plan order.
	Selected *CoverageSelection
	Actions  []model.Action
}

// CoverageOfPlan counts a plan's actions per theme and article, the same
// way as the programme overview (CoverageOf), and lists the actions of sel
// when it is not nil and names a theme of the plan, or none. A plan of
// another workspace is not found.
func (s *Service) CoverageOfPlan(ctx context.Context, u *model.User, workspaceID, planID int64, sel *CoverageSelection) (*PlanCoverage, error) {
	p, err := s.Plan(ctx, u, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	actions, err := store.Actions(ctx, s.DB, workspaceID, p.ID)
	if err != nil {
		return nil, err
	}
	if sel != nil && sel.Theme != "" && !p.Framework.Has(sel.Theme) {
		sel = nil
	}
	pc := &PlanCoverage{Plan: p, Coverage: CoverageOf(p.Framework.Themes(), actions), Selected: sel}
	if sel != nil {
		for i := range actions {
			if sel.Has(&actions[i]) {
				pc.Actions = append(pc.Actions, actions[i])
			}
		}
	}
	return pc, nil
}

// CoveragePlan is the plan whose coverage a workspace's page links to:
// the plan the workspace works on now (CurrentPlan), nil when it has none.
func (s *Service) CoveragePlan(ctx context.Context, u *model.User, workspaceID int64) (*model.Plan, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	plans, err := store.Plans(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, err
	}
	return CurrentPlan(plans), nil
}
