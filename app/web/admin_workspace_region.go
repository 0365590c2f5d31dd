package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// adminWorkspaceRegion puts a workspace in a region, or in none: its
// pickers then show that region's organisations first.
func (s *Server) adminWorkspaceRegion(c *fiber.Ctx) error {
	wid, err := idParam(c, "wid")
	if err != nil {
		return err
	}
	err = s.svc.SetWorkspaceRegion(c.UserContext(), currentUser(c), wid, c.FormValue("region"))
	if fields := fieldErrors(err); fields != nil {
		return s.renderAdminWorkspaces(c, http.StatusUnprocessableEntity, map[string]string{"region-" + itoa64(wid): fields["region"]})
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/admin/workspaces", "region_saved"))
}
