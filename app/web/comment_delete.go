package web

import "github.com/gofiber/fiber/v2"

// commentDelete deletes one's own comment, reply or advice; replies to it
// stay, under a note that it was deleted.
func (s *Server) commentDelete(c *fiber.Ctx) error {
	cid, err := idParam(c, "comment")
	if err != nil {
		return err
	}
	cm, err := s.svc.DeleteComment(c.UserContext(), currentUser(c), workspaceID(c), cid)
	if err != nil {
		return err
	}
	return s.commentAnswer(c, cm.ID, cm.ParentID == nil)
}
