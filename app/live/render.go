package live

import (
	"bytes"
	"context"
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

func planIDOf(topic string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(topic, "plan:"), 10, 64)
	return id, err == nil && strings.HasPrefix(topic, "plan:")
}

// Render implements realtime.Renderer. It reads the plan once and renders
// it as it is now, which is at least as new as the event, for each class.
func (r Renderer) Render(ctx context.Context, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	if ev.Entity == "comment" {
		return r.renderComment(ctx, ev, classes)
	}
	if id, ok := meetingIDOf(ev.Topic); ok {
		return r.renderMeeting(ctx, id, ev, classes)
	}
	planID, ok := planIDOf(ev.Topic)
	if !ok {
		return nil, nil
	}
	p, err := r.svc.LivePlan(ctx, ev.WorkspaceID, planID)
	if service.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	actions, err := r.svc.LiveActions(ctx, ev.WorkspaceID, planID)
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
			a, err = r.svc.LiveAction(ctx, ev.WorkspaceID, ev.ID)
			if service.IsNotFound(err) || (err == nil && a.PlanID != planID) {
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
		cctx := i18n.NewContext(ctx, r.messages.Translator(c.Lang))
		switch ev.Entity {
		case "plan":
			for _, f := range ev.Fields {
				if err := r.planField(cctx, &buf, p, f, c); err != nil {
					return nil, err
				}
			}
			if err := views.LiveVersion(0, p.Version, nil).Render(cctx, &buf); err != nil {
				return nil, err
			}
		case "action":
			if err := r.action(cctx, &buf, a, ev.Kind, ev.Fields, by, c); err != nil {
				return nil, err
			}
			if ev.Kind != realtime.Deleted && a.DeletedAt == nil && (ev.Kind != realtime.Changed || slices.Contains(ev.Fields, "theme")) {
				if err := views.LiveOrder(views.ActionOrder(board)).Render(cctx, &buf); err != nil {
					return nil, err
				}
			}
		}
		if err := r.rollups(cctx, &buf, board); err != nil {
			return nil, err
		}
		if err := r.news(cctx, &buf, ev, a, by); err != nil {
			return nil, err
		}
		out[c] = buf.Bytes()
	}
	return out, nil
}

// action renders what one change of an action by author by (nil when
// unknown) means for the page, in the language of ctx, for viewers of
// class c. A changed action brings its row's line, and the fields of its
// open details for the pages that have the row open (a page without them
// ignores those).
func (r Renderer) action(ctx context.Context, buf *bytes.Buffer, a *model.Action, kind string, fields []string, by *model.User, c realtime.Class) error {
	if a.DeletedAt != nil {
		return views.OOBDelete("action-"+strconv.FormatInt(a.ID, 10)).Render(ctx, buf)
	}
	marker := views.LiveVersion(a.ID, a.Version, views.ActionMarker(a, by, pushedFields(fields)))
	switch kind {
	case realtime.Created, realtime.Restored:
		if err := r.insert(ctx, buf, a, c); err != nil {
			return err
		}
		return marker.Render(ctx, buf)
	case realtime.Moved:
		return marker.Render(ctx, buf)
	case realtime.Changed:
		if err := marker.Render(ctx, buf); err != nil {
			return err
		}
		v := views.NewActionView(a, c.Edit, service.Today(), true)
		if err := views.ActionSummary(v).Render(ctx, buf); err != nil {
			return err
		}
		for _, f := range pushedFields(fields) {
			part := views.ActionField(v, f)
			if f == "_tools" {
				part = views.ActionTools(v)
			}
			if err := part.Render(ctx, buf); err != nil {
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
		if !slices.Contains(out, f) {
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
func (r Renderer) insert(ctx context.Context, buf *bytes.Buffer, a *model.Action, c realtime.Class) error {
	item := views.ActionItem(views.NewActionView(a, c.Edit, service.Today(), false))
	return views.OOBAppend("#theme-"+string(a.Theme)+"-actions").Render(templ.WithChildren(ctx, item), buf)
}

// versionMarker tells the page which version of an object (0: the page's
// own plan or meeting) it now shows, for its next catch-up. The marker
// uses no messages, so it needs no translator.
func versionMarker(buf *bytes.Buffer, id int64, version int) {
	// Rendering into a bytes.Buffer fails only on a cancelled context,
	// which context.Background never is.
	_ = views.LiveVersion(id, version, nil).Render(context.Background(), buf)
}

// rollups renders every roll-up of the plan out of band.
func (r Renderer) rollups(ctx context.Context, buf *bytes.Buffer, board *service.PlanBoard) error {
	return views.PlanRollups(board).Render(ctx, buf)
}

// planField renders a changed field of the plan's header out of band;
// fields the header does not show are skipped.
func (r Renderer) planField(ctx context.Context, buf *bytes.Buffer, p *model.Plan, field string, c realtime.Class) error {
	if !slices.Contains(service.PlanFields, field) {
		return nil
	}
	return views.PlanField(views.NewPlanFieldView(p, c.Manage, field, true)).Render(ctx, buf)
}

// CatchUp implements realtime.Renderer: whatever changed since the
// versions the client holds, as fragments.
func (r Renderer) CatchUp(ctx context.Context, topic string, workspaceID int64, have map[int64]int, c realtime.Class) ([]byte, error) {
	if id, ok := meetingIDOf(topic); ok {
		return r.catchUpMeeting(ctx, workspaceID, id, have, c)
	}
	planID, ok := planIDOf(topic)
	if !ok {
		return nil, nil
	}
	p, err := r.svc.LivePlan(ctx, workspaceID, planID)
	if service.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	cctx := i18n.NewContext(ctx, r.messages.Translator(c.Lang))
	if v, ok := have[0]; ok && v < p.Version {
		fields, err := r.svc.ChangedFieldsSince(ctx, workspaceID, model.EntityPlan, p.ID, v)
		if err != nil {
			return nil, err
		}
		for _, f := range fields {
			if err := r.planField(cctx, &buf, p, f, c); err != nil {
				return nil, err
			}
		}
		if err := views.LiveVersion(0, p.Version, nil).Render(cctx, &buf); err != nil {
			return nil, err
		}
	}
	versions, err := r.svc.ActionVersions(ctx, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	reorder := false
	for _, av := range versions {
		v, held := have[av.ID]
		switch {
		case av.DeletedAt != nil:
			if held {
				if err := views.OOBDelete("action-"+strconv.FormatInt(av.ID, 10)).Render(cctx, &buf); err != nil {
					return nil, err
				}
			}
		case !held:
			a, err := r.svc.LiveAction(ctx, workspaceID, av.ID)
			if err != nil {
				return nil, err
			}
			if err := r.insert(cctx, &buf, a, c); err != nil {
				return nil, err
			}
			reorder = true
		case v < av.Version:
			a, err := r.svc.LiveAction(ctx, workspaceID, av.ID)
			if err != nil {
				return nil, err
			}
			fields, err := r.svc.ChangedFieldsSince(ctx, workspaceID, model.EntityAction, av.ID, v)
			if err != nil {
				return nil, err
			}
			if slices.Contains(fields, "position") || slices.Contains(fields, "theme") || slices.Contains(fields, model.FieldRestored) {
				reorder = true
			}
			if slices.Contains(fields, model.FieldRestored) {
				if err := r.insert(cctx, &buf, a, c); err != nil {
					return nil, err
				}
				continue
			}
			if err := r.action(cctx, &buf, a, realtime.Changed, fields, nil, c); err != nil {
				return nil, err
			}
		}
	}
	if buf.Len() == 0 {
		return nil, nil
	}
	actions, err := r.svc.LiveActions(ctx, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	board := service.BuildBoard(p, actions, nil, service.ActionFilter{})
	if reorder {
		if err := views.LiveOrder(views.ActionOrder(board)).Render(cctx, &buf); err != nil {
			return nil, err
		}
	}
	if err := r.rollups(cctx, &buf, board); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Presence implements realtime.Renderer.
func (r Renderer) Presence(topic string, p realtime.Presence, changed []realtime.FieldKey, c realtime.Class) ([]byte, error) {
	fields := make([]views.PresenceField, 0, len(changed))
	for _, k := range changed {
		fields = append(fields, views.PresenceField{Key: k, Editors: p.Editing[k]})
	}
	var buf bytes.Buffer
	ctx := i18n.NewContext(context.Background(), r.messages.Translator(c.Lang))
	err := views.LivePresence(p.Viewers, fields).Render(ctx, &buf)
	return buf.Bytes(), err
}
