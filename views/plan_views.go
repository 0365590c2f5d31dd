package views

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"schakel/app/model"
	"schakel/app/service"
)

// The view data of the plan and action components. The handlers and the
// live updates (which render outside any request: no CSRF token, no user)
// build it with the same functions, so that a push shows what a reload
// would.

// NewActionView is how the board shows action a (with OwnerOrganisation and
// OwnerUser loaded): with editors when canEdit, judged overdue by today
// (YYYY-MM-DD), as an out-of-band swap when oob.
func NewActionView(a *model.Action, canEdit bool, today string, oob bool) ActionView {
	return ActionView{Action: a, CanEdit: canEdit, Today: today, OOB: oob}
}

// NewPlanFieldView is how the plan's header shows one of its fields (one of
// service.PlanFields); canManage offers the edit link.
func NewPlanFieldView(p *model.Plan, canManage bool, field string, oob bool) PlanFieldView {
	return PlanFieldView{Plan: p, Field: field, CanManage: canManage, OOB: oob}
}

// NewThemeView is the section of one theme of the board, with the row of
// action open open (0: none).
func NewThemeView(b *service.PlanBoard, theme model.Theme, open int64, canEdit, oob bool) ThemeView {
	v := ThemeView{Group: service.ThemeGroup{Theme: theme}, CanEdit: canEdit, Today: b.Today, Open: open, OOB: oob}
	for _, g := range b.Themes {
		if g.Theme == theme {
			v.Group = g
		}
	}
	return v
}

// ActionURL is the address of an action's own page; below it are its
// fields, its row and its history.
func ActionURL(a *model.Action) string { return planActionURL(a) }

// ActionMarker is what the version marker of an action tells the
// page besides its version: what a filtered board filters on, so that the
// page can drop an action that changed out of its filter and fetch one
// that changed into it; and who changed which fields (by may be nil), so
// that the page can show the row and cells a colleague just changed.
func ActionMarker(a *model.Action, by *model.User, fields []string) templ.Attributes {
	var org, owner string
	if a.OwnerOrganisationID != nil {
		org = strconv.FormatInt(*a.OwnerOrganisationID, 10)
	}
	if a.OwnerUserID != nil {
		owner = strconv.FormatInt(*a.OwnerUserID, 10)
	}
	attrs := templ.Attributes{
		"data-theme": string(a.Theme), "data-status": string(a.Status),
		"data-org": org, "data-owner": owner,
		"data-overdue": overdueFlag(a.Overdue(service.Today())),
		"data-item":    ActionURL(a) + "/item",
	}
	if by != nil {
		attrs["data-by"] = strconv.FormatInt(by.ID, 10)
		attrs["data-by-name"] = by.Name
		attrs["data-fields"] = strings.Join(fields, ",")
	}
	return attrs
}

// ActionOrder writes the order of the rows of every theme of a board the
// way the page's script reads it: "theme=id,id|theme=…".
func ActionOrder(b *service.PlanBoard) string {
	parts := make([]string, 0, len(b.Themes))
	for _, g := range b.Themes {
		ids := make([]string, 0, len(g.Actions))
		for i := range g.Actions {
			ids = append(ids, strconv.FormatInt(g.Actions[i].ID, 10))
		}
		parts = append(parts, string(g.Theme)+"="+strings.Join(ids, ","))
	}
	return strings.Join(parts, "|")
}

// overdueFlag is an action's data-overdue: "1" when it is overdue, which
// a board filtered on overdue actions compares with its own.
func overdueFlag(overdue bool) string {
	if overdue {
		return "1"
	}
	return ""
}
