package web

import (
	"errors"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/service"
)

// actionHistoryRestore sets a field back to the value it had before one
// change: a new change on top of the history.
func (s *Server) actionHistoryRestore(c *fiber.Ctx) error {
	a, _, err := s.loadAction(c)
	if err != nil {
		return err
	}
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	_, err = s.svc.RestoreValue(c.UserContext(), currentUser(c), a.WorkspaceID, a.ID, cid)
	var conflict *service.Conflict
	if errors.As(err, &conflict) {
		return apperr.New(http.StatusConflict, "actions.error.changed_meanwhile")
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice(actionPath(a.WorkspaceID, a.ID), "value_restored")+"#action-history")
}
