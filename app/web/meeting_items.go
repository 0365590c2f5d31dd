package web

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/casus"
	"schakel/app/model"
	"schakel/app/service"
)

// itemCreate adds an item to the end of a meeting's agenda.
func (s *Server) itemCreate(c *fiber.Ctx) error {
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	in := service.ItemInput{Title: c.FormValue("title"), Kind: model.ItemKind(c.FormValue("kind")), Duration: c.FormValue("duration")}
	it, err := s.svc.CreateItem(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, in)
	if fields := fieldErrors(err); fields != nil {
		data, derr := s.meetingData(c, m.ID)
		if derr != nil {
			return derr
		}
		data["Form"] = fiber.Map{"Title": in.Title, "Kind": string(in.Kind), "Duration": in.Duration}
		data["Errors"] = fields
		if isHTMX(c) {
			return s.renderParts(c, http.StatusUnprocessableEntity, part{"partials/item_add_form", data})
		}
		return s.render(c, http.StatusUnprocessableEntity, "pages/meeting_show", "", "", data)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "item_added")+"#item-"+itoa64(it.ID))
	}
	// The form comes back empty; the item itself arrives with the live
	// update, as for everyone else, and right here too for a page
	// without a live connection.
	data, err := s.meetingData(c, m.ID)
	if err != nil {
		return err
	}
	return s.renderParts(c, http.StatusOK,
		part{"partials/item_add_form", data},
		part{"partials/agenda_list", withOOB(data)},
		part{"partials/agenda_now", withOOB(data)},
		noticePart(s.translator(c).Get("notice.item_added")))
}

func withOOB(d fiber.Map) fiber.Map { return mapWith(d, "OOB", true) }

// itemFieldShow answers one field of an item as shown (the editor's Cancel).
func (s *Server) itemFieldShow(c *fiber.Ctx) error {
	it, m, field, err := s.loadItemField(c)
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, meetingPath(m.WorkspaceID, m.ID)+"#item-"+itoa64(it.ID))
	}
	d, err := s.itemFieldData(c, it, m, field)
	if err != nil {
		return err
	}
	return s.renderParts(c, http.StatusOK, part{"partials/item_field", d})
}

// itemFieldEdit opens the editor of one field of an agenda item.
func (s *Server) itemFieldEdit(c *fiber.Ctx) error {
	it, m, field, err := s.loadItemField(c)
	if err != nil {
		return err
	}
	if field == "case_notes" {
		if it, err = s.svc.CaseNotes(c.UserContext(), currentUser(c), it.WorkspaceID, it.ID); err != nil {
			return err
		}
	}
	return s.itemEditor(c, it, m, field, service.ItemField(it, field), it.Version, "", nil, http.StatusOK)
}

// itemCase shows an item's case notes to an attendee allowed to see them;
// every such view is written to the audit log.
func (s *Server) itemCase(c *fiber.Ctx) error {
	it, m, err := s.loadItem(c)
	if err != nil {
		return err
	}
	if it, err = s.svc.CaseNotes(c.UserContext(), currentUser(c), it.WorkspaceID, it.ID); err != nil {
		return err
	}
	d, err := s.itemFieldData(c, it, m, "case_notes")
	if err != nil {
		return err
	}
	d["Reveal"] = true
	return s.renderParts(c, http.StatusOK, part{"partials/item_field", d})
}

// itemFieldUpdate saves one field of an item: a conflict shows both
// values; a case note that gives a child away is refused, naming what to
// remove, and stays in the editor.
func (s *Server) itemFieldUpdate(c *fiber.Ctx) error {
	it, m, field, err := s.loadItemField(c)
	if err != nil {
		return err
	}
	value := c.FormValue("value")
	version, _ := strconv.Atoi(c.FormValue("version"))
	if c.FormValue("edit") == "1" {
		return s.itemEditor(c, it, m, field, value, version, "", nil, http.StatusOK)
	}
	ctx, u := c.UserContext(), currentUser(c)
	saved, err := s.svc.UpdateItemField(ctx, u, it.WorkspaceID, it.ID, field, value, version)
	var conflict *service.Conflict
	var refused *service.CaseRefused
	switch {
	case errors.As(err, &conflict):
		page := itemPath(it.WorkspaceID, it.ID)
		domID := "item-" + itoa64(it.ID) + "-" + field
		cd := s.conflictData(c, conflict, fiber.Map{
			"DomID": domID, "Field": field, "Label": s.translator(c).Get("agenda.field." + field),
			"Save": page + "/fields/" + field, "Keep": page + "/fields/" + field,
			"Back": meetingPath(m.WorkspaceID, m.ID), "FocusNext": "edit-" + domID,
		})
		cd["Long"] = field == "notes" || field == "case_notes"
		if field == "case_notes" {
			cd["Theirs"], cd["Mine"] = conflict.Theirs, conflict.Mine
		}
		return s.renderParts(c, http.StatusConflict, part{"partials/field_conflict", cd})
	case errors.As(err, &refused):
		return s.itemEditor(c, it, m, field, value, version, "casus.refused", refused.Findings, http.StatusUnprocessableEntity)
	}
	if fields := fieldErrors(err); fields != nil {
		return s.itemEditor(c, it, m, field, value, version, fields["value"], nil, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "item_saved")+"#item-"+itoa64(it.ID))
	}
	d, err := s.itemFieldData(c, saved, m, field)
	if err != nil {
		return err
	}
	d["Reveal"] = field == "case_notes"
	parts := []part{{"partials/item_field", d}}
	if field == "duration" {
		// A new duration moves the end of the agenda and every later start.
		var order bytes.Buffer
		agendaOrder(&order, d)
		parts = append(parts, part{"partials/agenda_now", withOOB(d)},
			part{"partials/raw", fiber.Map{"HTML": template.HTML(order.String())}})
	}
	return s.renderParts(c, http.StatusOK, parts...)
}

// itemEditor answers with the editor of an item field holding value.
func (s *Server) itemEditor(c *fiber.Ctx, it *model.AgendaItem, m *model.Meeting, field, value string, version int, errID string, found []casus.Finding, status int) error {
	d, err := s.itemFieldData(c, it, m, field)
	if err != nil {
		return err
	}
	d["Value"], d["Version"], d["Error"], d["Autofocus"] = value, version, errID, true
	d["Findings"] = s.findingTexts(c, found)
	if !isHTMX(c) {
		data, err := s.meetingData(c, m.ID)
		if err != nil {
			return err
		}
		for k, v := range d {
			data[k] = v
		}
		data["EditItem"], data["EditField"] = it.ID, field
		return s.render(c, status, "pages/meeting_show", "", "", data)
	}
	return s.renderParts(c, status, part{"partials/item_field_edit", d})
}

// findingTexts names each identifier found in a case note, masked, in the
// user's language: "een BSN (1•••••••2)".
func (s *Server) findingTexts(c *fiber.Ctx, found []casus.Finding) []string {
	t := s.translator(c)
	out := make([]string, 0, len(found))
	for _, f := range found {
		out = append(out, t.Get("casus.kind."+string(f.Kind))+" ("+f.Masked()+")")
	}
	return out
}

func (s *Server) itemFieldData(c *fiber.Ctx, it *model.AgendaItem, m *model.Meeting, field string) (fiber.Map, error) {
	u := currentUser(c)
	d, err := s.meetingParts(c, m, s.meetingClass(u, m.WorkspaceID))
	if err != nil {
		return nil, err
	}
	d["Item"], d["Field"], d["OOB"] = it, field, false
	d["CanSeeCase"] = s.svc.CanSeeCase(c.UserContext(), u, m)
	return d, nil
}

func (s *Server) loadItemField(c *fiber.Ctx) (*model.AgendaItem, *model.Meeting, string, error) {
	it, m, err := s.loadItem(c)
	if err != nil {
		return nil, nil, "", err
	}
	field := c.Params("field")
	if !service.IsItemField(field) {
		return nil, nil, "", apperr.NotFound()
	}
	return it, m, field, nil
}

// itemMove puts an item elsewhere on the agenda: "direction" up or down
// for the keyboard, or "after" (the id of the item it now follows, 0 for
// first) where it was dropped.
func (s *Server) itemMove(c *fiber.Ctx) error {
	it, m, err := s.loadItem(c)
	if err != nil {
		return err
	}
	if it.DeletedAt != nil {
		return apperr.NotFound()
	}
	ctx, u := c.UserContext(), currentUser(c)
	var after int64 = -1
	switch dir := c.FormValue("direction"); dir {
	case "up", "down":
		items, err := s.svc.Items(ctx, u, m.WorkspaceID, m.ID)
		if err != nil {
			return err
		}
		for i := range items {
			if items[i].ID != it.ID {
				continue
			}
			switch {
			case dir == "up" && i == 1:
				after = 0
			case dir == "up" && i > 1:
				after = items[i-2].ID
			case dir == "down" && i+1 < len(items):
				after = items[i+1].ID
			}
		}
	default:
		if after, err = strconv.ParseInt(c.FormValue("after"), 10, 64); err != nil || after < 0 {
			return apperr.New(http.StatusBadRequest, "error.bad_request")
		}
	}
	if after >= 0 {
		if _, err := s.svc.MoveItem(ctx, u, m.WorkspaceID, it.ID, after); err != nil {
			return err
		}
	}
	if !isHTMX(c) {
		return redirect(c, meetingPath(m.WorkspaceID, m.ID)+"#item-"+itoa64(it.ID))
	}
	// The items move in place, with whatever is open in them, as they do
	// for everyone else when the live update comes.
	data, err := s.meetingData(c, m.ID)
	if err != nil {
		return err
	}
	var order bytes.Buffer
	agendaOrder(&order, data)
	t := s.translator(c)
	return s.renderParts(c, http.StatusOK,
		part{"partials/raw", fiber.Map{"HTML": template.HTML(order.String())}},
		part{"partials/agenda_now", withOOB(data)},
		noticePart(t.Get("notice.item_moved", "Title", it.Title)))
}

// itemDelete takes an item off the agenda, with undo; itemRestore undoes.
func (s *Server) itemDelete(c *fiber.Ctx) error { return s.itemSetDeleted(c, true) }

func (s *Server) itemRestore(c *fiber.Ctx) error { return s.itemSetDeleted(c, false) }

func (s *Server) itemSetDeleted(c *fiber.Ctx, deleted bool) error {
	it, m, err := s.loadItem(c)
	if err != nil {
		return err
	}
	ctx, u := c.UserContext(), currentUser(c)
	if deleted {
		_, err = s.svc.DeleteItem(ctx, u, m.WorkspaceID, it.ID)
	} else {
		_, err = s.svc.RestoreItem(ctx, u, m.WorkspaceID, it.ID)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		notice := "item_restored"
		if deleted {
			notice = "item_deleted"
		}
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), notice))
	}
	data, err := s.meetingData(c, m.ID)
	if err != nil {
		return err
	}
	parts := []part{{"partials/agenda_list", withOOB(data)}, {"partials/agenda_now", withOOB(data)}}
	if deleted {
		parts = append(parts, part{"partials/item_deleted", fiber.Map{"Item": it}})
	} else {
		parts = append(parts, noticePart(s.translator(c).Get("notice.item_restored")))
	}
	return s.renderParts(c, http.StatusOK, parts...)
}

// outcomeCreate records an outcome of an item; an action outcome adds the
// action to the meeting's plan.
func (s *Server) outcomeCreate(c *fiber.Ctx) error {
	it, m, err := s.loadItem(c)
	if err != nil {
		return err
	}
	in := service.OutcomeInput{
		Kind: model.OutcomeKind(c.FormValue("kind")), Text: c.FormValue("text"), Theme: c.FormValue("theme"),
		OwnerOrganisation: c.FormValue("owner_organisation"), Owner: c.FormValue("owner"),
		DueDate: c.FormValue("due_date"), Rights: strings.Join(formValues(c, "rights"), ","),
	}
	_, err = s.svc.AddOutcome(c.UserContext(), currentUser(c), m.WorkspaceID, it.ID, in)
	fields := fieldErrors(err)
	if err != nil && fields == nil {
		return err
	}
	if !isHTMX(c) && fields == nil {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "outcome_added")+"#item-"+itoa64(it.ID)+"-outcomes")
	}
	d, err := s.itemFieldData(c, it, m, "")
	if err != nil {
		return err
	}
	status := http.StatusOK
	if fields != nil {
		status = http.StatusUnprocessableEntity
		d["OutcomeForm"], d["OutcomeErrors"] = in, fields
	}
	if !isHTMX(c) {
		data, err := s.meetingData(c, m.ID)
		if err != nil {
			return err
		}
		data["OutcomeItem"], data["OutcomeForm"], data["OutcomeErrors"] = it.ID, in, fields
		return s.render(c, status, "pages/meeting_show", "", "", data)
	}
	parts := []part{{"partials/item_outcomes", d}}
	if fields == nil {
		parts = append(parts, part{"partials/meeting_actions", withOOB(d)},
			noticePart(s.translator(c).Get("notice.outcome_added")))
	}
	return s.renderParts(c, status, parts...)
}

// outcomeDelete removes an outcome; an action it created stays in the plan.
func (s *Server) outcomeDelete(c *fiber.Ctx) error {
	oid, err := idParam(c, "oid")
	if err != nil {
		return err
	}
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	if err := s.svc.DeleteOutcome(c.UserContext(), currentUser(c), m.WorkspaceID, m.ID, oid); err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "outcome_deleted"))
	}
	data, err := s.meetingData(c, m.ID)
	if err != nil {
		return err
	}
	parts := []part{{"partials/meeting_actions", withOOB(data)}, noticePart(s.translator(c).Get("notice.outcome_deleted"))}
	for i := range data["Items"].([]model.AgendaItem) {
		parts = append(parts, part{"partials/item_outcomes", mapWith(withOOB(data), "Item", &data["Items"].([]model.AgendaItem)[i])})
	}
	return s.renderParts(c, http.StatusOK, parts...)
}
