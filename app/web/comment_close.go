package web

import "github.com/gofiber/fiber/v2"

// commentClose closes an advice (its reviewer or the coordinator): it then
// takes no more replies.
func (s *Server) commentClose(c *fiber.Ctx) error {
	cid, err := idParam(c, "comment")
	if err != nil {
		return err
	}
	cm, err := s.svc.CloseAdvice(c.UserContext(), currentUser(c), workspaceID(c), cid)
	if err != nil {
		return err
	}
	return s.commentAnswer(c, cm.ID, true)
}
