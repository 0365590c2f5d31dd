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
