package web

import "github.com/gofiber/fiber/v2"

// signOutSubmit ends the session and returns to the sign-in page.
func (s *Server) signOutSubmit(c *fiber.Ctx) error {
	if err := s.signOut(c); err != nil {
		return err
	}
	return redirect(c, withNotice("/login", "signed_out"))
}
