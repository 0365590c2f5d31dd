package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/service"
	"schakel/views"
)

// signalList lists the signals for national policy of every workspace the
// user may read, by theme, filterable by bottleneck and workspace.
func (s *Server) signalList(c *fiber.Ctx) error {
	q := service.SignalQuery{Bottleneck: c.Query("bottleneck")}
	if w := c.Query("workspace"); w != "" {
		id, err := strconv.ParseInt(w, 10, 64)
		if err != nil || id <= 0 {
			return apperr.NotFound()
		}
		q.WorkspaceID = id
	}
	list, err := s.svc.Signals(c.UserContext(), currentUser(c), q)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("signals.title")},
		views.SignalListPage(views.SignalListView{List: list, Bottleneck: q.Bottleneck, WorkspaceID: q.WorkspaceID}))
}
