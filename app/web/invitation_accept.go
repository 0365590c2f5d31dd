package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/service"
	"schakel/views"
)

// invitationAcceptNew sets up the account of someone invited without one
// and accepts the invitation with it; they land signed in, in the
// workspace (or at the meeting of a guest), after setting up two-factor
// when their role needs it. Refused input comes back in the form; a link
// that stopped working meanwhile shows why.
func (s *Server) invitationAcceptNew(c *fiber.Ctx) error {
	token := c.Params("token")
	if currentUser(c) != nil {
		// The page tells whoever is signed in what to do instead.
		return c.Redirect(service.InvitationPath(token), fiber.StatusSeeOther)
	}
	in := service.AccountSetup{Name: c.FormValue("name"), Organisation: c.FormValue("organisation"), Password: c.FormValue("password")}
	u, inv, err := s.svc.AcceptInvitationNew(c.UserContext(), token, in)
	if fields := fieldErrors(err); fields != nil {
		l, lerr := s.svc.OpenInvitation(c.UserContext(), token)
		if lerr != nil {
			return lerr
		}
		return s.renderInvitation(c, views.InvitationLanding{
			Link: l, Name: in.Name, Organisation: in.Organisation, Errors: fields,
		}, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return s.invitationRefused(c, token, err)
	}
	// The password was set just now: the account goes on as after a right
	// password, setting up two-factor first when its role needs it.
	return s.afterPassword(c, u, withNotice(invitationDestination(&service.InvitationLink{Invitation: inv}), "invitation_accepted"))
}

// invitationAccept accepts an invitation with the signed-in account it
// was sent to.
func (s *Server) invitationAccept(c *fiber.Ctx) error {
	token := c.Params("token")
	inv, err := s.svc.AcceptInvitation(c.UserContext(), currentUser(c), token)
	if err != nil {
		return s.invitationRefused(c, token, err)
	}
	return redirect(c, withNotice(invitationDestination(&service.InvitationLink{Invitation: inv}), "invitation_accepted"))
}

// invitationRefused answers an acceptance that failed: a link that
// stopped working, or whose address has an account meanwhile, shows the
// invitation's page again, which says why and what to do; anything else
// is an error page.
func (s *Server) invitationRefused(c *fiber.Ctx, token string, err error) error {
	if e, ok := apperr.As(err); ok && (e.Status == http.StatusGone || e.Status == http.StatusConflict) {
		l, lerr := s.svc.OpenInvitation(c.UserContext(), token)
		if lerr != nil {
			return lerr
		}
		return s.renderInvitation(c, views.InvitationLanding{Link: l}, e.Status)
	}
	return err
}
