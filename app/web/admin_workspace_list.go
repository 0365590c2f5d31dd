package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// adminWorkspaceList shows every workspace and the form for a new one.
func (s *Server) adminWorkspaceList(c *fiber.Ctx) error {
	return s.renderAdminWorkspaces(c, http.StatusOK, service.WorkspaceInput{Kind: model.WorkspaceMunicipality}, nil)
}

// renderAdminWorkspaces shows the workspaces page with the new-workspace
// form as typed, and what was wrong with it.
func (s *Server) renderAdminWorkspaces(c *fiber.Ctx, status int, form service.WorkspaceInput, errs map[string]string) error {
	list, err := s.svc.AllWorkspaces(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("admin.workspaces.title")}, views.AdminWorkspacesPage(views.WorkspacesAdmin{
		Workspaces: workspaceCards(list), Form: form, Errors: errs,
	}))
}
