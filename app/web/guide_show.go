package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// guideIndex shows the children's-rights guide's index: the general
// principles first, then the articles on protection, the EU directive
// and the Lanzarote Convention.
func (s *Server) guideIndex(c *fiber.Ctx) error {
	u, t := currentUser(c), s.translator(c)
	entries, err := s.svc.Guide(c.UserContext(), u, t.Lang)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: t.Get("guide.title")},
		views.GuideIndexPage(views.GuideIndex{Entries: entries, CanEdit: s.svc.CanEditGuide(u)}))
}

// guideShow shows one article of the guide, with the actions that serve
// it in the workspaces the reader may see.
func (s *Server) guideShow(c *fiber.Ctx) error {
	t := s.translator(c)
	v, err := s.svc.GuideArticle(c.UserContext(), currentUser(c), c.Params("article"), t.Lang)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: v.Text.Title}, views.GuideArticlePage(*v))
}
