package live

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"github.com/a-h/templ"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/views"
)

// author finds who made the change of a live event in the history, so that
// the news of it can name them; nil when the history does not say.
func (r Renderer) author(ctx context.Context, ev realtime.Event) *model.User {
	var entity model.Entity
	switch ev.Entity {
	case "action":
		entity = model.EntityAction
	case "plan":
		entity = model.EntityPlan
	case "item":
		entity = model.EntityItem
	case "meeting":
		entity = model.EntityMeeting
	default:
		return nil
	}
	u, err := r.svc.ChangeAuthor(ctx, ev.WorkspaceID, entity, ev.ID, ev.Version)
	if err != nil {
		return nil
	}
	return u
}

// news writes one sentence about a change to a plan, such as "Mo Bakker
// heeft „Voorlichting” gewijzigd: status.", in the language of ctx, for
// the page to read out in its polite live region. It carries its author,
// so that a page does not tell people what they did themselves.
func (r Renderer) news(ctx context.Context, buf *bytes.Buffer, ev realtime.Event, a *model.Action, by *model.User) error {
	if by == nil {
		return nil
	}
	t := i18n.FromContext(ctx)
	var text string
	switch {
	case ev.Entity == "plan":
		text = t.Get("live.news.plan_updated", "Name", by.Name)
		if fields := fieldList(t, "plans.field.", ev.Fields); fields != "" {
			text = t.Get("live.news.plan_changed", "Name", by.Name, "Fields", fields)
		}
	case a == nil:
		return nil
	case a.DeletedAt != nil || ev.Kind == realtime.Deleted:
		text = t.Get("live.news.action_deleted", "Name", by.Name, "Title", a.Title)
	case ev.Kind == realtime.Created:
		text = t.Get("live.news.action_created", "Name", by.Name, "Title", a.Title)
	case ev.Kind == realtime.Restored:
		text = t.Get("live.news.action_restored", "Name", by.Name, "Title", a.Title)
	case ev.Kind == realtime.Moved:
		text = t.Get("live.news.action_moved", "Name", by.Name, "Title", a.Title)
	default:
		text = t.Get("live.news.action_updated", "Name", by.Name, "Title", a.Title)
		if fields := fieldList(t, "actions.field.", ev.Fields); fields != "" {
			text = t.Get("live.news.action_changed", "Name", by.Name, "Title", a.Title, "Fields", fields)
		}
	}
	return views.LiveNews(by.ID, text).Render(ctx, buf)
}

// fieldList names changed fields in running text: "status, voortgang".
func fieldList(t *i18n.Translator, prefix string, fields []string) string {
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		if f == "position" || !(service.IsActionField(f) || slices.Contains(service.PlanFields, f)) {
			continue
		}
		names = append(names, strings.ToLower(t.Get(prefix+f)))
	}
	return strings.Join(names, ", ")
}

// meetingNews is one sentence about a change to a meeting's agenda for
// the page's polite live region: who changed which item, or which item is
// now under discussion (told to everyone, the chair too: by 0). It is nil
// when there is nothing to tell.
func (r Renderer) meetingNews(c realtime.Class, ev realtime.Event, it *model.AgendaItem, current *model.AgendaItem, by *model.User) templ.Component {
	t := r.messages.Translator(c.Lang)
	var text string
	switch {
	case ev.Entity == "meeting" && slices.Contains(ev.Fields, "current"):
		if current == nil {
			return nil
		}
		return views.LiveNews(0, t.Get("live.news.item_current", "Title", current.Title))
	case by == nil:
		return nil
	case ev.Entity == "item" && it != nil && (it.DeletedAt != nil || ev.Kind == realtime.Deleted):
		text = t.Get("live.news.item_deleted", "Name", by.Name, "Title", it.Title)
	case ev.Entity == "item" && it != nil && (ev.Kind == realtime.Created || ev.Kind == realtime.Restored):
		text = t.Get("live.news.item_created", "Name", by.Name, "Title", it.Title)
	case ev.Entity == "item" && it != nil:
		names := make([]string, 0, len(ev.Fields))
		for _, f := range ev.Fields {
			if service.IsItemField(f) {
				names = append(names, strings.ToLower(t.Get("agenda.field."+f)))
			}
		}
		text = t.Get("live.news.item_changed", "Name", by.Name, "Title", it.Title, "Fields", strings.Join(names, ", "))
	case ev.Entity == "meeting":
		text = t.Get("live.news.meeting_changed", "Name", by.Name)
	default:
		return nil
	}
	return views.LiveNews(by.ID, text)
}
