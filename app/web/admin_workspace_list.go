package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/store"
)

// adminWorkspaceList shows every workspace and the form for a new one.
func (s *Server) adminWorkspaceList(c *fiber.Ctx) error {
	return s.renderAdminWorkspaces(c, http.StatusOK, fiber.Map{"Kind": string(model.WorkspaceMunicipality)}, nil)
}

func (s *Server) renderAdminWorkspaces(c *fiber.Ctx, status int, form fiber.Map, errs map[string]string) error {
	list, err := store.AllWorkspaces(c.UserContext(), s.db)
	if err != nil {
		return err
	}
	return s.render(c, status, "pages/admin_workspaces", "", "admin.workspaces.title", fiber.Map{
		"Workspaces": list, "Kinds": model.WorkspaceKinds, "Form": form, "Errors": errs,
	})
}
