package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// toetsCompare sets an assessment beside another of the workspace: the one
// named by ?with=, or else the one before it.
func (s *Server) toetsCompare(c *fiber.Ctx) error {
	tid, err := idParam(c, "tid")
	if err != nil {
		return err
	}
	var with int64
	if raw := c.Query("with"); raw != "" {
		if with, err = strconv.ParseInt(raw, 10, 64); err != nil || with <= 0 {
			return fiber.ErrNotFound
		}
	}
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	cmp, err := s.svc.CompareAssessments(ctx, u, wid, tid, with)
	if err != nil {
		return err
	}
	base := cmp.From
	if cmp.To != nil && cmp.To.ID == tid {
		base = cmp.To
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("toets.compare.title")}, views.ToetsCompare(views.ToetsComparePage{
		Workspace: w, Comparison: cmp, Base: base,
	}))
}
