package web

import (
	"github.com/gofiber/fiber/v2"
)

// toetsComplete marks an assessment complete and shows it as it now
// stands: final.
func (s *Server) toetsComplete(c *fiber.Ctx) error {
	tid, err := idParam(c, "tid")
	if err != nil {
		return err
	}
	a, err := s.svc.CompleteAssessment(c.UserContext(), currentUser(c), workspaceID(c), tid)
	if err != nil {
		return err
	}
	return redirect(c, withNotice(toetsPath(a.WorkspaceID, a.ID), "toets_completed"))
}
