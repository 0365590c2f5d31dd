package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
)

// actionShow shows one action with every field in a form of its own (what
// a browser without JavaScript edits with) and its change history.
func (s *Server) actionShow(c *fiber.Ctx) error {
	a, p, err := s.loadAction(c)
	if err != nil {
		return err
	}
	data, err := s.actionPageData(c, a, p)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "pages/action_show", "", "", data)
}

// actionPageData gathers what the action page shows. Data "Fields" holds
// one map per field for its form; setField changes one of them.
func (s *Server) actionPageData(c *fiber.Ctx, a *model.Action, p *model.Plan) (fiber.Map, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), authz.WorkspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return nil, err
	}
	history, err := s.svc.ActionHistory(ctx, u, wid, a.ID)
	if err != nil {
		return nil, err
	}
	data, err := s.editorOptions(c, a, p)
	if err != nil {
		return nil, err
	}
	mayEdit := s.svc.CanEditActions(u, wid)
	canEdit := mayEdit && a.DeletedAt == nil
	fields := make([]fiber.Map, 0, len(service.ActionFields))
	for _, f := range service.ActionFields {
		fields = append(fields, fiber.Map{
			"Field": f, "Value": service.ActionField(a, f), "Version": a.Version,
			"Error": "", "Autofocus": false, "Conflict": nil,
		})
	}
	data["Workspace"], data["CanEdit"], data["CanRestore"] = w, canEdit, mayEdit
	data["Fields"], data["Standalone"], data["PageTitle"] = fields, true, a.Title
	data["History"] = s.historyEntries(c, history, canEdit)
	data["OriginMeeting"], data["OriginItem"] = nil, nil
	if a.MeetingID != nil {
		if m, err := s.svc.Meeting(ctx, u, wid, *a.MeetingID); err == nil {
			data["OriginMeeting"] = m
			if a.AgendaItemID != nil {
				if it, _, err := s.svc.Item(ctx, u, wid, *a.AgendaItemID); err == nil {
					data["OriginItem"] = it
				}
			}
		}
	}
	return data, nil
}

// setField changes the form of one field on the action page.
func setField(data fiber.Map, field string, with fiber.Map) {
	for _, f := range data["Fields"].([]fiber.Map) {
		if f["Field"] == field {
			for k, v := range with {
				f[k] = v
			}
		}
	}
}

// editorOptions is the data every action field editor needs: the action
// data and the choices of the select fields.
func (s *Server) editorOptions(c *fiber.Ctx, a *model.Action, p *model.Plan) (fiber.Map, error) {
	ctx, u := c.UserContext(), currentUser(c)
	members, err := s.svc.Members(ctx, u, a.WorkspaceID)
	if err != nil {
		return nil, err
	}
	orgs, err := store.Organisations(ctx, s.db)
	if err != nil {
		return nil, err
	}
	data := actionData(a, p, s.svc.CanEditActions(u, a.WorkspaceID) && a.DeletedAt == nil, service.Today(), false)
	data["Members"], data["Organisations"] = members, orgs
	data["Rights"], data["Statuses"], data["Themes"] = model.Rights, model.ActionStatuses, p.Framework.Themes()
	return data, nil
}

// historyEntry is one line of the change history as the page shows it.
type historyEntry struct {
	Change     model.Change
	Who        string
	What       string
	Label      string
	Values     bool
	Old, New   string
	Long       bool
	Restorable bool
}

func (s *Server) historyEntries(c *fiber.Ctx, changes []model.Change, canEdit bool) []historyEntry {
	t := s.translator(c)
	names := s.valueNames(c.UserContext(), t)
	out := make([]historyEntry, 0, len(changes))
	for _, ch := range changes {
		e := historyEntry{Change: ch, Who: t.Get("actions.value.unknown")}
		if ch.User != nil {
			e.Who = ch.User.Name
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
