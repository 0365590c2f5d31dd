package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// guideHistory shows the versions of one article in one language (?lang=,
// the reader's by default) and what changed between two of them (?from=
// and ?to=, the text in force and the version before it by default).
func (s *Server) guideHistory(c *fiber.Ctx) error {
	t := s.translator(c)
	lang := c.Query("lang", t.Lang)
	from, _ := strconv.Atoi(c.Query("from"))
	to, _ := strconv.Atoi(c.Query("to"))
	h, err := s.svc.GuideHistoryOf(c.UserContext(), currentUser(c), c.Params("article"), lang, max(from, 0), max(to, 0))
	if err != nil {
		return err
	}
	title := t.Get("guide.history.title", "Title", views.GuideLabel(t, h.Article))
	return s.renderPage(c, http.StatusOK, views.Page{Title: title}, views.GuideHistoryPage(*h))
}
