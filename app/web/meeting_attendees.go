package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// attendeeInvite invites a member ("user") or a guest ("guest_name",
// "guest_organisation") to a meeting.
func (s *Server) attendeeInvite(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	guest := c.FormValue("guest") == "1"
	if guest {
		_, err = s.svc.InviteGuest(ctx, u, m.WorkspaceID, m.ID, service.GuestInput{Name: c.FormValue("guest_name"), Organisation: c.FormValue("guest_organisation")})
	} else {
		_, err = s.svc.InviteMember(ctx, u, m.WorkspaceID, m.ID, c.FormValue("user"))
	}
	fields, guard := fieldErrors(err), service.Guarded(err)
	if err != nil && fields == nil {
		return err
	}
	if fields == nil && !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "attendee_added")+"#attendees-heading")
	}
	p, err := s.meetingPage(c, m.ID)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if fields != nil {
		status = http.StatusUnprocessableEntity
		if guest {
			p.Parts.GuestName, p.Parts.GuestOrganisation = c.FormValue("guest_name"), c.FormValue("guest_organisation")
			p.Parts.GuestErrors, p.Parts.GuestGuard = fields, guard
		} else {
			p.Parts.InviteErrors = fields
		}
	}
	if !isHTMX(c) {
		return s.renderMeetingPage(c, status, p)
	}
	return s.renderFragments(c, status, views.MeetingAttendees(p.Parts))
}

// attendeeAnswer records an RSVP ("rsvp") or presence ("presence").
func (s *Server) attendeeAnswer(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	aid, err := idParam(c, "aid")
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	if c.Request().PostArgs().Has("presence") {
		_, err = s.svc.SetPresence(ctx, u, m.WorkspaceID, aid, model.Presence(c.FormValue("presence")))
	} else {
		_, err = s.svc.SetRSVP(ctx, u, m.WorkspaceID, aid, model.RSVP(c.FormValue("rsvp")))
	}
	if err != nil {
		return err
	}
	return s.attendeesAnswer(c, m)
}

// attendeeRemove takes someone off the list.
func (s *Server) attendeeRemove(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	aid, err := idParam(c, "aid")
	if err != nil {
		return err
	}
	if err := s.svc.RemoveAttendee(c.UserContext(), currentUser(c), m.WorkspaceID, aid); err != nil {
		return err
	}
	return s.attendeesAnswer(c, m)
}

func (s *Server) attendeesAnswer(c *fiber.Ctx, m *model.Meeting) error {
	if !isHTMX(c) {
		return redirect(c, meetingPath(m.WorkspaceID, m.ID)+"#attendees-heading")
	}
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK, views.MeetingAttendees(d))
}
