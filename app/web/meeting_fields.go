package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// meetingFieldShow answers one detail of a meeting as shown (the editor's
// Cancel).
func (s *Server) meetingFieldShow(c *fiber.Ctx) error {
	m, field, err := s.loadMeetingField(c)
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, meetingPath(m.WorkspaceID, m.ID))
	}
	d, err := s.meetingDetail(c, m)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK, views.MeetingField(d, field, false))
}

// meetingFieldEdit opens the editor of one detail of a meeting.
func (s *Server) meetingFieldEdit(c *fiber.Ctx) error {
	m, field, err := s.loadMeetingField(c)
	if err != nil {
		return err
	}
	return s.meetingEditor(c, m, field, service.MeetingField(m, field), m.Version, "", nil, http.StatusOK)
}

// meetingFieldUpdate saves one detail of a meeting, or shows the conflict.
func (s *Server) meetingFieldUpdate(c *fiber.Ctx) error {
	m, field, err := s.loadMeetingField(c)
	if err != nil {
		return err
	}
	value, version := c.FormValue("value"), sentVersion(c)
	var saved *model.Meeting
	return s.answerFieldSave(c, fieldSave{
		save: func() (err error) {
			saved, err = s.svc.UpdateMeetingField(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, field, value, version)
			return err
		},
		editor: func(errID string, guard *service.GuardedField, status int) error {
			return s.meetingEditor(c, m, field, value, version, errID, guard, status)
		},
		conflict: func(conflict *service.Conflict) error {
			page := meetingPath(m.WorkspaceID, m.ID)
			domID := "meeting-" + itoa64(m.ID) + "-" + field
			v := s.conflictView(c, conflict, views.Conflict{
				DomID: domID, Field: field, Label: s.translator(c).Get("meetings.field." + field),
				Save: page + "/fields/" + field, Keep: page + "/fields/" + field, Back: page,
				FocusNext: "edit-" + domID,
			})
			return s.renderFragments(c, http.StatusConflict, views.FieldConflict(v))
		},
		saved: func() error {
			if !isHTMX(c) {
				return redirect(c, withNotice(meetingPath(saved.WorkspaceID, saved.ID), "meeting_saved"))
			}
			d, err := s.meetingDetail(c, saved)
			if err != nil {
				return err
			}
			return s.renderFragments(c, http.StatusOK, views.MeetingField(d, field, false))
		},
	})
}

// meetingEditor answers with the editor of a meeting's detail holding
// value: alone for htmx, on the whole page for a browser without JavaScript.
func (s *Server) meetingEditor(c *fiber.Ctx, m *model.Meeting, field, value string, version int, errID string, guard *service.GuardedField, status int) error {
	plans, _, err := s.svc.MeetingPlans(c.UserContext(), m)
	if err != nil {
		return err
	}
	e := views.MeetingFieldEditor{Meeting: m, Plans: plans, Field: field, Value: value, Version: version, Error: errID, Guard: guard}
	if !isHTMX(c) {
		p, err := s.meetingPage(c, m.ID)
		if err != nil {
			return err
		}
		p.Editor = &e
		return s.renderMeetingPage(c, status, p)
	}
	e.Autofocus = true
	return s.renderFragments(c, status, views.MeetingFieldEdit(e))
}

// meetingDetail is what a detail of the meeting needs to be shown.
func (s *Server) meetingDetail(c *fiber.Ctx, m *model.Meeting) (views.MeetingDetail, error) {
	_, plan, err := s.svc.MeetingPlans(c.UserContext(), m)
	if err != nil {
		return views.MeetingDetail{}, err
	}
	u := currentUser(c)
	return views.MeetingDetail{Meeting: m, Plan: plan, CanManage: s.svc.CanManageMeetings(u, workspaceID(c)),
		ReadPlan: s.authz.Can(u, workspaceID(c), authz.ObjPlan, authz.ActRead)}, nil
}

func (s *Server) loadMeetingField(c *fiber.Ctx) (*model.Meeting, string, error) {
	m, err := s.loadMeeting(c)
	if err != nil {
		return nil, "", err
	}
	field := fieldParam(c)
	for _, f := range service.MeetingFields {
		if f == field {
			return m, field, nil
		}
	}
	return nil, "", apperr.NotFound()
}

// meetingCurrent marks the item under discussion; everyone's page follows.
func (s *Server) meetingCurrent(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	item, _ := strconv.ParseInt(c.FormValue("item"), 10, 64)
	if _, err := s.svc.SetCurrentItem(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, item); err != nil {
		return err
	}
	if isHTMX(c) {
		return c.SendStatus(http.StatusNoContent)
	}
	return redirect(c, meetingPath(m.WorkspaceID, m.ID)+"#agenda-now")
}
