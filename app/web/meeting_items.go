package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
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
		form := views.ItemAddForm{Meeting: m, Title: in.Title, Kind: string(in.Kind), Duration: in.Duration, Errors: fields, Guard: service.Guarded(err)}
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.ItemAdd(form))
		}
		p, perr := s.meetingPage(c, m.ID)
		if perr != nil {
			return perr
		}
		p.AddItem = form
		return s.renderMeetingPage(c, http.StatusUnprocessableEntity, p)
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
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK,
		views.ItemAdd(views.ItemAddForm{Meeting: m, Kind: string(model.ItemDiscussion), Duration: "15"}),
		views.AgendaList(d, true),
		views.AgendaNow(d, true),
		views.NoticeOOB(s.translator(c).Get("notice.item_added")))
}

// itemFieldShow answers one field of an item as shown (the editor's Cancel).
func (s *Server) itemFieldShow(c *fiber.Ctx) error {
	it, m, field, err := s.loadItemField(c)
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, meetingPath(m.WorkspaceID, m.ID)+"#item-"+itoa64(it.ID))
	}
	d, err := s.itemParts(c, m, field)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK, views.ItemField(d, it, field, false))
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
	d, err := s.itemParts(c, m, "case_notes")
	if err != nil {
		return err
	}
	d.Reveal = true
	return s.renderFragments(c, http.StatusOK, views.ItemField(d, it, "case_notes", false))
}

// itemFieldUpdate saves one field of an item: a conflict shows both
// values; text the privacy guard holds back (a case note that gives a
// child away, say) stays in the editor with what it found, masked.
func (s *Server) itemFieldUpdate(c *fiber.Ctx) error {
	it, m, field, err := s.loadItemField(c)
	if err != nil {
		return err
	}
	value, version := c.FormValue("value"), sentVersion(c)
	var saved *model.AgendaItem
	return s.answerFieldSave(c, fieldSave{
		save: func() (err error) {
			saved, err = s.svc.UpdateItemField(c.UserContext(), currentUser(c), it.WorkspaceID, it.ID, field, value, version)
			return err
		},
		editor: func(errID string, guard *service.GuardedField, status int) error {
			return s.itemEditor(c, it, m, field, value, version, errID, guard, status)
		},
		conflict: func(conflict *service.Conflict) error {
			page := itemPath(it.WorkspaceID, it.ID)
			domID := "item-" + itoa64(it.ID) + "-" + field
			v := s.conflictView(c, conflict, views.Conflict{
				DomID: domID, Field: field, Label: s.translator(c).Get("agenda.field." + field),
				Save: page + "/fields/" + field, Keep: page + "/fields/" + field,
				Back: meetingPath(m.WorkspaceID, m.ID), FocusNext: "edit-" + domID,
			})
			v.Long = field == "notes" || field == "case_notes"
			if field == "case_notes" {
				v.Theirs, v.Mine = conflict.Theirs, conflict.Mine
			}
			return s.renderFragments(c, http.StatusConflict, views.FieldConflict(v))
		},
		saved: func() error { return s.itemSaved(c, m, saved, field) },
	})
}

// itemSaved answers a saved item field: the field as shown, and for a
// duration the later starts it moved.
func (s *Server) itemSaved(c *fiber.Ctx, m *model.Meeting, saved *model.AgendaItem, field string) error {
	if !isHTMX(c) {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "item_saved")+"#item-"+itoa64(saved.ID))
	}
	d, err := s.itemParts(c, m, field)
	if err != nil {
		return err
	}
	d.Reveal = field == "case_notes"
	parts := []templ.Component{views.ItemField(d, saved, field, false)}
	if field == "duration" {
		// A new duration moves the end of the agenda and every later start.
		parts = append(parts, views.AgendaNow(d, true), views.AgendaOrder(d))
	}
	return s.renderFragments(c, http.StatusOK, parts...)
}

// itemEditor answers with the editor of an item field holding value; a
// browser without JavaScript gets the meeting's page with the editor open.
func (s *Server) itemEditor(c *fiber.Ctx, it *model.AgendaItem, m *model.Meeting, field, value string, version int, errID string, guard *service.GuardedField, status int) error {
	d, err := s.itemParts(c, m, field)
	if err != nil {
		return err
	}
	e := views.ItemEditor{
		Item: it, Field: field, Value: value, Version: version, Error: errID, Guard: guard,
		Autofocus: true, Members: d.Members, Attendees: d.Attendees,
	}
	if !isHTMX(c) {
		p, err := s.meetingPage(c, m.ID)
		if err != nil {
			return err
		}
		p.Parts.ItemEditor = &e
		return s.renderMeetingPage(c, status, p)
	}
	return s.renderFragments(c, status, views.ItemFieldEdit(e))
}

func (s *Server) loadItemField(c *fiber.Ctx) (*model.AgendaItem, *model.Meeting, string, error) {
	it, m, err := s.loadItem(c)
	if err != nil {
		return nil, nil, "", err
	}
	field := fieldParam(c)
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
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	return s.renderFragments(c, http.StatusOK,
		views.AgendaOrder(d),
		views.AgendaNow(d, true),
		views.NoticeOOB(s.translator(c).Get("notice.item_moved", "Title", it.Title)))
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
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	notice := views.NoticeOOB(s.translator(c).Get("notice.item_restored"))
	if deleted {
		notice = views.ItemDeleted(it)
	}
	return s.renderFragments(c, http.StatusOK, views.AgendaList(d, true), views.AgendaNow(d, true), notice)
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
	fields, guard := fieldErrors(err), service.Guarded(err)["text"]
	if err != nil && fields == nil {
		return err
	}
	if !isHTMX(c) && fields == nil {
		return redirect(c, withNotice(meetingPath(m.WorkspaceID, m.ID), "outcome_added")+"#item-"+itoa64(it.ID)+"-outcomes")
	}
	if fields != nil && !isHTMX(c) {
		p, err := s.meetingPage(c, m.ID)
		if err != nil {
			return err
		}
		p.Parts.OutcomeItem, p.Parts.OutcomeForm, p.Parts.OutcomeErrors = it.ID, &in, fields
		p.Parts.OutcomeGuard = guard
		return s.renderMeetingPage(c, http.StatusUnprocessableEntity, p)
	}
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	if fields != nil {
		d.OutcomeItem, d.OutcomeForm, d.OutcomeErrors = it.ID, &in, fields
		d.OutcomeGuard = guard
		return s.renderFragments(c, http.StatusUnprocessableEntity, views.ItemOutcomes(d, it, false))
	}
	return s.renderFragments(c, http.StatusOK, views.ItemOutcomes(d, it, false), views.MeetingActions(d, true),
		views.NoticeOOB(s.translator(c).Get("notice.outcome_added")))
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
	d, err := s.meetingParts(c, m)
	if err != nil {
		return err
	}
	parts := []templ.Component{views.MeetingActions(d, true), views.NoticeOOB(s.translator(c).Get("notice.outcome_deleted"))}
	for i := range d.Items {
		parts = append(parts, views.ItemOutcomes(d, &d.Items[i], true))
	}
	return s.renderFragments(c, http.StatusOK, parts...)
}
