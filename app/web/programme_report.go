package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/service"
	"schakel/views"
)

// programmeReport shows the programme report of the year in the query as
// a page made for printing; a year without a programme says so, as not
// found.
func (s *Server) programmeReport(c *fiber.Ctx) error {
	ctx, u := c.UserContext(), currentUser(c)
	year, err := service.ParseYear(c.Query("year"))
	if err != nil {
		return err
	}
	title := s.translator(c).Get("programme.report.title", "Year", year)
	page := views.Page{Title: title, Scripts: []string{"/static/js/export.js"}}
	r, err := s.svc.ProgrammeReportOf(ctx, u, year)
	if e, ok := apperr.As(err); ok && e.Status == http.StatusNotFound {
		years, yerr := s.svc.ProgrammeYears(ctx, u)
		if yerr != nil {
			return yerr
		}
		return s.renderPage(c, http.StatusNotFound, page, views.ProgrammeReportPage(views.ProgrammeReportView{Year: year, Years: years}))
	}
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, page, views.ProgrammeReportPage(views.ProgrammeReportView{Year: year, Report: r}))
}
