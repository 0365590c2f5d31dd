package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// toetsStart starts a new assessment and opens it.
func (s *Server) toetsStart(c *fiber.Ctx) error {
	in := service.AssessmentInput{Title: c.FormValue("title"), Framework: model.Framework(c.FormValue("framework"))}
	a, err := s.svc.StartAssessment(c.UserContext(), currentUser(c), workspaceID(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderToetsList(c, http.StatusUnprocessableEntity, views.ToetsForm{Title: in.Title, Framework: string(in.Framework), Guard: service.Guarded(err)}, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice(toetsPath(a.WorkspaceID, a.ID), "toets_started"))
}

// toetsPath is the address of an assessment's page.
func toetsPath(workspaceID, id int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/toets/" + strconv.FormatInt(id, 10)
}
