package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// actionShow shows one action with every field in a form of its own (what
// a browser without JavaScript edits with) and its change history.
func (s *Server) actionShow(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	d, err := s.actionPage(c, a, p)
	if err != nil {
		return err
	}
	return s.renderActionPage(c, http.StatusOK, d)
}

// renderActionPage answers with the action's page, titled after it.
func (s *Server) renderActionPage(c *fiber.Ctx, status int, d views.ActionPageView) error {
	page := views.Page{Title: d.Action.Title}
	if d.Comments != nil {
		page.Scripts = []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js", commentsScript}
	}
	return s.renderPage(c, status, page, views.ActionPage(d))
}

// actionPage gathers what the action page shows: every field with its form
// at the action's version; pageField changes one of them.
func (s *Server) actionPage(c *fiber.Ctx, a *model.Action, p *model.Plan) (views.ActionPageView, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return views.ActionPageView{}, err
	}
	history, err := s.svc.ActionHistory(ctx, u, wid, a.ID)
	if err != nil {
		return views.ActionPageView{}, err
	}
	choices, err := s.actionChoices(c, a, p)
	if err != nil {
		return views.ActionPageView{}, err
	}
	mayEdit := s.svc.CanEditActions(u, wid)
	d := views.ActionPageView{
		Workspace: w, Plan: p, Action: a, Today: service.Today(),
		CanEdit: mayEdit && a.DeletedAt == nil, CanRestore: mayEdit,
		Fields: make([]views.ActionPageField, 0, len(service.ActionFields)),
	}
	for _, f := range service.ActionFields {
		d.Fields = append(d.Fields, views.ActionPageField{Editor: pageEditor(a, f, choices)})
	}
	d.History = s.historyEntries(c, history, d.CanEdit)
	if d.Comments, err = s.commentsSection(c, wid, model.SubjectAction, a.ID); err != nil {
		return views.ActionPageView{}, err
	}
	d.CanSignal = s.svc.CanSignal(u, wid)
	if a.MeetingID != nil {
		if m, err := s.svc.Meeting(ctx, u, wid, *a.MeetingID); err == nil {
			d.OriginMeeting = m
			if a.AgendaItemID != nil {
				if it, _, err := s.svc.Item(ctx, u, wid, *a.AgendaItemID); err == nil {
					d.OriginItem = it
				}
			}
		}
	}
	return d, nil
}

// pageEditor is the form of one field on the action's page, holding the
// stored value at the action's version.
func pageEditor(a *model.Action, field string, choices views.ActionChoices) views.ActionEditor {
	return views.ActionEditor{
		Action: a, Field: field, Value: service.ActionField(a, field), Version: a.Version,
		Standalone: true, Choices: choices,
	}
}

// pageField is the field of the action page's forms named field.
func pageField(d *views.ActionPageView, field string) *views.ActionPageField {
	for i := range d.Fields {
		if d.Fields[i].Editor.Field == field {
			return &d.Fields[i]
		}
	}
	// Only known fields come here (actionField checks the route); an
	// unknown one still gets a form rather than a crash.
	d.Fields = append(d.Fields, views.ActionPageField{Editor: views.ActionEditor{Action: d.Action, Field: field, Standalone: true}})
	return &d.Fields[len(d.Fields)-1]
}

// actionChoices are the options of an action's select fields: the
// workspace's members, the organisations (its region's first) and the
// plan's themes.
func (s *Server) actionChoices(c *fiber.Ctx, a *model.Action, p *model.Plan) (views.ActionChoices, error) {
	ctx, u := c.UserContext(), currentUser(c)
	members, err := s.svc.MemberChoices(ctx, u, a.WorkspaceID)
	if err != nil {
		return views.ActionChoices{}, err
	}
	orgs, err := s.svc.OrganisationChoices(ctx, a.WorkspaceID)
	if err != nil {
		return views.ActionChoices{}, err
	}
	return views.ActionChoices{Members: owners(members), Organisations: orgs, Themes: p.Framework.Themes()}, nil
}

// owners are the members who may own an action: not a meeting's guests,
// who see no plan.
func owners(members []model.Membership) []model.Membership {
	out := make([]model.Membership, 0, len(members))
	for _, m := range members {
		if m.Role != model.RoleGuest {
			out = append(out, m)
		}
	}
	return out
}

// historyEntries writes an action's changes for people: who, what, and
// for a changed field both values, with the offer to restore when canEdit.
func (s *Server) historyEntries(c *fiber.Ctx, changes []model.Change, canEdit bool) []views.ActionChange {
	t := s.translator(c)
	names := s.valueNames(c.UserContext(), t)
	out := make([]views.ActionChange, 0, len(changes))
	for _, ch := range changes {
		e := views.ActionChange{ID: ch.ID, At: ch.CreatedAt, Who: t.Get("actions.value.unknown")}
		if ch.User != nil {
			e.Who = personName(t, ch.User.Name)
		}
		switch {
		case ch.Field == model.FieldCreated, ch.Field == model.FieldDeleted, ch.Field == model.FieldRestored:
			e.What = t.Get("history." + ch.Field[1:])
		case ch.Field == "position":
			e.What = t.Get("history.moved")
		case service.IsActionField(ch.Field):
			e.Label = t.Get("actions.field." + ch.Field)
			e.What = t.Get("history.changed", "Field", e.Label)
			e.Values, e.Long = true, ch.Field == "description"
			e.Old, e.New = names.Text(ch.Field, ch.OldValue), names.Text(ch.Field, ch.NewValue)
			e.Restorable = canEdit
		default:
			e.What = ch.Field
		}
		out = append(out, e)
	}
	return out
}
