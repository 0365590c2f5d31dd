package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
)

// adminWorkspaceCreate makes a workspace with its first coordinator, who
// is invited (no account yet) or made coordinator and told so.
func (s *Server) adminWorkspaceCreate(c *fiber.Ctx) error {
	in := service.WorkspaceInput{
		Name: c.FormValue("name"), Kind: model.WorkspaceKind(c.FormValue("kind")),
		Region: c.FormValue("region"), Description: c.FormValue("description"),
		Organisation: c.FormValue("organisation"), NewOrganisation: c.FormValue("new_organisation"),
		NewOrganisationKind: model.OrganisationKind(c.FormValue("new_organisation_kind")),
		CoordinatorEmail:    c.FormValue("coordinator"), CoordinatorName: c.FormValue("coordinator_name"),
		Language: c.FormValue("language"),
	}
	made, err := s.svc.CreateWorkspace(c.UserContext(), currentUser(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderAdminWorkspaceNew(c, http.StatusUnprocessableEntity, in, fields, service.Guarded(err))
	}
	if err != nil {
		return err
	}
	notice := "workspace_created_coordinator"
	if made.Invited {
		notice = "workspace_created_invited"
	}
	return redirect(c, withNotice("/workspaces/"+strconv.FormatInt(made.Workspace.ID, 10)+"/members", notice))
}
