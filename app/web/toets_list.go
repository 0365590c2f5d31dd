package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// toetsList shows the workspace's kinderrechtentoetsen and, to the
// coordinator, the form that starts a new one.
func (s *Server) toetsList(c *fiber.Ctx) error {
	framework, err := s.svc.DefaultAssessmentFramework(c.UserContext(), currentUser(c), workspaceID(c))
	if err != nil {
		return err
	}
	return s.renderToetsList(c, http.StatusOK, views.ToetsForm{Framework: string(framework)}, nil)
}

func (s *Server) renderToetsList(c *fiber.Ctx, status int, form views.ToetsForm, errs map[string]string) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	list, err := s.svc.Assessments(ctx, u, wid)
	if err != nil {
		return err
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("toets.title")}, views.ToetsListPage(views.ToetsList{
		Workspace: w, Assessments: list, CanManage: s.svc.CanManageAssessments(u, wid), Form: form, Errors: errs,
	}))
}
