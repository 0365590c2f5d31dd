package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// home sends a signed-in user to their workspaces, and shows anyone else
// the front door: what Schakel is, who is behind it and how to get in.
func (s *Server) home(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/workspaces", fiber.StatusSeeOther)
	}
	return s.renderPage(c, http.StatusOK, views.Page{}, views.FrontDoorPage(views.FrontDoor{
		Contact: s.cfg.ContactEmail, CaseRetentionDays: s.cfg.CaseRetention,
	}))
}
