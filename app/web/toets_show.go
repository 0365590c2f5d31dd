package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// toetsShow shows an assessment: its questions by theme, as forms to whoever
// may answer while it is open.
func (s *Server) toetsShow(c *fiber.Ctx) error {
	tid, err := idParam(c, "tid")
	if err != nil {
		return err
	}
	return s.renderToetsSheet(c, http.StatusOK, tid, nil)
}

// renderToetsSheet answers with the page of assessment tid; q, if set,
// shows one question as sent, with its errors or conflict.
func (s *Server) renderToetsSheet(c *fiber.Ctx, status int, tid int64, q *views.ToetsQuestion) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	sheet, err := s.svc.Assessment(ctx, u, wid, tid)
	if err != nil {
		return err
	}
	d := views.ToetsSheetPage{
		Workspace: w, Sheet: sheet, Question: q,
		CanAnswer: s.svc.CanAnswerAssessments(u, wid), CanManage: s.svc.CanManageAssessments(u, wid),
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("toets.title")}, views.ToetsSheet(d))
}
