package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
)

// adminWorkspaceCreate adds a workspace, with its first coordinator if named.
func (s *Server) adminWorkspaceCreate(c *fiber.Ctx) error {
	in := service.WorkspaceInput{
		Name: c.FormValue("name"), Kind: model.WorkspaceKind(c.FormValue("kind")),
		Description: c.FormValue("description"), CoordinatorEmail: c.FormValue("coordinator"),
	}
	w, err := s.svc.CreateWorkspace(c.UserContext(), currentUser(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderAdminWorkspaces(c, http.StatusUnprocessableEntity, in, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/workspaces/"+strconv.FormatInt(w.ID, 10)+"/members", "workspace_created"))
}
