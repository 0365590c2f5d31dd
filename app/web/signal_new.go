package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// signalNew shows the form that marks an outcome, action or advice
// (?source=…&id=…) of the workspace as a signal for national policy.
func (s *Server) signalNew(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	source := model.SignalSource(c.Query("source"))
	id, _ := strconv.ParseInt(c.Query("id"), 10, 64)
	ref, theme, err := s.svc.SignalSource(ctx, u, wid, source, id)
	if err != nil {
		return err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	return s.renderSignalNew(c, http.StatusOK, views.SignalNewView{Workspace: w, Source: source, Ref: ref, Theme: string(theme)})
}

func (s *Server) renderSignalNew(c *fiber.Ctx, status int, d views.SignalNewView) error {
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("signals.new_heading")}, views.SignalNewPage(d))
}
