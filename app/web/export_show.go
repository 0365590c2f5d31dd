package web

import (
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/views"
)

// exportShow shows one document of a meeting as a page made for printing
// on A4: the agenda, the minutes (with each item's outcomes on
// ?outcomes=1), the decision list or the action list; with a Print button
// and the same document as Markdown.
func (s *Server) exportShow(c *fiber.Ctx) error {
	req, err := s.exportRecord(c, "")
	if err != nil {
		return err
	}
	m := req.Record.Meeting
	path := exportPath(m.WorkspaceID, m.ID, req.Doc)
	markdown := path + ".md"
	if req.Outcomes {
		markdown += "?outcomes=1"
	}
	page := views.Page{Title: exportTitle(s.translator(c), req.Doc, req.Record), Scripts: []string{"/static/js/export.js"}}
	return s.renderPage(c, http.StatusOK, page, views.ExportPage(views.Export{
		Record: req.Record, Doc: req.Doc, Docs: exportDocs, Outcomes: req.Outcomes,
		Path: path, MarkdownPath: markdown,
		Attendance: attendanceGroups(req.Record),
		Made:       time.Now(),
	}))
}
