package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// workspaceList shows the workspaces the user may open.
func (s *Server) workspaceList(c *fiber.Ctx) error {
	list, err := s.svc.Workspaces(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("workspaces.title")},
		views.WorkspaceListPage(workspaceCards(list)))
}

// workspaceCards turns the workspaces read with their member counts into
// the cards and rows the lists show.
func workspaceCards(list []service.WorkspaceSummary) []views.WorkspaceCard {
	cards := make([]views.WorkspaceCard, len(list))
	for i, w := range list {
		cards[i] = views.WorkspaceCard{Workspace: w.Workspace, Members: w.Members, Role: w.Role}
	}
	return cards
}
