package web

import "github.com/gofiber/fiber/v2"

// adminHome opens the administration at its busiest page.
func (s *Server) adminHome(c *fiber.Ctx) error {
	return c.Redirect("/admin/accounts", fiber.StatusSeeOther)
}
