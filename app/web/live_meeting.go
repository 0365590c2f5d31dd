package web

import (
	"bytes"
	"context"
	"errors"
	"html"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/app/store"
)

func meetingIDOf(topic string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(topic, "meeting:"), 10, 64)
	return id, err == nil && strings.HasPrefix(topic, "meeting:")
}

// meetingView reads a meeting's live parts once, for every class.
func (r liveRenderer) meetingView(ctx context.Context, workspaceID, meetingID int64) (*model.Meeting, fiber.Map, error) {
	m, err := store.Meeting(ctx, r.s.db, workspaceID, meetingID)
	if err != nil {
		return nil, nil, err
	}
	d, err := r.s.meetingPartsCtx(ctx, m, meetingClass{})
	return m, d, err
}

// forClass is the meeting's data as one class of viewers sees it. Case
// notes never travel this way: a case field is drawn closed, and the
// page of someone allowed to see it fetches it (and is audited).
func forClass(d fiber.Map, c realtime.Class) fiber.Map {
	out := make(fiber.Map, len(d)+4)
	for k, v := range d {
		out[k] = v
	}
	out["CanEdit"], out["CanManage"], out["CanSeeCase"], out["OOB"] = c.Edit, c.Manage, false, true
	out["Live"] = true
	return out
}

// renderMeeting renders what one change means for a meeting's page.
func (r liveRenderer) renderMeeting(ctx context.Context, meetingID int64, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	m, d, err := r.meetingView(ctx, ev.WorkspaceID, meetingID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var it *model.AgendaItem
	if ev.Entity == "item" {
		if it, err = store.Item(ctx, r.s.db, ev.WorkspaceID, ev.ID); err != nil || it.MeetingID != m.ID {
			return nil, nil
		}
	}
	by := r.author(ctx, ev)
	times, _ := d["Times"].(service.AgendaTimes)
	out := make(map[realtime.Class][]byte, len(classes))
	for _, c := range classes {
		var buf bytes.Buffer
		cd := forClass(d, c)
		r.meetingNews(&buf, ev, it, times.Current, by, c)
		var err error
		switch ev.Entity {
		case "meeting":
			for _, f := range ev.Fields {
				if contains(service.MeetingFields, f) {
					if err = r.fragment(&buf, "partials/meeting_field", c, mapWith(cd, "Field", f)); err != nil {
						break
					}
				}
			}
			versionMarker(&buf, 0, m.Version)
		case "item":
			err = r.meetingItem(&buf, cd, it, ev, c)
		case "attendees":
			err = r.fragment(&buf, "partials/meeting_attendees", c, cd)
		case "outcomes":
			err = r.fragment(&buf, "partials/meeting_actions", c, cd)
			for i := range d["Items"].([]model.AgendaItem) {
				if err != nil {
					break
				}
				err = r.fragment(&buf, "partials/item_outcomes", c, mapWith(cd, "Item", &d["Items"].([]model.AgendaItem)[i]))
			}
		}
		if err == nil {
			err = r.fragment(&buf, "partials/agenda_now", c, cd)
		}
		if err != nil {
			return nil, err
		}
		out[c] = buf.Bytes()
	}
	return out, nil
}

func mapWith(d fiber.Map, kv ...any) fiber.Map {
	out := make(fiber.Map, len(d)+len(kv)/2)
	for k, v := range d {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// meetingItem renders a change of one agenda item.
func (r liveRenderer) meetingItem(buf *bytes.Buffer, cd fiber.Map, it *model.AgendaItem, ev realtime.Event, c realtime.Class) error {
	id := strconv.FormatInt(it.ID, 10)
	if it.DeletedAt != nil {
		buf.WriteString(`<li id="item-` + id + `" hx-swap-oob="delete"></li>`)
		return nil
	}
	switch ev.Kind {
	case realtime.Created, realtime.Restored:
		buf.WriteString(`<div hx-swap-oob="beforeend:#agenda-items">`)
		if err := r.fragment(buf, "partials/agenda_item", c, mapWith(cd, "Item", it, "OOB", false)); err != nil {
			return err
		}
		buf.WriteString(`</div>`)
		agendaOrder(buf, cd)
	case realtime.Moved:
		agendaOrder(buf, cd)
	case realtime.Changed:
		versionMarker(buf, it.ID, it.Version)
		if contains(ev.Fields, "duration") {
			agendaOrder(buf, cd)
		}
		for _, f := range ev.Fields {
			if !service.IsItemField(f) {
				continue
			}
			if err := r.fragment(buf, "partials/item_field", c, mapWith(cd, "Item", it, "Field", f)); err != nil {
				return err
			}
			if f == "kind" {
				// A kind decides whether the item has case notes.
				if err := r.fragment(buf, "partials/item_field", c, mapWith(cd, "Item", it, "Field", "case_notes")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// agendaOrder tells the page the order of the agenda's items and when
// each starts: a move or a new duration shifts every later item.
func agendaOrder(buf *bytes.Buffer, d fiber.Map) {
	items, _ := d["Items"].([]model.AgendaItem)
	times, _ := d["Times"].(service.AgendaTimes)
	ids := make([]string, len(items))
	for i := range items {
		id := strconv.FormatInt(items[i].ID, 10)
		ids[i] = id
		buf.WriteString(`<span class="schakel-agenda-item__start" id="item-` + id + `-start" hx-swap-oob="true"><time>` +
			html.EscapeString(times.Starts[items[i].ID]) + `</time></span>`)
	}
	buf.WriteString(`<div id="live-order" hidden data-order="agenda-items=` + strings.Join(ids, ",") + `" hx-swap-oob="true"></div>`)
}

// catchUpMeeting brings a reconnecting page up to date: every item it
// holds at an older version is drawn again, new ones added, deleted ones
// removed; the details, attendees and outcomes are sent whole.
func (r liveRenderer) catchUpMeeting(ctx context.Context, workspaceID, meetingID int64, have map[int64]int, c realtime.Class) ([]byte, error) {
	m, d, err := r.meetingView(ctx, workspaceID, meetingID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cd := forClass(d, c)
	var buf bytes.Buffer
	if v, ok := have[0]; ok && v < m.Version {
		for _, f := range service.MeetingFields {
			if err := r.fragment(&buf, "partials/meeting_field", c, mapWith(cd, "Field", f)); err != nil {
				return nil, err
			}
		}
		versionMarker(&buf, 0, m.Version)
	}
	versions, err := store.ItemVersions(ctx, r.s.db, workspaceID, meetingID)
	if err != nil {
		return nil, err
	}
	items := d["Items"].([]model.AgendaItem)
	byID := map[int64]*model.AgendaItem{}
	for i := range items {
		byID[items[i].ID] = &items[i]
	}
	for _, iv := range versions {
		v, held := have[iv.ID]
		it := byID[iv.ID]
		switch {
		case iv.DeletedAt != nil:
			if held {
				buf.WriteString(`<li id="item-` + strconv.FormatInt(iv.ID, 10) + `" hx-swap-oob="delete"></li>`)
			}
		case it == nil:
		case !held:
			buf.WriteString(`<div hx-swap-oob="beforeend:#agenda-items">`)
			if err := r.fragment(&buf, "partials/agenda_item", c, mapWith(cd, "Item", it, "OOB", false)); err != nil {
				return nil, err
			}
			buf.WriteString(`</div>`)
		case v < iv.Version:
			if err := r.fragment(&buf, "partials/agenda_item", c, mapWith(cd, "Item", it, "OOB", true)); err != nil {
				return nil, err
			}
		}
	}
	agendaOrder(&buf, cd)
	for _, name := range []string{"partials/meeting_attendees", "partials/meeting_actions", "partials/agenda_now"} {
		if err := r.fragment(&buf, name, c, cd); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}
