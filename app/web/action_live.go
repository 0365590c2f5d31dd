package web

import (
	"net/http"
	"strings"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/realtime"
)

// actionLive upgrades to the websocket that carries what is said about an
// action (its comments) to the action's own page, checked as planLive
// checks a plan.
func (s *Server) actionLive(c *fiber.Ctx) error {
	if !websocket.IsWebSocketUpgrade(c) {
		return apperr.New(http.StatusUpgradeRequired, "error.bad_request")
	}
	if c.Get(fiber.HeaderOrigin) != s.cfg.BaseURL {
		return apperr.Forbidden()
	}
	a, _, err := s.loadAction(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	v := realtime.Viewer{UserID: u.ID, Name: u.Name}
	if u.Organisation != nil {
		v.Organisation = u.Organisation.Name
	}
	c.Locals(liveKey, &liveRequest{topic: realtime.ActionTopic(a.ID), workspaceID: a.WorkspaceID, viewer: v, session: currentSessionID(c), lang: strings.Clone(s.language(c)), upgrade: c.Context()})
	return s.liveUpgrade(c)
}
