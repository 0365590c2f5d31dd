package web

import (
	"context"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// meetingScripts are what a meeting's page loads besides htmx: the live
// connection, and reordering by drag and drop.
var meetingScripts = []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js", "/static/vendor/sortable.min.js", "/static/js/meeting.js", views.OrgPickerScript, commentsScript}

// meetingShow is the meeting's page: details, attendees, the live agenda
// with minutes and outcomes per item, and the actions it agreed.
func (s *Server) meetingShow(c *fiber.Ctx) error {
	mid, err := idParam(c, "mid")
	if err != nil {
		return err
	}
	p, err := s.meetingPage(c, mid)
	if err != nil {
		return err
	}
	p.Present = c.Query("mode") == "present"
	return s.renderMeetingPage(c, http.StatusOK, p)
}

// renderMeetingPage answers with the whole meeting page; handlers that
// send a form back to a browser without JavaScript use it too.
func (s *Server) renderMeetingPage(c *fiber.Ctx, status int, p views.MeetingPage) error {
	return s.renderPage(c, status, views.Page{Title: p.Parts.Meeting.Title, Scripts: meetingScripts}, views.MeetingShowPage(p))
}

// meetingPage gathers everything the meeting page shows, as the user sees it.
func (s *Server) meetingPage(c *fiber.Ctx, meetingID int64) (views.MeetingPage, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	m, err := s.svc.Meeting(ctx, u, wid, meetingID)
	if err != nil {
		return views.MeetingPage{}, err
	}
	w, err := s.svc.MeetingWorkspace(ctx, u, wid, m.ID)
	if err != nil {
		return views.MeetingPage{}, err
	}
	d, err := s.meetingParts(c, m)
	if err != nil {
		return views.MeetingPage{}, err
	}
	p := views.MeetingPage{
		Parts: d, Workspace: w, CanSaveTemplate: s.svc.CanSaveTemplates(u, wid),
		AddItem: views.ItemAddForm{Meeting: m, Kind: string(model.ItemDiscussion), Duration: "15"},
		Guest:   s.svc.IsGuest(u, wid),
	}
	if p.Comments, err = s.commentsSection(c, wid, model.SubjectMeeting, m.ID); err != nil {
		return views.MeetingPage{}, err
	}
	if s.authz.Can(u, wid, authz.ObjMembers, authz.ActManage) {
		form := views.InviteForm{Language: i18n.Default}
		if form.Organisations, err = s.svc.OrganisationChoices(ctx, wid); err != nil {
			return views.MeetingPage{}, err
		}
		p.GuestInvite = &views.GuestInvite{Meeting: m, Form: form}
	}
	return p, nil
}

// meetingParts reads the meeting page's live parts as the user sees them.
func (s *Server) meetingParts(c *fiber.Ctx, m *model.Meeting) (*views.MeetingParts, error) {
	d, err := s.readMeetingParts(c.UserContext(), m)
	if err != nil {
		return nil, err
	}
	s.asViewer(c, d)
	if err := s.itemComments(c, d); err != nil {
		return nil, err
	}
	return d, nil
}

// itemParts reads only what one field of an agenda item needs, as the user
// sees it: the people for its presenter, the agenda for its duration (which
// moves every later start), and nothing of the meeting for other fields.
func (s *Server) itemParts(c *fiber.Ctx, m *model.Meeting, field string) (*views.MeetingParts, error) {
	ctx := c.UserContext()
	d := &views.MeetingParts{MeetingView: &service.MeetingView{Meeting: m}}
	switch field {
	case "presenter":
		people, err := s.svc.ReadMeetingPeople(ctx, m)
		if err != nil {
			return nil, err
		}
		d.MeetingPeople = people
	case "duration":
		items, times, err := s.svc.ReadAgenda(ctx, m)
		if err != nil {
			return nil, err
		}
		d.Items, d.Times = items, times
	}
	s.asViewer(c, d)
	return d, nil
}

// asViewer fills in what the signed-in user may do with a meeting's parts.
func (s *Server) asViewer(c *fiber.Ctx, d *views.MeetingParts) {
	u, m := currentUser(c), d.Meeting
	d.CanEdit = s.svc.CanEditAgenda(u, m.WorkspaceID)
	d.CanManage = s.svc.CanManageMeetings(u, m.WorkspaceID)
	d.CanSeeCase = s.svc.CanSeeCase(c.UserContext(), u, m)
	d.ReadPlan = s.authz.Can(u, m.WorkspaceID, authz.ObjPlan, authz.ActRead)
	if u != nil {
		d.Self = u.ID
	}
}

// readMeetingParts reads what the live parts of a meeting page show: the
// same for everyone, so that a live push reads it once. What a class of
// viewers may do is for the caller to fill in.
func (s *Server) readMeetingParts(ctx context.Context, m *model.Meeting) (*views.MeetingParts, error) {
	v, err := s.svc.ReadMeetingView(ctx, m)
	if err != nil {
		return nil, err
	}
	return &views.MeetingParts{MeetingView: v}, nil
}
