package web

import "github.com/gofiber/fiber/v2"

// home sends a signed-in user to their workspaces and anyone else to sign in.
func (s *Server) home(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/workspaces", fiber.StatusSeeOther)
	}
	return c.Redirect("/login", fiber.StatusSeeOther)
}
