package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// adminWorkspaceList shows every workspace, with the way to a new one.
func (s *Server) adminWorkspaceList(c *fiber.Ctx) error {
	list, err := s.svc.AllWorkspaces(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("admin.workspaces.title")},
		views.AdminWorkspacesPage(views.WorkspacesAdmin{Workspaces: workspaceCards(list)}))
}
