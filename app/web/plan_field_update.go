package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// planFieldUpdate saves one plan field, if nobody changed it since the
// editor opened; otherwise it shows both values to choose from.
func (s *Server) planFieldUpdate(c *fiber.Ctx) error {
	p, field, err := s.loadPlanField(c)
	if err != nil {
		return err
	}
	value, version := c.FormValue("value"), sentVersion(c)
	var saved *model.Plan
	return s.answerFieldSave(c, fieldSave{
		save: func() (err error) {
			saved, err = s.svc.UpdatePlanField(c.UserContext(), currentUser(c), workspaceID(c), p.ID, field, value, version)
			return err
		},
		editor: func(errID string, guard *service.GuardedField, status int) error {
			return s.planEditor(c, p, field, value, version, errID, guard, status)
		},
		conflict: func(conflict *service.Conflict) error { return s.planConflict(c, p, field, conflict) },
		saved: func() error {
			if !isHTMX(c) {
				return redirect(c, withNotice(planPath(saved.WorkspaceID, saved.ID), "plan_saved"))
			}
			return s.renderFragments(c, http.StatusOK, views.PlanField(views.NewPlanFieldView(saved, true, field, false)))
		},
	})
}

// planConflict answers 409 with both values in place of the field.
func (s *Server) planConflict(c *fiber.Ctx, p *model.Plan, field string, conflict *service.Conflict) error {
	page := planPath(p.WorkspaceID, p.ID)
	domID := "plan-" + strconv.FormatInt(p.ID, 10) + "-" + field
	cv := s.conflictView(c, conflict, views.Conflict{
		DomID: domID, Field: field, Label: s.translator(c).Get("plans.field." + field),
		Save: page + "/fields/" + field, Keep: page, KeepSelect: "#" + domID, Back: page,
		FocusNext: "edit-" + domID,
	})
	if isHTMX(c) {
		return s.renderFragments(c, http.StatusConflict, views.FieldConflict(cv))
	}
	d, err := s.boardPage(c, p.ID, url.Values{})
	if err != nil {
		return err
	}
	d.Conflict = &cv
	return s.renderPlanPage(c, http.StatusConflict, d)
}

// conflictView fills in the values of a conflict as people read them; v
// brings where it stands on the page and where its choices lead.
func (s *Server) conflictView(c *fiber.Ctx, conflict *service.Conflict, v views.Conflict) views.Conflict {
	names := s.valueNames(c.UserContext(), s.translator(c))
	v.By = names.Text("owner", strconv.FormatInt(conflict.ByUserID, 10))
	v.Theirs = names.Text(v.Field, conflict.Theirs)
	v.Mine = names.Text(v.Field, conflict.Mine)
	v.MineRaw = conflict.Mine
	v.Version = conflict.Version
	v.Long = v.Field == "description"
	return v
}
