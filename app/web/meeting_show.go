package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
)

// meetingShow is the meeting's page: details, attendees, the live agenda
// with minutes and outcomes per item, and the actions it agreed.
func (s *Server) meetingShow(c *fiber.Ctx) error {
	mid, err := idParam(c, "mid")
	if err != nil {
		return err
	}
	data, err := s.meetingData(c, mid)
	if err != nil {
		return err
	}
	data["Present"] = c.Query("mode") == "present"
	return s.render(c, http.StatusOK, "pages/meeting_show", "", "", data)
}

// meetingData gathers everything the meeting page shows.
func (s *Server) meetingData(c *fiber.Ctx, meetingID int64) (fiber.Map, error) {
	ctx, u, wid := c.UserContext(), currentUser(c), authz.WorkspaceID(c)
	m, err := s.svc.Meeting(ctx, u, wid, meetingID)
	if err != nil {
		return nil, err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return nil, err
	}
	d, err := s.meetingParts(c, m, s.meetingClass(u, wid))
	if err != nil {
		return nil, err
	}
	members, err := s.svc.Members(ctx, u, wid)
	if err != nil {
		return nil, err
	}
	d["Workspace"] = w
	d["Members"] = members
	d["CanSeeCase"] = s.svc.CanSeeCase(ctx, u, m)
	d["CanSaveTemplate"] = s.svc.CanSaveTemplates(u, wid)
	d["PageTitle"] = m.Title
	d["TemplateError"], d["TemplateName"] = "", ""
	d["EditField"], d["EditItem"] = "", int64(0)
	d["Form"], d["Errors"] = fiber.Map{"Kind": string(model.ItemDiscussion), "Duration": "15"}, map[string]string(nil)
	self := int64(0)
	if u != nil {
		self = u.ID
	}
	d["Self"] = self
	d["Present"] = false
	d["Scripts"] = []string{"/static/vendor/htmx-ext-ws.js", "/static/js/live.js", "/static/vendor/sortable.min.js", "/static/js/meeting.js"}
	return d, nil
}

// meetingClass is what the user may do on a meeting page.
type meetingClass struct {
	Edit   bool // co-edit the agenda and minutes
	Manage bool // plan, chair, invite
	Lang   string
}

func (s *Server) meetingClass(u *model.User, workspaceID int64) meetingClass {
	return meetingClass{Edit: s.svc.CanEditAgenda(u, workspaceID), Manage: s.svc.CanManageMeetings(u, workspaceID)}
}

// meetingParts reads what the live parts of a meeting page show: the same
// for everyone of one class, so that live pushes render them once.
func (s *Server) meetingParts(c *fiber.Ctx, m *model.Meeting, cl meetingClass) (fiber.Map, error) {
	return s.meetingPartsCtx(c.UserContext(), m, cl)
}

func (s *Server) meetingPartsCtx(ctx context.Context, m *model.Meeting, cl meetingClass) (fiber.Map, error) {
	items, err := store.Items(ctx, s.db, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	attendees, err := store.Attendees(ctx, s.db, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	outcomes, err := store.Outcomes(ctx, s.db, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	actions, err := store.MeetingActions(ctx, s.db, m.WorkspaceID, m.ID)
	if err != nil {
		return nil, err
	}
	plans, err := store.Plans(ctx, s.db, m.WorkspaceID)
	if err != nil {
		return nil, err
	}
	orgs, err := store.Organisations(ctx, s.db)
	if err != nil {
		return nil, err
	}
	var plan *model.Plan
	for i := range plans {
		if m.PlanID != nil && plans[i].ID == *m.PlanID {
			plan = &plans[i]
		}
	}
	byItem := map[int64][]model.Outcome{}
	for _, o := range outcomes {
		byItem[o.ItemID] = append(byItem[o.ItemID], o)
	}
	people := map[string]string{}
	for _, a := range attendees {
		if a.UserID != nil && a.User != nil {
			people[strconv.FormatInt(*a.UserID, 10)] = a.User.Name
		} else {
			people["g"+strconv.FormatInt(a.ID, 10)] = a.GuestName
		}
	}
	members, err := store.Memberships(ctx, s.db, m.WorkspaceID)
	if err != nil {
		return nil, err
	}
	for _, mb := range members {
		if mb.User != nil {
			people[strconv.FormatInt(mb.UserID, 10)] = mb.User.Name
		}
	}
	var themes []model.Theme
	if plan != nil {
		themes = plan.Framework.Themes()
	}
	return fiber.Map{
		"Meeting": m, "Items": items, "Times": service.LayOut(m, items, time.Now()),
		"Attendees": attendees, "Outcomes": byItem, "Actions": actions, "Plan": plan, "Plans": plans,
		"Organisations": orgs, "Themes": themes, "People": people, "MemberList": members,
		"CanEdit": cl.Edit, "CanManage": cl.Manage, "Today": service.Today(),
		"MeetingFields": service.MeetingFields, "Kinds": model.MeetingKinds, "States": model.MeetingStates,
		"ItemKinds": model.ItemKinds, "OutcomeKinds": model.OutcomeKinds, "Rights": model.Rights,
		"RSVPs": []model.RSVP{model.RSVPComing, model.RSVPDeclined},
		"OOB":   false, "OutcomeErrors": map[string]string(nil), "OutcomeForm": nil, "OutcomeItem": int64(0),
		"InviteErrors": map[string]string(nil), "GuestForm": fiber.Map{}, "GuestErrors": map[string]string(nil),
		"Self": int64(0), "Live": false, "Reveal": false,
	}, nil
}
