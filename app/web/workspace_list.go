package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// workspaceList shows the workspaces the user may open.
func (s *Server) workspaceList(c *fiber.Ctx) error {
	list, err := s.svc.Workspaces(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "pages/workspace_list", "", "workspaces.title", fiber.Map{"Workspaces": list})
}
