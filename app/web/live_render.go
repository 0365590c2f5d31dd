package web

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/views"
)

// liveRenderer renders the out-of-band fragments of live updates from the
// same partials the pages use.
type liveRenderer struct{ s *Server }

// fragment renders one partial without layout for a class of viewers: no
// CSRF token (htmx sends it from the page's header) and no user.
func (r liveRenderer) fragment(buf *bytes.Buffer, name string, c realtime.Class, data fiber.Map) error {
	v := view{T: r.s.messages.Translator(c.Lang), Data: data}
	return r.s.App.Config().Views.Render(buf, name, v)
}

func planIDOf(topic string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(topic, "plan:"), 10, 64)
	return id, err == nil && strings.HasPrefix(topic, "plan:")
}

// Render implements realtime.Renderer. It reads the plan once and renders
// it as it is now, which is at least as new as the event, for each class.
func (r liveRenderer) Render(ctx context.Context, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	if id, ok := meetingIDOf(ev.Topic); ok {
		return r.renderMeeting(ctx, id, ev, classes)
	}
	planID, ok := planIDOf(ev.Topic)
	if !ok {
		return nil, nil
	}
	p, err := store.Plan(ctx, r.s.db, ev.WorkspaceID, planID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	actions, err := store.Actions(ctx, r.s.db, ev.WorkspaceID, planID)
	if err != nil {
		return nil, err
	}
	var a *model.Action
	if ev.Entity == "action" {
		// The plan's list holds the action unless it was deleted.
		for i := range actions {
			if actions[i].ID == ev.ID {
				a = &actions[i]
				break
			}
		}
		if a == nil {
			a, err = store.Action(ctx, r.s.db, ev.WorkspaceID, ev.ID)
			if errors.Is(err, store.ErrNotFound) || (err == nil && a.PlanID != planID) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
		}
	}
	board := service.BuildBoard(p, actions, nil, service.ActionFilter{})
	by := r.author(ctx, ev)
	out := make(map[realtime.Class][]byte, len(classes))
	for _, c := range classes {
		var buf bytes.Buffer
		switch ev.Entity {
		case "plan":
			for _, f := range ev.Fields {
				if err := r.planField(&buf, p, f, c); err != nil {
					return nil, err
				}
			}
			versionMarker(&buf, 0, p.Version)
		case "action":
			if err := r.action(&buf, p, a, ev.Kind, ev.Fields, c); err != nil {
				return nil, err
			}
			if ev.Kind != realtime.Deleted && a.DeletedAt == nil && (ev.Kind != realtime.Changed || contains(ev.Fields, "theme")) {
				r.order(&buf, p, actions)
			}
		}
		if err := r.rollups(&buf, board, c); err != nil {
			return nil, err
		}
		r.news(&buf, ev, a, by, c)
		out[c] = buf.Bytes()
	}
	return out, nil
}

// action renders what one change of an action means for the page.
func (r liveRenderer) action(buf *bytes.Buffer, p *model.Plan, a *model.Action, kind string, fields []string, c realtime.Class) error {
	if a.DeletedAt != nil {
		buf.WriteString(`<li id="action-` + strconv.FormatInt(a.ID, 10) + `" hx-swap-oob="delete"></li>`)
		return nil
	}
	switch kind {
	case realtime.Created, realtime.Restored:
		return r.insert(buf, p, a, c)
	case realtime.Changed:
		actionMarker(buf, a)
		for _, f := range pushedFields(fields) {
			data := fiber.Map{"Action": a, "Plan": p, "CanEdit": c.Edit, "Today": service.Today(), "OOB": true, "Field": f}
			name := "partials/action_field"
			if f == "_tools" {
				name = "partials/action_tools"
			}
			if err := r.fragment(buf, name, c, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// pushedFields is what a page must redraw for changed fields: a status
// change moves progress and the overdue mark (shown with the due date), and
// a title names the action's move and delete buttons.
func pushedFields(changed []string) []string {
	var out []string
	add := func(f string) {
		if !contains(out, f) {
			out = append(out, f)
		}
	}
	for _, f := range changed {
		switch {
		case f == "status":
			add("status")
			add("progress")
			add("due_date")
		case f == "title":
			add("title")
			add("_tools")
		case service.IsActionField(f):
			add(f)
		}
	}
	return out
}

// insert appends an action to its theme's list; the order that follows
// puts it in place.
func (r liveRenderer) insert(buf *bytes.Buffer, p *model.Plan, a *model.Action, c realtime.Class) error {
	buf.WriteString(`<div hx-swap-oob="beforeend:#theme-` + string(a.Theme) + `-actions">`)
	if err := r.fragment(buf, "partials/action_item", c, fiber.Map{
		"Action": a, "Plan": p, "CanEdit": c.Edit, "Today": service.Today(), "OOB": false,
	}); err != nil {
		return err
	}
	buf.WriteString(`</div>`)
	return nil
}

// versionMarker tells the page which version of an object (0: the plan)
// it now shows, for its next catch-up.
func versionMarker(buf *bytes.Buffer, id int64, version int) {
	buf.WriteString(`<span id="live-version" hidden data-id="` + strconv.FormatInt(id, 10) +
		`" data-version="` + strconv.Itoa(version) + `" hx-swap-oob="true"></span>`)
}

// actionMarker is the version marker of an action, with what a filtered
// board filters on, so that the page can drop an action that changed out
// of its filter and fetch one that changed into it.
func actionMarker(buf *bytes.Buffer, a *model.Action) {
	var org, owner string
	if a.OwnerOrganisationID != nil {
		org = strconv.FormatInt(*a.OwnerOrganisationID, 10)
	}
	if a.OwnerUserID != nil {
		owner = strconv.FormatInt(*a.OwnerUserID, 10)
	}
	buf.WriteString(`<span id="live-version" hidden data-id="` + strconv.FormatInt(a.ID, 10) +
		`" data-version="` + strconv.Itoa(a.Version) +
		`" data-theme="` + string(a.Theme) + `" data-status="` + string(a.Status) +
		`" data-org="` + org + `" data-owner="` + owner +
		`" data-item="/workspaces/` + strconv.FormatInt(a.WorkspaceID, 10) + `/actions/` + strconv.FormatInt(a.ID, 10) + `/item"` +
		` hx-swap-oob="true"></span>`)
}

// order tells the page the order of the actions in every theme; the page's
// script moves list items without disturbing the field being edited.
func (r liveRenderer) order(buf *bytes.Buffer, p *model.Plan, actions []model.Action) {
	var parts []string
	for _, t := range p.Framework.Themes() {
		var ids []string
		for i := range actions {
			if actions[i].Theme == t {
				ids = append(ids, strconv.FormatInt(actions[i].ID, 10))
			}
		}
		parts = append(parts, string(t)+"="+strings.Join(ids, ","))
	}
	buf.WriteString(`<div id="live-order" hidden data-order="` + strings.Join(parts, "|") + `" hx-swap-oob="true"></div>`)
}

func (r liveRenderer) rollups(buf *bytes.Buffer, board *service.PlanBoard, c realtime.Class) error {
	return r.fragment(buf, "partials/plan_rollups", c, fiber.Map{"Board": board, "OOB": true})
}

func (r liveRenderer) planField(buf *bytes.Buffer, p *model.Plan, field string, c realtime.Class) error {
	if !contains(service.PlanFields, field) {
		return nil
	}
	return r.fragment(buf, "partials/plan_field", c, fiber.Map{
		"Plan": p, "CanManage": c.Manage, "Field": field, "OOB": true,
	})
}

// CatchUp implements realtime.Renderer: whatever changed since the
// versions the client holds, as fragments.
func (r liveRenderer) CatchUp(ctx context.Context, topic string, workspaceID int64, have map[int64]int, c realtime.Class) ([]byte, error) {
	if id, ok := meetingIDOf(topic); ok {
		return r.catchUpMeeting(ctx, workspaceID, id, have, c)
	}
	planID, ok := planIDOf(topic)
	if !ok {
		return nil, nil
	}
	p, err := store.Plan(ctx, r.s.db, workspaceID, planID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if v, ok := have[0]; ok && v < p.Version {
		fields, err := store.ChangedFieldsSince(ctx, r.s.db, workspaceID, model.EntityPlan, p.ID, v)
		if err != nil {
			return nil, err
		}
		for _, f := range fields {
			if err := r.planField(&buf, p, f, c); err != nil {
				return nil, err
			}
		}
		versionMarker(&buf, 0, p.Version)
	}
	versions, err := store.ActionVersions(ctx, r.s.db, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	reorder := false
	for _, av := range versions {
		v, held := have[av.ID]
		switch {
		case av.DeletedAt != nil:
			if held {
				buf.WriteString(`<li id="action-` + strconv.FormatInt(av.ID, 10) + `" hx-swap-oob="delete"></li>`)
			}
		case !held:
			a, err := store.Action(ctx, r.s.db, workspaceID, av.ID)
			if err != nil {
				return nil, err
			}
			if err := r.insert(&buf, p, a, c); err != nil {
				return nil, err
			}
			reorder = true
		case v < av.Version:
			a, err := store.Action(ctx, r.s.db, workspaceID, av.ID)
			if err != nil {
				return nil, err
			}
			fields, err := store.ChangedFieldsSince(ctx, r.s.db, workspaceID, model.EntityAction, av.ID, v)
			if err != nil {
				return nil, err
			}
			if contains(fields, "position") || contains(fields, "theme") || contains(fields, model.FieldRestored) {
				reorder = true
			}
			if contains(fields, model.FieldRestored) {
				if err := r.insert(&buf, p, a, c); err != nil {
					return nil, err
				}
				continue
			}
			if err := r.action(&buf, p, a, realtime.Changed, fields, c); err != nil {
				return nil, err
			}
		}
	}
	if buf.Len() == 0 {
		return nil, nil
	}
	actions, err := store.Actions(ctx, r.s.db, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	if reorder {
		r.order(&buf, p, actions)
	}
	if err := r.rollups(&buf, service.BuildBoard(p, actions, nil, service.ActionFilter{}), c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Presence implements realtime.Renderer.
func (r liveRenderer) Presence(topic string, p realtime.Presence, changed []realtime.FieldKey, c realtime.Class) ([]byte, error) {
	fields := make([]views.PresenceField, 0, len(changed))
	for _, k := range changed {
		fields = append(fields, views.PresenceField{Key: k, Editors: p.Editing[k]})
	}
	var buf bytes.Buffer
	ctx := i18n.NewContext(context.Background(), r.s.messages.Translator(c.Lang))
	err := views.LivePresence(p.Viewers, fields).Render(ctx, &buf)
	return buf.Bytes(), err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
