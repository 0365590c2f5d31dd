package live

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/views"
)

func meetingIDOf(topic string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(topic, "meeting:"), 10, 64)
	return id, err == nil && strings.HasPrefix(topic, "meeting:")
}

// meetingView reads a meeting's live parts once, for every class.
func (r Renderer) meetingView(ctx context.Context, workspaceID, meetingID int64) (*views.MeetingParts, error) {
	m, err := r.svc.LiveMeeting(ctx, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	return r.meetingParts(ctx, m)
}

// forClass is the meeting's parts as one class of viewers sees them. Case
// notes never travel this way: a case field is drawn closed, and the
// page of someone allowed to see it fetches it (and is audited).
func forClass(d *views.MeetingParts, c realtime.Class) *views.MeetingParts {
	cd := *d
	cd.CanEdit, cd.CanManage, cd.CanSeeCase, cd.Live = c.Edit, c.Manage, false, true
	cd.CommentRights, cd.ReadComments = classComments(c)
	cd.ReadPlan = c.Rights&rightReadPlan != 0
	return &cd
}

// liveWriter renders the components of one class's live update in turn,
// in the class's language, into one buffer; the first error sticks.
type liveWriter struct {
	ctx context.Context
	buf bytes.Buffer
	err error
}

func (r Renderer) writer(ctx context.Context, c realtime.Class) *liveWriter {
	return &liveWriter{ctx: i18n.NewContext(ctx, r.messages.Translator(c.Lang))}
}

func (w *liveWriter) render(parts ...templ.Component) {
	for _, p := range parts {
		if w.err == nil && p != nil {
			w.err = p.Render(w.ctx, &w.buf)
		}
	}
}

// oobAppend appends child to the element selector names, out of band.
func oobAppend(selector string, child templ.Component) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return views.OOBAppend(selector).Render(templ.WithChildren(ctx, child), w)
	})
}

// renderMeeting renders what one change means for a meeting's page.
func (r Renderer) renderMeeting(ctx context.Context, meetingID int64, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	d, err := r.meetingView(ctx, ev.WorkspaceID, meetingID)
	if service.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var it *model.AgendaItem
	if ev.Entity == "item" {
		if it, err = r.svc.LiveItem(ctx, ev.WorkspaceID, ev.ID); err != nil || it.MeetingID != d.Meeting.ID {
			return nil, nil
		}
	}
	by := r.author(ctx, ev)
	out := make(map[realtime.Class][]byte, len(classes))
	for _, c := range classes {
		w := r.writer(ctx, c)
		cd := forClass(d, c)
		w.render(r.meetingNews(c, ev, it, d.Times.Current, by))
		switch ev.Entity {
		case "meeting":
			for _, f := range ev.Fields {
				if slices.Contains(service.MeetingFields, f) {
					w.render(views.MeetingField(cd.Detail(), f, true))
				}
			}
			versionMarker(&w.buf, 0, d.Meeting.Version)
		case "item":
			meetingItem(w, cd, it, ev)
		case "attendees":
			w.render(views.MeetingAttendees(cd))
		case "outcomes":
			w.render(views.MeetingActions(cd, true))
			for i := range cd.Items {
				w.render(views.ItemOutcomes(cd, &cd.Items[i], true))
			}
		}
		w.render(views.AgendaNow(cd, true))
		if w.err != nil {
			return nil, w.err
		}
		out[c] = w.buf.Bytes()
	}
	return out, nil
}

// meetingItem renders a change of one agenda item.
func meetingItem(w *liveWriter, cd *views.MeetingParts, it *model.AgendaItem, ev realtime.Event) {
	if it.DeletedAt != nil {
		w.render(views.OOBDelete("item-" + strconv.FormatInt(it.ID, 10)))
		return
	}
	switch ev.Kind {
	case realtime.Created, realtime.Restored:
		w.render(oobAppend("#agenda-items", views.AgendaItem(cd, it, false)), views.AgendaOrder(cd))
	case realtime.Moved:
		w.render(views.AgendaOrder(cd))
	case realtime.Changed:
		versionMarker(&w.buf, it.ID, it.Version)
		if slices.Contains(ev.Fields, "duration") {
			w.render(views.AgendaOrder(cd))
		}
		for _, f := range ev.Fields {
			if !service.IsItemField(f) {
				continue
			}
			w.render(views.ItemField(cd, it, f, true))
			if f == "kind" {
				// A kind decides whether the item has case notes.
				w.render(views.ItemField(cd, it, "case_notes", true))
			}
		}
	}
}

// catchUpMeeting brings a reconnecting page up to date: every item it
// holds at an older version is drawn again, new ones added, deleted ones
// removed; the details, attendees and outcomes are sent whole.
func (r Renderer) catchUpMeeting(ctx context.Context, workspaceID, meetingID int64, have map[int64]int, c realtime.Class) ([]byte, error) {
	d, err := r.meetingView(ctx, workspaceID, meetingID)
	if service.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cd := forClass(d, c)
	w := r.writer(ctx, c)
	if v, ok := have[0]; ok && v < d.Meeting.Version {
		for _, f := range service.MeetingFields {
			w.render(views.MeetingField(cd.Detail(), f, true))
		}
		versionMarker(&w.buf, 0, d.Meeting.Version)
	}
	versions, err := r.svc.ItemVersions(ctx, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*model.AgendaItem{}
	for i := range cd.Items {
		byID[cd.Items[i].ID] = &cd.Items[i]
	}
	for _, iv := range versions {
		v, held := have[iv.ID]
		it := byID[iv.ID]
		switch {
		case iv.DeletedAt != nil:
			if held {
				w.render(views.OOBDelete("item-" + strconv.FormatInt(iv.ID, 10)))
			}
		case it == nil:
		case !held:
			w.render(oobAppend("#agenda-items", views.AgendaItem(cd, it, false)))
		case v < iv.Version:
			w.render(views.AgendaItem(cd, it, true))
		}
	}
	w.render(views.AgendaOrder(cd), views.MeetingAttendees(cd), views.MeetingActions(cd, true), views.AgendaNow(cd, true))
	if w.err != nil {
		return nil, w.err
	}
	return w.buf.Bytes(), nil
}
