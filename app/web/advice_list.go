package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/views"
)

// adviceList lists a workspace's advice, in one state (?state=open,
// beantwoord or gesloten) or all, each linked to the object it is on.
func (s *Server) adviceList(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return err
	}
	state := c.Query("state")
	entries, err := s.svc.AdviceList(ctx, u, wid, state)
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("advice.title") + " · " + w.Name},
		views.AdviceListPage(views.AdviceListView{Workspace: w, State: state, Entries: entries}))
}

// workspaceAdvice is the workspace page's way to its advice, with the
// number of open advice; nil for whoever reads no comments.
func (s *Server) workspaceAdvice(c *fiber.Ctx, wid int64) (*views.WorkspaceAdvice, error) {
	u := currentUser(c)
	if !s.svc.CanReadComments(u, wid) {
		return nil, nil
	}
	open, err := s.svc.AdviceList(c.UserContext(), u, wid, string(model.AdviceOpen))
	if err != nil {
		return nil, err
	}
	return &views.WorkspaceAdvice{Open: len(open)}, nil
}
