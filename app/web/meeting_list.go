package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// meetingList shows the workspace's meetings and, to whoever may plan
// them, the form for a new one.
func (s *Server) meetingList(c *fiber.Ctx) error {
	return s.renderMeetingList(c, http.StatusOK, views.MeetingForm{
		Kind: string(model.MeetingTraining), Template: "training", StartTime: "09:30", Duration: "180",
	}, nil)
}

// renderMeetingList answers with the meetings page, its form holding form
// with errs.
func (s *Server) renderMeetingList(c *fiber.Ctx, status int, form views.MeetingForm, errs map[string]string) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	meetings, err := s.svc.Meetings(ctx, u, wid)
	if err != nil {
		return err
	}
	templates, err := s.svc.Templates(ctx, u, wid)
	if err != nil {
		return err
	}
	plans, err := s.svc.Plans(ctx, u, wid)
	if err != nil {
		return err
	}
	today := service.Today()
	filter := meetingFilter(c)
	var upcoming, past []model.Meeting
	shown := 0
	for _, m := range meetings {
		if !filter.Matches(&m, today) {
			continue
		}
		shown++
		if m.Date >= today && m.State != model.MeetingFinished {
			upcoming = append(upcoming, m)
		} else {
			past = append([]model.Meeting{m}, past...)
		}
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("meetings.title")}, views.MeetingListPage(views.MeetingList{
		Workspace: w, Upcoming: upcoming, Past: past, CanManage: s.svc.CanManageMeetings(u, wid),
		Builtin: service.BuiltinTemplates, Templates: templates, Plans: plans,
		Form: form, Errors: errs, Filter: filter, Shown: shown,
	}))
}

// meetingFilter reads the meeting list's filter from the query; what it
// does not know it ignores.
func meetingFilter(c *fiber.Ctx) service.MeetingFilter {
	var f service.MeetingFilter
	if k := model.MeetingKind(c.Query("kind")); k.Valid() {
		f.Kind = k
	}
	if y, err := strconv.Atoi(c.Query("year")); err == nil && y >= service.MinYear && y <= service.MaxYear {
		f.Year = y
	}
	f.Held = c.Query("held") == "1"
	return f
}

// meetingCreate plans a meeting from the form and opens it.
func (s *Server) meetingCreate(c *fiber.Ctx) error {
	in := service.MeetingInput{
		Title: c.FormValue("title"), Kind: model.MeetingKind(c.FormValue("kind")), Date: c.FormValue("date"),
		StartTime: c.FormValue("start_time"), Duration: c.FormValue("duration"), Location: c.FormValue("location"),
		OnlineURL: c.FormValue("online_url"), Template: c.FormValue("template"), PlanID: c.FormValue("plan"),
	}
	m, err := s.svc.CreateMeeting(c.UserContext(), currentUser(c), workspaceID(c), in)
	if fields := fieldErrors(err); fields != nil {
		return s.renderMeetingList(c, http.StatusUnprocessableEntity, views.MeetingForm{
			Title: in.Title, Kind: string(in.Kind), Date: in.Date, StartTime: in.StartTime,
			Duration: in.Duration, Location: in.Location, OnlineURL: in.OnlineURL,
			Template: in.Template, Plan: in.PlanID, Guard: service.Guarded(err),
		}, fields)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "meeting_created"))
}

// templateSave saves the meeting's agenda as a template of the workspace.
func (s *Server) templateSave(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	_, err = s.svc.SaveTemplate(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, c.FormValue("name"))
	if fields := fieldErrors(err); fields != nil {
		p, perr := s.meetingPage(c, m.ID)
		if perr != nil {
			return perr
		}
		p.TemplateError, p.TemplateName, p.TemplateGuard = fields["name"], c.FormValue("name"), service.Guarded(err)["name"]
		return s.renderMeetingPage(c, http.StatusUnprocessableEntity, p)
	}
	if err != nil {
		return err
	}
	return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "template_saved")+"#template-heading")
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
