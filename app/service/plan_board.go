package service

import (
	"context"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// ActionFilter narrows the actions shown on a plan; zero values show all.
type ActionFilter struct {
	Theme             model.Theme
	Status            model.ActionStatus
	OwnerOrganisation int64
	// Mine shows only actions the user owns.
	Mine bool
	// Overdue shows only actions whose due date has passed while work
	// remains (model.Action.Overdue): what the programme overview counts
	// as overdue.
	Overdue bool
}

// Active reports whether the filter hides anything.
func (f ActionFilter) Active() bool {
	return f.Theme != "" || f.Status != "" || f.OwnerOrganisation != 0 || f.Mine || f.Overdue
}

// Matches reports whether action a passes the filter for user u on day
// today (YYYY-MM-DD), by which overdue is judged.
func (f ActionFilter) Matches(a *model.Action, u *model.User, today string) bool {
	switch {
	case f.Theme != "" && a.Theme != f.Theme:
		return false
	case f.Status != "" && a.Status != f.Status:
		return false
	case f.OwnerOrganisation != 0 && (a.OwnerOrganisationID == nil || *a.OwnerOrganisationID != f.OwnerOrganisation):
		return false
	case f.Mine && (a.OwnerUserID == nil || *a.OwnerUserID != u.ID):
		return false
	case f.Overdue && !a.Overdue(today):
		return false
	}
	return true
}

// ThemeGroup is one theme of a plan with its actions and progress.
type ThemeGroup struct {
	Theme    model.Theme
	Actions  []model.Action // the actions that pass the filter
	Total    int            // all actions of the theme
	Progress int            // over all actions of the theme
}

// PlanBoard is a plan as its page shows it.
type PlanBoard struct {
	Plan     *model.Plan
	Themes   []ThemeGroup
	Progress int
	Today    string
	Filter   ActionFilter
	Shown    int
	Total    int
}

// Board loads a plan with its actions grouped by theme; roll-ups count
// every action, the filter only decides which are listed.
func (s *Service) Board(ctx context.Context, u *model.User, workspaceID, planID int64, f ActionFilter) (*PlanBoard, error) {
	p, err := s.Plan(ctx, u, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	return s.BoardOf(ctx, u, p, f)
}

// BoardOf is Board for a plan just loaded with Plan, which it does not
// read again.
func (s *Service) BoardOf(ctx context.Context, u *model.User, p *model.Plan, f ActionFilter) (*PlanBoard, error) {
	if err := s.require(u, p.WorkspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	actions, err := store.Actions(ctx, s.DB, p.WorkspaceID, p.ID)
	if err != nil {
		return nil, err
	}
	return BuildBoard(p, actions, u, f), nil
}

// BuildBoard groups actions by the plan's themes.
func BuildBoard(p *model.Plan, actions []model.Action, u *model.User, f ActionFilter) *PlanBoard {
	b := &PlanBoard{Plan: p, Progress: rollUp(actions), Today: Today(), Filter: f, Total: len(actions)}
	for _, t := range p.Framework.Themes() {
		g := ThemeGroup{Theme: t}
		var all []model.Action
		for i := range actions {
			if actions[i].Theme != t {
				continue
			}
			all = append(all, actions[i])
			if f.Matches(&actions[i], u, b.Today) {
				g.Actions = append(g.Actions, actions[i])
			}
		}
		g.Total, g.Progress = len(all), rollUp(all)
		b.Shown += len(g.Actions)
		b.Themes = append(b.Themes, g)
	}
	return b
}

// CanEditActions reports whether u may add and change actions in the workspace.
func (s *Service) CanEditActions(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjAction, authz.ActEdit)
}

// CanManagePlans reports whether u may create plans and change their details.
func (s *Service) CanManagePlans(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjPlan, authz.ActManage)
}
