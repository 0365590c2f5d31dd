package web

import (
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// planFieldEdit opens the editor of one plan field: in place for htmx, and
// without JavaScript as the plan page with that field's form.
func (s *Server) planFieldEdit(c *fiber.Ctx) error {
	p, field, err := s.loadPlanField(c)
	if err != nil {
		return err
	}
	return s.planEditor(c, p, field, service.PlanField(p, field), p.Version, "", nil, http.StatusOK)
}

// planEditor answers with the editor of a plan field holding value, opened
// at version, with the message errID under it if set: alone for htmx, on
// the plan's page otherwise.
func (s *Server) planEditor(c *fiber.Ctx, p *model.Plan, field, value string, version int, errID string, guard *service.GuardedField, status int) error {
	editor := views.PlanEditor{Plan: p, Field: field, Value: value, Version: version, Error: errID, Guard: guard}
	if isHTMX(c) {
		return s.renderFragments(c, status, views.PlanFieldEditor(editor))
	}
	d, err := s.boardPage(c, p.ID, url.Values{})
	if err != nil {
		return err
	}
	d.Editor = &editor
	return s.renderPlanPage(c, status, d)
}

// loadPlanField loads the plan of the route and checks its :field.
func (s *Server) loadPlanField(c *fiber.Ctx) (*model.Plan, string, error) {
	pid, err := idParam(c, "pid")
	if err != nil {
		return nil, "", err
	}
	field := fieldParam(c)
	known := false
	for _, f := range service.PlanFields {
		known = known || f == field
	}
	if !known {
		return nil, "", apperr.NotFound()
	}
	p, err := s.svc.Plan(c.UserContext(), currentUser(c), workspaceID(c), pid)
	return p, field, err
}
