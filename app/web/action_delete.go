package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// actionDelete removes an action from its plan, softly: the answer offers
// to undo it right where the action was.
func (s *Server) actionDelete(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	deleted, err := s.svc.DeleteAction(ctx, u, a.WorkspaceID, a.ID)
	if err != nil {
		return err
	}
	id := strconv.FormatInt(a.ID, 10)
	if !isHTMX(c) {
		q := pageQuery(c, a.WorkspaceID, p.ID)
		back := url.Values{}
		if qs := filterQuery(filterFrom(q, p)); qs != "" {
			back, _ = url.ParseQuery(qs[1:])
		}
		back.Set("deleted", id)
		return redirect(c, planPath(p.WorkspaceID, p.ID)+"?"+back.Encode()+"#action-"+id+"-deleted")
	}
	b, err := s.svc.Board(ctx, u, a.WorkspaceID, p.ID, service.ActionFilter{})
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK,
		views.ActionDeleted(views.NewActionView(deleted, true, b.Today, false)),
		views.PlanRollups(b))
}
