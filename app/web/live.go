package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"schakel/app/apperr"
	"schakel/app/realtime"
	"schakel/app/service"
)

// liveRequest is what the upgrade hands to the websocket handler.
type liveRequest struct {
	topic       string
	workspaceID int64
	viewer      realtime.Viewer
	// session is the id of the web session the page was opened in.
	session int64
	lang    string
	// upgrade is the upgraded HTTP request, whose memory serveLive gives
	// back: fasthttp keeps it for as long as the connection runs.
	upgrade *fasthttp.RequestCtx
}

const liveKey = "live"

// liveFields are the fields a client may say it edits: an action's, or
// the plan's own with "plan_" in front.
var liveFields = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range service.ActionFields {
		m[f] = true
	}
	for _, f := range service.PlanFields {
		m["plan_"+f] = true
	}
	return m
}()

// meetingLiveFields are the fields a client may say it edits on a meeting
// page: an agenda item's, or the meeting's own with "meeting_" in front.
var meetingLiveFields = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range service.ItemFields {
		m[f] = true
	}
	for _, f := range service.MeetingFields {
		m["meeting_"+f] = true
	}
	return m
}()

// planLive upgrades to the websocket that carries a plan's live updates.
// The route guard has checked the workspace; the plan is looked up within
// it, so another workspace's plan is not found before any upgrade.
func (s *Server) planLive(c *fiber.Ctx) error {
	if !websocket.IsWebSocketUpgrade(c) {
		return apperr.New(http.StatusUpgradeRequired, "error.bad_request")
	}
	// Browsers always send an Origin with a websocket; only pages of this
	// site may open one with the user's cookies.
	if c.Get(fiber.HeaderOrigin) != s.cfg.BaseURL {
		return apperr.Forbidden()
	}
	u := currentUser(c)
	wid := workspaceID(c)
	pid, err := strconv.ParseInt(c.Params("pid"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	if _, err := s.svc.Plan(c.UserContext(), u, wid, pid); err != nil {
		return err
	}
	v := realtime.Viewer{UserID: u.ID, Name: u.Name}
	if u.Organisation != nil {
		v.Organisation = u.Organisation.Name
	}
	c.Locals(liveKey, &liveRequest{topic: realtime.PlanTopic(pid), workspaceID: wid, viewer: v, session: currentSessionID(c), lang: strings.Clone(s.language(c)), upgrade: c.Context()})
	return s.liveUpgrade(c)
}

// meetingLive upgrades to the websocket that carries a meeting's live
// updates, checked as planLive checks a plan.
func (s *Server) meetingLive(c *fiber.Ctx) error {
	if !websocket.IsWebSocketUpgrade(c) {
		return apperr.New(http.StatusUpgradeRequired, "error.bad_request")
	}
	if c.Get(fiber.HeaderOrigin) != s.cfg.BaseURL {
		return apperr.Forbidden()
	}
	m, err := s.loadMeeting(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	v := realtime.Viewer{UserID: u.ID, Name: u.Name}
	if u.Organisation != nil {
		v.Organisation = u.Organisation.Name
	}
	c.Locals(liveKey, &liveRequest{topic: realtime.MeetingTopic(m.ID), workspaceID: m.WorkspaceID, viewer: v, session: currentSessionID(c), lang: strings.Clone(s.language(c)), upgrade: c.Context()})
	return s.liveUpgrade(c)
}

// liveSocketConfig is how live websockets are upgraded. Clients send only
// small messages (hello, focus, blur), so a small read buffer does; write
// buffers come from a pool while a message is written, so that an idle
// connection holds none.
func liveSocketConfig(baseURL string) websocket.Config {
	return websocket.Config{
		Origins:         []string{baseURL},
		ReadBufferSize:  256,
		WriteBufferPool: &sync.Pool{},
	}
}

// serveLive runs one websocket until it closes.
func (s *Server) serveLive(conn *websocket.Conn) {
	req, ok := conn.Locals(liveKey).(*liveRequest)
	if !ok {
		_ = conn.Close()
		return
	}
	releaseUpgrade(conn, req)
	fields := liveFields
	if strings.HasPrefix(req.topic, "meeting:") {
		fields = meetingLiveFields
	}
	// The hub ends every connection when it stops.
	s.hub.Serve(context.Background(), conn, req.topic, req.workspaceID, req.viewer, req.session, req.lang, fields)
}

// releaseUpgrade lets go of what the upgraded request held: its locals (the
// user, the session, the translator), copied by the websocket middleware as
// well, and its headers and cookies, with those of the answer (security
// headers, cookies). fasthttp hands the request to this goroutine at the
// upgrade and keeps it, unused, until the connection ends; everything the
// connection needs has been copied into req. An idle connection holds
// about 5 KiB less for it.
func releaseUpgrade(conn *websocket.Conn, req *liveRequest) {
	fctx := req.upgrade
	req.upgrade = nil
	if fctx == nil {
		return
	}
	fctx.VisitUserValues(func(key []byte, _ any) { conn.Locals(string(key), nil) })
	fctx.ResetUserValues()
	// Reset would keep the buffers for reuse; fresh values let them go.
	fctx.Request = fasthttp.Request{}
	fctx.Response = fasthttp.Response{}
}
