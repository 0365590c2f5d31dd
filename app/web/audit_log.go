package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// auditQuery reads the filters and the page of an audit log request.
func auditQuery(c *fiber.Ctx) service.AuditQuery {
	person, _ := strconv.ParseInt(c.Query("person"), 10, 64)
	page, _ := strconv.Atoi(c.Query("page"))
	return service.AuditQuery{Event: c.Query("event"), UserID: person, Workspace: c.Query("workspace"), Page: page}
}

// auditPath is the address of a workspace's audit log.
func auditPath(workspaceID int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/audit"
}

// workspaceAudit shows a page of a workspace's audit log to its
// coordinators.
func (s *Server) workspaceAudit(c *fiber.Ctx) error {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, workspaceID(c))
	if err != nil {
		return err
	}
	log, err := s.svc.WorkspaceAuditLog(c.UserContext(), u, w.ID, auditQuery(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("audit.heading") + " · " + w.Name},
		views.AuditLogPage(views.AuditView{Log: log, Path: auditPath(w.ID), Workspace: w}))
}

// platformAudit shows a page of the whole audit log to administrators.
func (s *Server) platformAudit(c *fiber.Ctx) error {
	log, err := s.svc.PlatformAuditLog(c.UserContext(), currentUser(c), auditQuery(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("audit.heading")},
		views.AuditLogPage(views.AuditView{Log: log, Path: "/admin/audit"}))
}
