package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/store"
)

// organisationList shows every organisation and the form for a new one.
func (s *Server) organisationList(c *fiber.Ctx) error {
	return s.renderOrganisations(c, http.StatusOK, fiber.Map{"Kind": string(model.OrgMunicipality)}, nil)
}

func (s *Server) renderOrganisations(c *fiber.Ctx, status int, form fiber.Map, errs map[string]string) error {
	list, err := store.Organisations(c.UserContext(), s.db)
	if err != nil {
		return err
	}
	return s.render(c, status, "pages/admin_organisations", "", "admin.organisations.title", fiber.Map{
		"Organisations": list, "Kinds": model.OrganisationKinds, "Form": form, "Errors": errs,
	})
}
