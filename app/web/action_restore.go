package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// actionRestore undoes the deletion of an action, which returns to where it
// was.
func (s *Server) actionRestore(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	if _, err := s.svc.RestoreAction(ctx, u, a.WorkspaceID, a.ID); err != nil {
		return err
	}
	if !isHTMX(c) {
		if c.FormValue("from") == "action" {
			return redirect(c, withNotice(actionPath(a.WorkspaceID, a.ID), "action_restored"))
		}
		return redirect(c, boardBack(c, p, a.ID, "action_restored"))
	}
	restored, err := s.svc.Action(ctx, u, a.WorkspaceID, a.ID)
	if err != nil {
		return err
	}
	b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, service.ActionFilter{})
	if err != nil {
		return err
	}
	// The row comes back open, as it was when it was deleted, with the
	// focus on its delete button again.
	item := views.NewActionView(restored, true, b.Today, false)
	item.Open = true
	return s.renderFragments(c, http.StatusOK,
		views.ActionItem(item),
		views.PlanRollups(b))
}
