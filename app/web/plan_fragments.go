package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/app/service"
)

// idParam reads a positive id from the route; anything else is not found.
func idParam(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFound()
	}
	return id, nil
}

func planPath(workspaceID, planID int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/plans/" + strconv.FormatInt(planID, 10)
}

func actionPath(workspaceID, actionID int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/actions/" + strconv.FormatInt(actionID, 10)
}

// filterFrom reads the board filter from a query. Values the plan does not
// know are ignored rather than refused: a filter only narrows a view.
func filterFrom(q url.Values, p *model.Plan) service.ActionFilter {
	var f service.ActionFilter
	if t := model.Theme(q.Get("theme")); p.Framework.Has(t) {
		f.Theme = t
	}
	if st := model.ActionStatus(q.Get("status")); st.Valid() {
		f.Status = st
	}
	if id, err := strconv.ParseInt(q.Get("org"), 10, 64); err == nil && id > 0 {
		f.OwnerOrganisation = id
	}
	f.Mine = q.Get("mine") == "1"
	f.Overdue = q.Get("overdue") == "1"
	return f
}

// filterQuery writes a filter back as a query string, empty when it hides
// nothing.
func filterQuery(f service.ActionFilter) string {
	q := url.Values{}
	if f.Theme != "" {
		q.Set("theme", string(f.Theme))
	}
	if f.Status != "" {
		q.Set("status", string(f.Status))
	}
	if f.OwnerOrganisation != 0 {
		q.Set("org", strconv.FormatInt(f.OwnerOrganisation, 10))
	}
	if f.Mine {
		q.Set("mine", "1")
	}
	if f.Overdue {
		q.Set("overdue", "1")
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// pageQuery returns the query of the page the request came from, if that
// page is the plan's board: htmx names it in HX-Current-URL, a browser in
// Referer. Moves and edits on a filtered board keep the filter with it.
func pageQuery(c *fiber.Ctx, workspaceID, planID int64) url.Values {
	from := c.Get(HeaderHXCurrentURL)
	if from == "" {
		from = c.Get(fiber.HeaderReferer)
	}
	u, err := url.Parse(from)
	if err != nil || u.Path != planPath(workspaceID, planID) {
		return url.Values{}
	}
	return u.Query()
}

// onBoard reports whether an htmx request came from the plan's board, as
// opposed to the action's own page.
func onBoard(c *fiber.Ctx, workspaceID, planID int64) bool {
	u, err := url.Parse(c.Get(HeaderHXCurrentURL))
	return err == nil && u.Path == planPath(workspaceID, planID)
}

// onActionPage reports whether an htmx request came from the action's own
// page (or its no-JavaScript editor page), where every field is a form.
func onActionPage(c *fiber.Ctx, a *model.Action) bool {
	u, err := url.Parse(c.Get(HeaderHXCurrentURL))
	page := actionPath(a.WorkspaceID, a.ID)
	return err == nil && (u.Path == page || strings.HasPrefix(u.Path, page+"/"))
}

// boardBack is where a plain form on the board returns to: the board with
// the filter it was showing, at the action.
func boardBack(c *fiber.Ctx, p *model.Plan, actionID int64, notice string) string {
	to := planPath(p.WorkspaceID, p.ID) + filterQuery(filterFrom(pageQuery(c, p.WorkspaceID, p.ID), p))
	// The action's row is open there, as it was when its form was sent.
	if strings.Contains(to, "?") {
		to += "&open=" + strconv.FormatInt(actionID, 10)
	} else {
		to += "?open=" + strconv.FormatInt(actionID, 10)
	}
	if notice != "" {
		to = withNotice(to, notice)
	}
	return to + "#action-" + strconv.FormatInt(actionID, 10)
}

// loadAction loads the action of the route and its plan; an action of
// another workspace, or of a plan that is gone, is not found.
func (s *Server) loadAction(c *fiber.Ctx) (*model.Action, *model.Plan, error) {
	aid, err := idParam(c, "aid")
	if err != nil {
		return nil, nil, err
	}
	u, wid := currentUser(c), workspaceID(c)
	a, err := s.svc.Action(c.UserContext(), u, wid, aid)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.svc.Plan(c.UserContext(), u, wid, a.PlanID)
	if err != nil {
		return nil, nil, err
	}
	return a, p, nil
}

// actionField reads and checks the :field of the route.
func actionField(c *fiber.Ctx) (string, error) {
	f := fieldParam(c)
	if !service.IsActionField(f) {
		return "", apperr.NotFound()
	}
	return f, nil
}

// formValues returns every value of a form field: the checkboxes of the
// children's rights come as several "value"s.
func formValues(c *fiber.Ctx, name string) []string {
	var out []string
	for _, v := range c.Request().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}

// submittedValue is the value a field form sent; several values (the
// rights) are joined with commas, as the service reads them.
func submittedValue(c *fiber.Ctx, field string) string {
	if field == "rights" {
		return strings.Join(formValues(c, "value"), ",")
	}
	return c.FormValue("value")
}
