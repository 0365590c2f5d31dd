package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// home sends a signed-in user to where they start (landing), and shows
// anyone else the front door: what Schakel is, who is behind it and how
// to get in.
func (s *Server) home(c *fiber.Ctx) error {
	if u := currentUser(c); u != nil {
		return c.Redirect(landing(u), fiber.StatusSeeOther)
	}
	return s.renderPage(c, http.StatusOK, views.Page{}, views.FrontDoorPage(views.FrontDoor{
		Contact: s.cfg.ContactEmail, CaseRetentionDays: s.cfg.CaseRetention,
	}))
}

// landing is where a signed-in account starts: a reviewer of Defence for
// Children on the programme overview, everyone else on their workspaces.
func landing(u *model.User) string {
	if u != nil && u.PlatformRole == model.PlatformReviewer {
		return "/programme"
	}
	return "/workspaces"
}
