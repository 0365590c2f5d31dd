package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// adminWorkspaceNew shows the one form that makes a workspace with its
// first coordinator.
func (s *Server) adminWorkspaceNew(c *fiber.Ctx) error {
	return s.renderAdminWorkspaceNew(c, http.StatusOK, service.WorkspaceInput{
		Kind: model.WorkspaceMunicipality, NewOrganisationKind: model.OrgMunicipality, Language: i18n.Default,
	}, nil, nil)
}

// renderAdminWorkspaceNew shows the form as typed, with what was wrong
// with it by field.
func (s *Server) renderAdminWorkspaceNew(c *fiber.Ctx, status int, form service.WorkspaceInput, errs map[string]string, guard service.GuardedFields) error {
	ctx := c.UserContext()
	orgs, err := s.svc.OrganisationsByRegion(ctx)
	if err != nil {
		return err
	}
	regions, err := s.svc.Regions(ctx)
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("admin.workspaces.new"), Scripts: []string{views.OrgPickerScript}},
		views.AdminWorkspaceNewPage(views.WorkspaceNew{Form: form, Errors: errs, Guard: guard, Organisations: orgs, Regions: regions}))
}
