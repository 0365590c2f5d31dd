package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/authz"
	"schakel/app/model"
)

// memberAdd gives an existing account a role in the workspace.
func (s *Server) memberAdd(c *fiber.Ctx) error {
	wid := authz.WorkspaceID(c)
	form := fiber.Map{"Email": c.FormValue("email"), "Role": c.FormValue("role")}
	_, err := s.svc.AddMember(c.UserContext(), currentUser(c), wid, form["Email"].(string), model.Role(form["Role"].(string)))
	if fields := fieldErrors(err); fields != nil {
		data, derr := s.memberData(c)
		if derr != nil {
			return derr
		}
		data["Form"], data["Errors"] = form, fields
		if isHTMX(c) {
			c.Set(HeaderHXRetarget, "#member-add")
			c.Set(HeaderHXReswap, "outerHTML")
			return s.render(c, http.StatusUnprocessableEntity, "pages/member_list", "partials/member_add_form", "members.title", data)
		}
		return s.render(c, http.StatusUnprocessableEntity, "pages/member_list", "", "members.title", data)
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
		return redirect(c, withNotice("/workspaces/"+strconv.FormatInt(authz.WorkspaceID(c), 10)+"/members", notice))
	}
	data, err := s.memberData(c)
	if err != nil {
		return err
	}
	data["Notice"] = "notice." + notice
	c.Set(HeaderHXRetarget, "#members")
	c.Set(HeaderHXReswap, "outerHTML")
	return s.render(c, http.StatusOK, "pages/member_list", "partials/member_table", "members.title", data)
}
