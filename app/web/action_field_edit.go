package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// actionFieldEdit opens the editor of one action field: in place for htmx,
// and without JavaScript as the action's page with that field's form
// focused.
func (s *Server) actionFieldEdit(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	field, err := actionField(c)
	if err != nil {
		return err
	}
	if a.DeletedAt != nil {
		return apperr.New(http.StatusGone, "actions.error.deleted")
	}
	return s.actionEditor(c, a, p, field, service.ActionField(a, field), a.Version, "", nil, http.StatusOK)
}

// actionEditor answers with the editor of an action field holding value,
// opened at version, with the message errID under it if set: in place for
// htmx, and otherwise as the action's page with that field's form focused.
func (s *Server) actionEditor(c *fiber.Ctx, a *model.Action, p *model.Plan, field, value string, version int, errID string, guard *service.GuardedField, status int) error {
	if !isHTMX(c) {
		d, err := s.actionPage(c, a, p)
		if err != nil {
			return err
		}
		e := &pageField(&d, field).Editor
		e.Value, e.Version, e.Error, e.Guard, e.Autofocus = value, version, errID, guard, true
		return s.renderActionPage(c, status, d)
	}
	choices, err := s.actionChoices(c, a, p)
	if err != nil {
		return err
	}
	return s.renderFragments(c, status, views.ActionFieldEditor(views.ActionEditor{
		Action: a, Field: field, Value: value, Version: version, Error: errID, Guard: guard, Autofocus: true, Choices: choices,
	}))
}
