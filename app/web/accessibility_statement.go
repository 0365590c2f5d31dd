package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// accessibilityContact is where people report what they cannot use.
const accessibilityContact = "toegankelijkheid@schakel.example"

// accessibilityStatement shows the accessibility statement, to anyone:
// people who cannot sign in must be able to read it too.
func (s *Server) accessibilityStatement(c *fiber.Ctx) error {
	return s.render(c, http.StatusOK, "pages/accessibility", "", "accessibility.title", fiber.Map{
		"Contact": accessibilityContact,
	})
}
