package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// workspaceList shows the workspaces the user may open, and the meetings
// they were invited to as a guest.
func (s *Server) workspaceList(c *fiber.Ctx) error {
	u := currentUser(c)
	list, err := s.svc.Workspaces(c.UserContext(), u)
	if err != nil {
		return err
	}
	guest, err := s.svc.GuestMeetings(c.UserContext(), u)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("workspaces.title")},
		views.WorkspaceListPage(workspaceCards(list), guest))
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
