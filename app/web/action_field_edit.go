package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
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
	return s.actionEditor(c, a, p, field, service.ActionField(a, field), a.Version, "", http.StatusOK)
}

// actionEditor answers with the editor of an action field holding value,
// opened at version, with the message errID under it if set.
func (s *Server) actionEditor(c *fiber.Ctx, a *model.Action, p *model.Plan, field, value string, version int, errID string, status int) error {
	editor := fiber.Map{"Value": value, "Version": version, "Error": errID, "Autofocus": true}
	if !isHTMX(c) {
		data, err := s.actionPageData(c, a, p)
		if err != nil {
			return err
		}
		setField(data, field, editor)
		return s.render(c, status, "pages/action_show", "", "", data)
	}
	data, err := s.editorOptions(c, a, p)
	if err != nil {
		return err
	}
	data["Field"], data["Standalone"] = field, false
	for k, v := range editor {
		data[k] = v
	}
	return s.renderParts(c, status, part{"partials/action_field_edit", data})
}
