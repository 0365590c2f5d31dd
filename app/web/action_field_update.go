package web

import (
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// actionFieldUpdate saves one field of an action, if nobody changed it
// since the editor opened at "version"; otherwise it shows both values to
// choose from (409). "edit=1" asks for the editor with the value sent,
// which is the conflict view's "edit" choice.
func (s *Server) actionFieldUpdate(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	field, err := actionField(c)
	if err != nil {
		return err
	}
	value, version := submittedValue(c, field), sentVersion(c)
	var saved *model.Action
	return s.answerFieldSave(c, fieldSave{
		save: func() (err error) {
			saved, err = s.svc.UpdateActionField(c.UserContext(), currentUser(c), a.WorkspaceID, a.ID, field, value, version)
			return err
		},
		editor: func(errID string, guard *service.GuardedField, status int) error {
			return s.actionEditor(c, a, p, field, value, version, errID, guard, status)
		},
		conflict: func(conflict *service.Conflict) error { return s.actionConflict(c, a, p, field, conflict) },
		saved: func() error {
			if !isHTMX(c) {
				return redirect(c, withNotice(actionPath(a.WorkspaceID, a.ID), "action_saved")+"#action-"+strconv.FormatInt(a.ID, 10)+"-"+field)
			}
			if onActionPage(c, a) {
				return s.actionSavedOnPage(c, saved, p, field)
			}
			return s.actionSavedOnBoard(c, a, saved, p, field)
		},
	})
}

// actionSavedOnBoard answers a save anywhere but the action's own page:
// the field as shown, and whatever else the change touched on the board.
func (s *Server) actionSavedOnBoard(c *fiber.Ctx, before, a *model.Action, p *model.Plan, field string) error {
	ctx, u := c.UserContext(), currentUser(c)
	if field == "theme" && before.Theme != a.Theme && onBoard(c, a.WorkspaceID, p.ID) {
		// The action leaves its theme's list for the other one: both
		// sections are drawn again, with the filter the board shows.
		b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, filterFrom(pageQuery(c, a.WorkspaceID, p.ID), p))
		if err != nil {
			return err
		}
		hxAnswer{Retarget: "#theme-" + string(a.Theme), Reswap: "outerHTML"}.apply(c)
		return s.renderFragments(c, http.StatusOK,
			views.PlanTheme(views.NewThemeView(b, a.Theme, a.ID, true, false)),
			views.PlanTheme(views.NewThemeView(b, before.Theme, a.ID, true, true)),
			views.PlanRollupPlan(b, true))
	}
	today := service.Today()
	oob := views.NewActionView(a, true, today, true)
	// The row's line shows the new value too.
	parts := []templ.Component{views.ActionField(views.NewActionView(a, true, today, false), field), views.ActionSummary(oob)}
	switch field {
	case "title":
		// The buttons name the action.
		parts = append(parts, views.ActionTools(oob))
	case "status":
		// A status brings its default progress, and ends or revives
		// being overdue.
		parts = append(parts, views.ActionField(oob, "progress"), views.ActionField(oob, "due_date"))
	}
	if field == "status" || field == "progress" {
		b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, service.ActionFilter{})
		if err != nil {
			return err
		}
		parts = append(parts, views.PlanRollups(b))
	}
	return s.renderFragments(c, http.StatusOK, parts...)
}

// actionSavedOnPage answers a save on the action's own page, where every
// field stays a form: the field's form again at the new version, the forms
// of fields the change touched, and a notice.
func (s *Server) actionSavedOnPage(c *fiber.Ctx, a *model.Action, p *model.Plan, field string) error {
	choices, err := s.actionChoices(c, a, p)
	if err != nil {
		return err
	}
	editor := func(f string, oob bool) templ.Component {
		e := pageEditor(a, f, choices)
		e.OOB = oob
		return views.ActionFieldEditor(e)
	}
	parts := []templ.Component{editor(field, false)}
	if field == "status" {
		parts = append(parts, editor("progress", true))
	}
	t := s.translator(c)
	parts = append(parts, views.NoticeOOB(t.Get("notice.field_saved", "Field", t.Get("actions.field."+field))))
	return s.renderFragments(c, http.StatusOK, parts...)
}

// actionConflict answers 409 with both values in place of the field.
func (s *Server) actionConflict(c *fiber.Ctx, a *model.Action, p *model.Plan, field string, conflict *service.Conflict) error {
	page := actionPath(a.WorkspaceID, a.ID)
	id := strconv.FormatInt(a.ID, 10)
	cv := s.conflictView(c, conflict, views.Conflict{
		DomID: "action-" + id + "-" + field, Field: field, Label: s.translator(c).Get("actions.field." + field),
		Save: page + "/fields/" + field, Keep: page + "/fields/" + field, Back: page,
		FocusNext: "edit-" + id + "-" + field,
	})
	if isHTMX(c) {
		return s.renderFragments(c, http.StatusConflict, views.FieldConflict(cv))
	}
	d, err := s.actionPage(c, a, p)
	if err != nil {
		return err
	}
	pageField(&d, field).Conflict = &cv
	return s.renderActionPage(c, http.StatusConflict, d)
}
