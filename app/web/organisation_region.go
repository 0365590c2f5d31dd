package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
)

// organisationRegion puts an organisation in a region, or in none.
func (s *Server) organisationRegion(c *fiber.Ctx) error {
	oid, err := idParam(c, "oid")
	if err != nil {
		return err
	}
	err = s.svc.SetOrganisationRegion(c.UserContext(), currentUser(c), oid, c.FormValue("region"))
	if fields := fieldErrors(err); fields != nil {
		return s.renderOrganisations(c, http.StatusUnprocessableEntity, service.OrganisationInput{Kind: model.OrgMunicipality},
			map[string]string{"region-" + itoa64(oid): fields["region"]})
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/admin/organisations", "region_saved"))
}
