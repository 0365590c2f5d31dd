package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// adminWorkspaceList shows every workspace with its region, and the way to
// a new one.
func (s *Server) adminWorkspaceList(c *fiber.Ctx) error {
	return s.renderAdminWorkspaces(c, http.StatusOK, nil)
}

// renderAdminWorkspaces shows the workspaces page with what was wrong with
// a region typed, by "region-" and workspace id.
func (s *Server) renderAdminWorkspaces(c *fiber.Ctx, status int, errs map[string]string) error {
	list, err := s.svc.AllWorkspaces(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	regions, err := s.svc.Regions(c.UserContext())
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("admin.workspaces.title")},
		views.AdminWorkspacesPage(views.WorkspacesAdmin{Workspaces: workspaceCards(list), Regions: regions, Errors: errs}))
}
