package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// actionFieldShow answers with one field of an action as it is shown, which
// is what "cancel" in an editor brings back. Without htmx it is the
// action's page.
func (s *Server) actionFieldShow(c *fiber.Ctx) error {
	a, _, err := s.loadAction(c)
	if err != nil {
		return err
	}
	field, err := actionField(c)
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return c.Redirect(actionPath(a.WorkspaceID, a.ID), fiber.StatusSeeOther)
	}
	canEdit := s.svc.CanEditActions(currentUser(c), a.WorkspaceID) && a.DeletedAt == nil
	return s.renderFragments(c, http.StatusOK, views.ActionField(views.NewActionView(a, canEdit, service.Today(), false), field))
}

// actionItem answers one action's row as it stands on the plan board:
// closed, for a filtered board that an action has just come into, or with
// "open=1" open, with its details and editors, when someone opens it.
func (s *Server) actionItem(c *fiber.Ctx) error {
	a, _, err := s.loadAction(c)
	if err != nil {
		return err
	}
	if !isHTMX(c) || a.DeletedAt != nil {
		return c.Redirect(actionPath(a.WorkspaceID, a.ID), fiber.StatusSeeOther)
	}
	canEdit := s.svc.CanEditActions(currentUser(c), a.WorkspaceID)
	v := views.NewActionView(a, canEdit, service.Today(), false)
	v.Open = c.Query("open") == "1"
	return s.renderFragments(c, http.StatusOK, views.ActionItem(v))
}
