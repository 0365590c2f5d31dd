package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// actionCreate adds an action at the end of its theme. htmx gets the new
// action appended to the theme's list, a fresh form and the new roll-ups.
func (s *Server) actionCreate(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	in := service.ActionInput{Title: c.FormValue("title"), Theme: model.Theme(c.FormValue("theme"))}
	a, err := s.svc.CreateAction(ctx, u, wid, pid, in)
	if fields := fieldErrors(err); fields != nil {
		d, derr := s.boardPage(c, pid, pageQuery(c, wid, pid))
		if derr != nil {
			return derr
		}
		d.Add.Title, d.Add.Theme, d.Add.Errors, d.Add.Guard = in.Title, string(in.Theme), fields, service.Guarded(err)
		if isHTMX(c) {
			hxAnswer{Retarget: "#action-add", Reswap: "outerHTML"}.apply(c)
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.ActionAddForm(d.Add))
		}
		return s.renderPlanPage(c, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	b, err := s.svc.Board(ctx, u, wid, pid, service.ActionFilter{})
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, boardBack(c, b.Plan, a.ID, "action_created"))
	}
	t := s.translator(c)
	hxAnswer{Retarget: "#theme-" + string(a.Theme) + "-actions", Reswap: "beforeend"}.apply(c)
	// The new row opens, for its other fields to be filled in.
	item := views.NewActionView(a, true, b.Today, false)
	item.Open = true
	return s.renderFragments(c, http.StatusOK,
		views.ActionItem(item),
		views.PlanRollups(b),
		views.ActionAddForm(views.ActionAdd{Plan: b.Plan, Theme: string(a.Theme), OOB: true}),
		views.NoticeOOB(t.Get("notice.action_created_in", "Title", a.Title, "Theme", t.Enum("theme", a.Theme))))
}
