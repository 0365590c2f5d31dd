package web

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// workspaceAuditCSV sends a workspace's audit log, with the page's
// filters, as a CSV file; the download is itself written to the log.
func (s *Server) workspaceAuditCSV(c *fiber.Ctx) error {
	u := currentUser(c)
	w, err := s.svc.Workspace(c.UserContext(), u, workspaceID(c))
	if err != nil {
		return err
	}
	export, err := s.svc.ExportWorkspaceAuditLog(c.UserContext(), u, w.ID, auditQuery(c))
	if err != nil {
		return err
	}
	return s.sendAuditCSV(c, export, fileSlug(w.Name), true)
}

// platformAuditCSV sends the whole audit log, with the page's filters, as
// a CSV file to an administrator; the download is itself written to the log.
func (s *Server) platformAuditCSV(c *fiber.Ctx) error {
	export, err := s.svc.ExportPlatformAuditLog(c.UserContext(), currentUser(c), auditQuery(c))
	if err != nil {
		return err
	}
	return s.sendAuditCSV(c, export, "schakel", false)
}

// sendAuditCSV writes the export as CSV in the user's language: UTF-8 with
// a byte order mark (so that spreadsheets read the accents right), one
// line per audit line, newest first, with each line's hash and the hash
// before it, so that the file can be checked against the chain.
func (s *Server) sendAuditCSV(c *fiber.Ctx, export *service.AuditExport, name string, oneWorkspace bool) error {
	t := s.translator(c)
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	header := []string{"id", t.Get("audit.col.at"), t.Get("audit.col.person"), t.Get("audit.csv.person_id"),
		t.Get("audit.col.event"), t.Get("audit.csv.event_code"), t.Get("audit.col.object"), t.Get("audit.col.detail")}
	if !oneWorkspace {
		header = append(header, t.Get("audit.col.workspace"))
	}
	header = append(header, t.Get("audit.csv.hash"), t.Get("audit.csv.prev_hash"))
	if err := w.Write(header); err != nil {
		return err
	}
	for _, b := range export.Batches {
		for i := range b.Lines {
			if err := w.Write(auditRecord(t, &b.Lines[i], b, oneWorkspace)); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	file := t.Get("audit.csv.file") + "-" + name + "-" + time.Now().In(i18n.Amsterdam()).Format(time.DateOnly) + ".csv"
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+file+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(buf.Bytes())
}

// auditRecord is one audit line as a CSV record. Every cell that people
// typed (names, titles) is defused, so that a spreadsheet never runs it
// as a formula.
func auditRecord(t *i18n.Translator, e *model.AuditEntry, b service.AuditBatch, oneWorkspace bool) []string {
	person := ""
	if e.UserID != nil {
		person = strconv.FormatInt(*e.UserID, 10)
	}
	rec := []string{
		strconv.FormatInt(e.ID, 10),
		e.At.UTC().Format(time.RFC3339),
		spreadsheetSafe(views.AuditPerson(t, e)),
		person,
		views.AuditEventName(t, e.Event),
		e.Event,
		spreadsheetSafe(views.AuditObject(t, e, b.Objects)),
		spreadsheetSafe(views.AuditDetail(t, e)),
	}
	if !oneWorkspace {
		ws := ""
		if e.Workspace != nil {
			ws = e.Workspace.Name
		}
		rec = append(rec, spreadsheetSafe(ws))
	}
	return append(rec, e.Hash, e.PrevHash)
}

// spreadsheetSafe puts an apostrophe before a cell that a spreadsheet
// would otherwise read as a formula (OWASP's advice on CSV injection).
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
