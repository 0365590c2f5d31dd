package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// memberAdd gives an existing account a role in the workspace.
func (s *Server) memberAdd(c *fiber.Ctx) error {
	wid := workspaceID(c)
	email, role := c.FormValue("email"), c.FormValue("role")
	_, err := s.svc.AddMember(c.UserContext(), currentUser(c), wid, email, model.Role(role))
	if fields := fieldErrors(err); fields != nil {
		d, derr := s.members(c)
		if derr != nil {
			return derr
		}
		d.Email, d.Role, d.Errors = email, role, fields
		if isHTMX(c) {
			hxAnswer{Retarget: "#member-add", Reswap: "outerHTML"}.apply(c)
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.MemberAddForm(d))
		}
		return s.renderMemberPage(c, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	return s.membersChanged(c, "member_added")
}

// membersChanged answers a successful change: the fresh member table for
// htmx, a redirect back to the member page otherwise.
func (s *Server) membersChanged(c *fiber.Ctx, notice string) error {
	if !isHTMX(c) {
		return redirect(c, withNotice("/workspaces/"+strconv.FormatInt(workspaceID(c), 10)+"/members", notice))
	}
	d, err := s.members(c)
	if err != nil {
		return err
	}
	d.Notice = "notice." + notice
	hxAnswer{Retarget: "#members", Reswap: "outerHTML"}.apply(c)
	return s.renderFragments(c, http.StatusOK, views.MemberTable(d))
}
