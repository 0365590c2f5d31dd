package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// guideEditForm shows the form that edits one article of the guide in one
// language, for Defence for Children's reviewers and the administrators.
func (s *Server) guideEditForm(c *fiber.Ctx) error {
	entry, err := s.svc.GuideForEdit(c.UserContext(), currentUser(c), c.Params("article"), c.Params("lang"))
	if err != nil {
		return err
	}
	values := map[string]string{}
	for _, f := range guideFields {
		values[f] = entry.Text.Field(f)
	}
	return s.renderGuideEdit(c, http.StatusOK, views.GuideEdit{Entry: *entry, Lang: c.Params("lang"), Values: values, Version: entry.Text.Version})
}

// renderGuideEdit answers with the edit page.
func (s *Server) renderGuideEdit(c *fiber.Ctx, status int, d views.GuideEdit) error {
	title := s.translator(c).Get("guide.edit.title", "Title", d.Entry.Text.Title)
	return s.renderPage(c, status, views.Page{Title: title}, views.GuideEditPage(d))
}
