package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// programmeShow shows the programme overview of the year in the query:
// every workspace to reviewers and administrators, one's own workspaces
// to members; the year's reach to those who see it.
func (s *Server) programmeShow(c *fiber.Ctx) error {
	d, err := s.programmePage(c)
	if err != nil {
		return err
	}
	return s.renderProgramme(c, http.StatusOK, d)
}

// programmePage gathers the overview of the request's query, with the
// targets' form filled in for the year.
func (s *Server) programmePage(c *fiber.Ctx) (views.Programme, error) {
	year, err := service.ParseYear(c.Query("year"))
	if err != nil {
		return views.Programme{}, err
	}
	return s.programmeOf(c, year)
}

// programmeOf gathers the overview of year with the request's filter and
// order.
func (s *Server) programmeOf(c *fiber.Ctx, year int) (views.Programme, error) {
	ctx, u := c.UserContext(), currentUser(c)
	f, sort := programmeFilter(c)
	o, err := s.svc.ProgrammeOverview(ctx, u, year, f, sort)
	if err != nil {
		return views.Programme{}, err
	}
	d := views.Programme{Overview: o, Reach: o.Reach, NoProgramme: o.NoProgramme,
		SeesReach: o.All && s.svc.CanSeeReach(u), CanManage: s.svc.CanManageProgramme(u)}
	if !d.SeesReach {
		return d, nil
	}
	if d.Years, err = s.svc.ProgrammeYears(ctx, u); err != nil {
		return d, err
	}
	var stored *model.ProgrammeYear
	if d.Reach != nil {
		stored = &d.Reach.Programme
	}
	d.Form = views.ProgrammeYearFormOf(year, stored)
	return d, nil
}

// programmeFilter reads the overview's filter and order from the query;
// what it does not know it ignores.
func programmeFilter(c *fiber.Ctx) (service.ProgrammeFilter, service.ProgrammeSort) {
	var f service.ProgrammeFilter
	if id, err := strconv.ParseInt(c.Query("region"), 10, 64); err == nil && id > 0 {
		f.Region = id
	}
	if k := model.WorkspaceKind(c.Query("kind")); k.Valid() {
		f.Kind = k
	}
	sort := service.ProgrammeSort{Column: "name"}
	if col := c.Query("sort"); service.ValidProgrammeColumn(col) {
		sort.Column = col
	}
	sort.Desc = c.Query("dir") == "desc"
	return f, sort
}

// renderProgramme answers with the overview page.
func (s *Server) renderProgramme(c *fiber.Ctx, status int, d views.Programme) error {
	t := s.translator(c)
	title := t.Get("programme.heading_own", "Year", d.Overview.Year)
	if d.Overview.All {
		title = t.Get("programme.heading", "Year", d.Overview.Year)
	}
	return s.renderPage(c, status, views.Page{Title: title}, views.ProgrammePage(d))
}

// programmeYearSave sets a programme year's targets from the form and
// shows that year's overview; a refused form comes back with its errors.
func (s *Server) programmeYearSave(c *fiber.Ctx) error {
	in := service.ProgrammeYearInput{
		Year: c.FormValue("year"), Municipalities: c.FormValue("municipalities"), Networks: c.FormValue("networks"),
		Professionals: c.FormValue("professionals"), FollowUpOf: c.FormValue("follow_up_of"),
	}
	y, err := s.svc.SaveProgrammeYear(c.UserContext(), currentUser(c), in)
	if fields := fieldErrors(err); fields != nil {
		year, perr := service.ParseYear(in.Year)
		if perr != nil {
			year = service.CurrentYear()
		}
		d, perr := s.programmeOf(c, year)
		if perr != nil {
			return perr
		}
		d.Form = views.ProgrammeYearForm{Year: in.Year, Municipalities: in.Municipalities, Networks: in.Networks,
			Professionals: in.Professionals, FollowUpOf: in.FollowUpOf}
		d.Errors = fields
		return s.renderProgramme(c, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice("/programme?year="+strconv.Itoa(y.Year), "programme_year_saved"))
}
