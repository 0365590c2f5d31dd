package web

import (
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/service"
)

// actionCreate adds an action at the end of its theme. htmx gets the new
// action appended to the theme's list, a fresh form and the new roll-ups.
func (s *Server) actionCreate(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	ctx, u, wid := c.UserContext(), currentUser(c), authz.WorkspaceID(c)
	in := service.ActionInput{Title: c.FormValue("title"), Theme: model.Theme(c.FormValue("theme"))}
	a, err := s.svc.CreateAction(ctx, u, wid, pid, in)
	if fields := fieldErrors(err); fields != nil {
		data, derr := s.boardData(c, pid, pageQuery(c, wid, pid))
		if derr != nil {
			return derr
		}
		data["Form"], data["Errors"] = fiber.Map{"Title": in.Title, "Theme": string(in.Theme)}, fields
		if isHTMX(c) {
			c.Set(HeaderHXRetarget, "#action-add")
			c.Set(HeaderHXReswap, "outerHTML")
			return s.renderParts(c, http.StatusUnprocessableEntity, part{"partials/action_add_form", data})
		}
		return s.render(c, http.StatusUnprocessableEntity, "pages/plan_show", "", "", data)
	}
	if err != nil {
		return err
	}
	data, err := s.boardData(c, pid, url.Values{})
	if err != nil {
		return err
	}
	p := data["Plan"].(*model.Plan)
	if !isHTMX(c) {
		return redirect(c, boardBack(c, p, a.ID, "action_created"))
	}
	data["OOB"], data["Form"] = true, fiber.Map{"Title": "", "Theme": string(a.Theme)}
	t := s.translator(c)
	c.Set(HeaderHXRetarget, "#theme-"+string(a.Theme)+"-actions")
	c.Set(HeaderHXReswap, "beforeend")
	return s.renderParts(c, http.StatusOK,
		part{"partials/action_item", actionData(a, p, true, service.Today(), false)},
		part{"partials/plan_rollups", rollupData(data["Board"].(*service.PlanBoard), true)},
		part{"partials/action_add_form", data},
		noticePart(t.Get("notice.action_created_in", "Title", a.Title, "Theme", t.Enum("theme", a.Theme))))
}
