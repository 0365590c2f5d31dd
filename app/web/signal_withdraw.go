package web

import "github.com/gofiber/fiber/v2"

// signalWithdraw withdraws a signal of the workspace.
func (s *Server) signalWithdraw(c *fiber.Ctx) error {
	id, err := idParam(c, "signal")
	if err != nil {
		return err
	}
	wid := workspaceID(c)
	if err := s.svc.WithdrawSignal(c.UserContext(), currentUser(c), wid, id); err != nil {
		return err
	}
	return redirect(c, withNotice("/signals", "signal_withdrawn"))
}
