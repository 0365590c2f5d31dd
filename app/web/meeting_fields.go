package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
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
	return s.renderParts(c, http.StatusOK, part{"partials/meeting_field", s.meetingFieldData(c, m, field, false)})
}

// meetingFieldEdit opens the editor of one detail of a meeting.
func (s *Server) meetingFieldEdit(c *fiber.Ctx) error {
	m, field, err := s.loadMeetingField(c)
	if err != nil {
		return err
	}
	return s.meetingEditor(c, m, field, service.MeetingField(m, field), m.Version, "", http.StatusOK)
}

// meetingFieldUpdate saves one detail of a meeting, or shows the conflict.
func (s *Server) meetingFieldUpdate(c *fiber.Ctx) error {
	m, field, err := s.loadMeetingField(c)
	if err != nil {
		return err
	}
	value := c.FormValue("value")
	version, _ := strconv.Atoi(c.FormValue("version"))
	if c.FormValue("edit") == "1" {
		return s.meetingEditor(c, m, field, value, version, "", http.StatusOK)
	}
	saved, err := s.svc.UpdateMeetingField(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, field, value, version)
	var conflict *service.Conflict
	if errors.As(err, &conflict) {
		page := meetingPath(m.WorkspaceID, m.ID)
		domID := "meeting-" + itoa64(m.ID) + "-" + field
		cd := s.conflictData(c, conflict, fiber.Map{
			"DomID": domID, "Field": field, "Label": s.translator(c).Get("meetings.field." + field),
			"Save": page + "/fields/" + field, "Keep": page + "/fields/" + field, "Back": page,
			"FocusNext": "edit-" + domID,
		})
		return s.renderParts(c, http.StatusConflict, part{"partials/field_conflict", cd})
	}
	if fields := fieldErrors(err); fields != nil {
		return s.meetingEditor(c, m, field, value, version, fields["value"], http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(saved.WorkspaceID, saved.ID), "meeting_saved"))
	}
	return s.renderParts(c, http.StatusOK, part{"partials/meeting_field", s.meetingFieldData(c, saved, field, false)})
}

func (s *Server) meetingEditor(c *fiber.Ctx, m *model.Meeting, field, value string, version int, errID string, status int) error {
	if !isHTMX(c) {
		data, err := s.meetingData(c, m.ID)
		if err != nil {
			return err
		}
		data["EditField"], data["Value"], data["Version"], data["Error"], data["Field"] = field, value, version, errID, field
		return s.render(c, status, "pages/meeting_show", "", "", data)
	}
	d := s.meetingFieldData(c, m, field, false)
	d["Value"], d["Version"], d["Error"], d["Autofocus"] = value, version, errID, true
	return s.renderParts(c, status, part{"partials/meeting_field_edit", d})
}

func (s *Server) meetingFieldData(c *fiber.Ctx, m *model.Meeting, field string, oob bool) fiber.Map {
	u, wid := currentUser(c), authz.WorkspaceID(c)
	plans, _ := store.Plans(c.UserContext(), s.db, m.WorkspaceID)
	var plan *model.Plan
	for i := range plans {
		if m.PlanID != nil && plans[i].ID == *m.PlanID {
			plan = &plans[i]
		}
	}
	return fiber.Map{"Meeting": m, "Field": field, "OOB": oob, "CanManage": s.svc.CanManageMeetings(u, wid),
		"Kinds": model.MeetingKinds, "States": model.MeetingStates, "Plans": plans, "Plan": plan}
}

func (s *Server) loadMeetingField(c *fiber.Ctx) (*model.Meeting, string, error) {
	m, err := s.loadMeeting(c)
	if err != nil {
		return nil, "", err
	}
	field := c.Params("field")
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
