package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
)

// accountDisable blocks an account; its sessions end at once, live pages
// included.
func (s *Server) accountDisable(c *fiber.Ctx) error { return s.setAccountDisabled(c, true) }

// accountEnable lets a blocked account sign in again.
func (s *Server) accountEnable(c *fiber.Ctx) error { return s.setAccountDisabled(c, false) }

func (s *Server) setAccountDisabled(c *fiber.Ctx, disabled bool) error {
	uid, err := strconv.ParseInt(c.Params("uid"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	if err := s.svc.SetAccountDisabled(c.UserContext(), currentUser(c), uid, disabled); err != nil {
		return err
	}
	notice := "account_enabled"
	if disabled {
		notice = "account_disabled"
	}
	return redirect(c, withNotice("/admin/accounts", notice))
}
