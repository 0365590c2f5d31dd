package web

import (
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
)

// planFieldEdit opens the editor of one plan field: in place for htmx, and
// without JavaScript as the plan page with that field's form.
func (s *Server) planFieldEdit(c *fiber.Ctx) error {
	p, field, err := s.loadPlanField(c)
	if err != nil {
		return err
	}
	return s.planEditor(c, p, field, service.PlanField(p, field), p.Version, "", http.StatusOK)
}

// planEditor answers with the editor of a plan field holding value, opened
// at version, with the message errID under it if set.
func (s *Server) planEditor(c *fiber.Ctx, p *model.Plan, field, value string, version int, errID string, status int) error {
	editor := fiber.Map{"Value": value, "Version": version, "Error": errID}
	if isHTMX(c) {
		data := planFieldData(p, true, field, false)
		data["PlanStatuses"] = model.PlanStatuses
		for k, v := range editor {
			data[k] = v
		}
		return s.renderParts(c, status, part{"partials/plan_field_edit", data})
	}
	data, err := s.boardData(c, p.ID, url.Values{})
	if err != nil {
		return err
	}
	data["EditField"] = field
	for k, v := range editor {
		data[k] = v
	}
	return s.render(c, status, "pages/plan_show", "", "", data)
}

// loadPlanField loads the plan of the route and checks its :field.
func (s *Server) loadPlanField(c *fiber.Ctx) (*model.Plan, string, error) {
	pid, err := idParam(c, "pid")
	if err != nil {
		return nil, "", err
	}
	field := c.Params("field")
	known := false
	for _, f := range service.PlanFields {
		known = known || f == field
	}
	if !known {
		return nil, "", apperr.NotFound()
	}
	p, err := s.svc.Plan(c.UserContext(), currentUser(c), authz.WorkspaceID(c), pid)
	return p, field, err
}
