package web

import (
	"encoding/base64"
	"io"
	"net/http"
	"regexp"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// planImport reads an uploaded CSV file of progress against the plan and
// shows what it would change, line by line, or what is wrong with it;
// nothing is saved until the person confirms (planImportApply).
func (s *Server) planImport(c *fiber.Ctx) error {
	d, err := s.importPage(c)
	if err != nil {
		return err
	}
	data, errID, status := uploadedCSV(c)
	if errID != "" {
		d.FileError = errID
		return s.renderImportPage(c, status, d)
	}
	if d.Import, err = s.svc.PreviewActionImport(c.UserContext(), currentUser(c), d.Workspace.ID, d.Plan.ID, data); err != nil {
		return err
	}
	d.Data = base64.StdEncoding.EncodeToString(data)
	return s.renderImportPage(c, importStatus(d.Import), d)
}

// planImportApply applies the file a preview showed, which the
// confirmation sends back: read again against the actions as they are
// now, and applied whole or not at all. Applied, it leads back to the
// plan; otherwise it shows why not, as the preview does.
func (s *Server) planImportApply(c *fiber.Ctx) error {
	d, err := s.importPage(c)
	if err != nil {
		return err
	}
	data, err := base64.StdEncoding.DecodeString(c.FormValue("data"))
	if err != nil || len(data) == 0 {
		d.FileError = "actions.csv.error.resend"
		return s.renderImportPage(c, http.StatusUnprocessableEntity, d)
	}
	if len(data) > service.MaxImportBytes {
		d.FileError = "actions.csv.error.too_large"
		return s.renderImportPage(c, http.StatusRequestEntityTooLarge, d)
	}
	if d.Import, err = s.svc.ImportActions(c.UserContext(), currentUser(c), d.Workspace.ID, d.Plan.ID, data); err != nil {
		return err
	}
	if d.Import.Applied {
		return redirect(c, withNotice(planPath(d.Workspace.ID, d.Plan.ID), "actions_imported"))
	}
	d.Data = base64.StdEncoding.EncodeToString(data)
	return s.renderImportPage(c, importStatus(d.Import), d)
}

// importPage reads the route's plan and workspace for the import's page.
func (s *Server) importPage(c *fiber.Ctx) (views.PlanImport, error) {
	pid, err := idParam(c, "pid")
	if err != nil {
		return views.PlanImport{}, err
	}
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	p, err := s.svc.Plan(ctx, u, wid, pid)
	if err != nil {
		return views.PlanImport{}, err
	}
	w, err := s.svc.Workspace(ctx, u, wid)
	if err != nil {
		return views.PlanImport{}, err
	}
	return views.PlanImport{Workspace: w, Plan: p}, nil
}

// uploadedCSV reads the file of the form's "file" field, at most
// service.MaxImportBytes; otherwise it returns the message id of what is
// wrong and the status to answer with.
func uploadedCSV(c *fiber.Ctx) ([]byte, string, int) {
	fh, err := c.FormFile("file")
	if err != nil || fh.Filename == "" {
		return nil, "actions.csv.error.no_file", http.StatusUnprocessableEntity
	}
	if fh.Size > service.MaxImportBytes {
		return nil, "actions.csv.error.too_large", http.StatusRequestEntityTooLarge
	}
	f, err := fh.Open()
	if err != nil {
		return nil, "actions.csv.error.resend", http.StatusUnprocessableEntity
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, service.MaxImportBytes+1))
	if err != nil {
		return nil, "actions.csv.error.resend", http.StatusUnprocessableEntity
	}
	if len(data) > service.MaxImportBytes {
		return nil, "actions.csv.error.too_large", http.StatusRequestEntityTooLarge
	}
	return data, "", 0
}

// importStatus is the status of an import's page: 422 when the file has
// problems or titles the privacy guard holds back, 409 when it would
// overwrite someone's change, 200 otherwise.
func importStatus(im *service.ActionImport) int {
	switch {
	case len(im.Problems) > 0, len(im.Held) > 0:
		return http.StatusUnprocessableEntity
	case len(im.Conflicts) > 0:
		return http.StatusConflict
	}
	return http.StatusOK
}

func (s *Server) renderImportPage(c *fiber.Ctx, status int, d views.PlanImport) error {
	t := s.translator(c)
	return s.renderPage(c, status, views.Page{Title: t.Get("actions.csv.import_heading") + " · " + d.Plan.Title}, views.PlanImportPage(d))
}

// importPath matches the addresses an import of progress is sent to.
var importPath = regexp.MustCompile(`^/workspaces/[0-9]+/plans/[0-9]+/import(/apply)?$`)

// tooLargeMessage is what a request larger than the server takes at all
// is told (the server refuses it on its announced length, before reading
// it): for an import of progress, the import's own limit.
func tooLargeMessage(path string) string {
	if importPath.MatchString(path) {
		return "actions.csv.error.too_large"
	}
	return "error.too_large"
}
