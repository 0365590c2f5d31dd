package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
)

// organisationCreate adds an organisation.
func (s *Server) organisationCreate(c *fiber.Ctx) error {
	in := service.OrganisationInput{
		Name: c.FormValue("name"), Kind: model.OrganisationKind(c.FormValue("kind")), Region: c.FormValue("region"),
	}
	_, err := s.svc.CreateOrganisation(c.UserContext(), currentUser(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderOrganisations(c, http.StatusUnprocessableEntity, in, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/admin/organisations", "organisation_created"))
}
