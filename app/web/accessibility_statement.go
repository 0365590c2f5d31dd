package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// accessibilityContact is where people report what they cannot use.
const accessibilityContact = "toegankelijkheid@schakel.example"

// accessibilityStatement shows the accessibility statement, to anyone:
// people who cannot sign in must be able to read it too.
func (s *Server) accessibilityStatement(c *fiber.Ctx) error {
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("accessibility.title")}, views.AccessibilityPage(accessibilityContact))
}

// privacyStatement shows the privacy statement, to anyone: what Schakel
// keeps, why, how long, who sees it, and how to use one's rights.
func (s *Server) privacyStatement(c *fiber.Ctx) error {
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("privacy.title")}, views.PrivacyPage(views.Privacy{
		Contact: s.cfg.ContactEmail, CaseRetentionDays: s.cfg.CaseRetention, SessionHours: int(s.cfg.SessionLifetime.Hours()),
	}))
}
