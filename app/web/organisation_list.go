package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// organisationList shows every organisation and the form for a new one.
func (s *Server) organisationList(c *fiber.Ctx) error {
	return s.renderOrganisations(c, http.StatusOK, service.OrganisationInput{Kind: model.OrgMunicipality}, nil)
}

// renderOrganisations shows the organisations page with the
// new-organisation form as typed, and what was wrong with it.
func (s *Server) renderOrganisations(c *fiber.Ctx, status int, form service.OrganisationInput, errs map[string]string) error {
	list, err := s.svc.OrganisationsWithRegions(c.UserContext())
	if err != nil {
		return err
	}
	regions, err := s.svc.Regions(c.UserContext())
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("admin.organisations.title")}, views.AdminOrganisationsPage(views.OrganisationsAdmin{
		Organisations: list, Regions: regions, Form: form, Errors: errs,
	}))
}
