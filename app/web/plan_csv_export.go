package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/actioncsv"
	"schakel/app/model"
)

// planActionsCSV sends a plan's actions as a CSV file that Excel opens
// with its columns and accents intact (see actioncsv), in the reader's
// language; whoever reads the plan may download it, and the download is
// written to the audit log. The same file, with progress filled in, can
// be read back in (planImport).
func (s *Server) planActionsCSV(c *fiber.Ctx) error {
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	export, err := s.svc.ExportPlanActions(c.UserContext(), currentUser(c), workspaceID(c), pid)
	if err != nil {
		return err
	}
	t := s.translator(c)
	records := make([][]string, len(export.Actions))
	for i := range export.Actions {
		a := &export.Actions[i]
		var m *model.Meeting
		if a.MeetingID != nil {
			m = export.Meetings[*a.MeetingID]
		}
		records[i] = actioncsv.Record(t, a, m)
	}
	body, err := actioncsv.Write(actioncsv.Header(t), records)
	if err != nil {
		return err
	}
	file := actioncsv.FileName(t, fileSlug(export.Plan.Title), time.Now())
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+file+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(body)
}
