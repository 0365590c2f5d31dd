package service

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// AuditPageSize is how many lines one page of the audit log shows.
const AuditPageSize = 50

// auditExportBatch is how many lines an export reads at a time.
const auditExportBatch = 1000

// AuditQuery is what a page of the audit log asks for: an event, a person
// (UserID) and, on the administrators' page, a workspace ("" for all,
// "none" for the lines of no workspace, or an id); and the page, from 1.
type AuditQuery struct {
	Event     string
	UserID    int64
	Workspace string
	Page      int
}

// AuditLog is one page of the audit log, and what its filters offer.
type AuditLog struct {
	Lines   []model.AuditEntry
	Objects store.AuditObjects
	// Page and Pages number the pages from 1; Total counts the lines the
	// filters keep.
	Page, Pages, Total int
	// People and Events are what the log's lines hold, to filter by.
	People []model.User
	Events []string
	// Workspaces are offered to filter by on the administrators' page.
	Workspaces []store.WorkspaceSummary
	Query      AuditQuery
}

// canReadAudit checks the audit permission again, below the route guard.
func (s *Service) canReadAudit(u *model.User, workspaceID int64) error {
	if !s.Authz.Can(u, workspaceID, authz.ObjWorkspace, authz.ActRead) {
		return apperr.NotFound()
	}
	if !s.Authz.Can(u, workspaceID, authz.ObjAudit, authz.ActRead) {
		return apperr.Forbidden()
	}
	return nil
}

// filter turns a query into the store's filter; an event or a workspace
// that is not on offer filters nothing.
func (q *AuditQuery) filter(workspaceID int64, events []string) store.AuditFilter {
	f := store.AuditFilter{WorkspaceID: workspaceID, UserID: max(q.UserID, 0)}
	if slices.Contains(events, q.Event) {
		f.Event = q.Event
	} else {
		q.Event = ""
	}
	if workspaceID == 0 {
		switch id, err := strconv.ParseInt(q.Workspace, 10, 64); {
		case q.Workspace == "none":
			f.NoWorkspace = true
		case err == nil && id > 0:
			f.WorkspaceID = id
		default:
			q.Workspace = ""
		}
	}
	return f
}

// WorkspaceAuditLog is a page of a workspace's audit log, for someone who
// may read it: its coordinators.
func (s *Service) WorkspaceAuditLog(ctx context.Context, u *model.User, workspaceID int64, q AuditQuery) (*AuditLog, error) {
	if err := s.canReadAudit(u, workspaceID); err != nil {
		return nil, err
	}
	return s.auditLog(ctx, workspaceID, q)
}

// PlatformAuditLog is a page of the whole audit log, for an administrator.
func (s *Service) PlatformAuditLog(ctx context.Context, u *model.User, q AuditQuery) (*AuditLog, error) {
	if !s.Authz.CanPlatform(u, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	log, err := s.auditLog(ctx, 0, q)
	if err != nil {
		return nil, err
	}
	log.Workspaces, err = store.AllWorkspaces(ctx, s.DB)
	return log, err
}

func (s *Service) auditLog(ctx context.Context, workspaceID int64, q AuditQuery) (*AuditLog, error) {
	log := &AuditLog{}
	var err error
	if log.Events, err = store.AuditEvents(ctx, s.DB, workspaceID); err != nil {
		return nil, err
	}
	if log.People, err = store.AuditPeople(ctx, s.DB, workspaceID); err != nil {
		return nil, err
	}
	f := q.filter(workspaceID, log.Events)
	if log.Total, err = store.CountAuditLines(ctx, s.DB, f); err != nil {
		return nil, err
	}
	log.Pages = max(1, (log.Total+AuditPageSize-1)/AuditPageSize)
	q.Page = min(max(q.Page, 1), log.Pages)
	log.Page, log.Query = q.Page, q
	if log.Lines, err = store.AuditLines(ctx, s.DB, f, 0, (q.Page-1)*AuditPageSize, AuditPageSize); err != nil {
		return nil, err
	}
	log.Objects, err = store.AuditObjectNames(ctx, s.DB, workspaceID, log.Lines)
	return log, err
}

// AuditExport is the audit log as a download: every line the filters
// keep, newest first, in batches with the names of what they are about.
type AuditExport struct {
	Batches []AuditBatch
}

// AuditBatch is a run of lines of an export with their objects' names.
type AuditBatch struct {
	Lines   []model.AuditEntry
	Objects store.AuditObjects
}

// ExportWorkspaceAuditLog writes to the log that u downloads the
// workspace's log with these filters, then reads it.
func (s *Service) ExportWorkspaceAuditLog(ctx context.Context, u *model.User, workspaceID int64, q AuditQuery) (*AuditExport, error) {
	if err := s.canReadAudit(u, workspaceID); err != nil {
		return nil, err
	}
	return s.exportAudit(ctx, u, workspaceID, q)
}

// ExportPlatformAuditLog writes to the log that an administrator downloads
// the whole log with these filters, then reads it.
func (s *Service) ExportPlatformAuditLog(ctx context.Context, u *model.User, q AuditQuery) (*AuditExport, error) {
	if !s.Authz.CanPlatform(u, authz.ObjPlatform, authz.ActManage) {
		return nil, apperr.Forbidden()
	}
	return s.exportAudit(ctx, u, 0, q)
}

// exportAudit writes the export line first, in a transaction of its own,
// so that the download is in the log (and in the file) and the log's
// append lock is not held while the file is read.
func (s *Service) exportAudit(ctx context.Context, u *model.User, workspaceID int64, q AuditQuery) (*AuditExport, error) {
	events, err := store.AuditEvents(ctx, s.DB, workspaceID)
	if err != nil {
		return nil, err
	}
	f := q.filter(workspaceID, append(events, model.AuditLogExport))
	detail := exportFilters(f)
	if workspaceID > 0 {
		err = s.auditIn(ctx, s.DB, u, workspaceID, model.AuditLogExport, model.AuditObjectLog, 0, detail)
	} else {
		err = s.auditPlatform(ctx, s.DB, u, model.AuditLogExport, model.AuditObjectLog, 0, detail)
	}
	if err != nil {
		return nil, err
	}
	out := &AuditExport{}
	var before int64
	for {
		lines, err := store.AuditLines(ctx, s.DB, f, before, 0, auditExportBatch)
		if err != nil {
			return nil, err
		}
		if len(lines) == 0 {
			return out, nil
		}
		objects, err := store.AuditObjectNames(ctx, s.DB, workspaceID, lines)
		if err != nil {
			return nil, err
		}
		out.Batches = append(out.Batches, AuditBatch{Lines: lines, Objects: objects})
		if len(lines) < auditExportBatch {
			return out, nil
		}
		before = lines[len(lines)-1].ID
	}
}

// exportFilters writes the filters of an export for its audit line, such
// as "event=case_view user=12"; "" when nothing was filtered.
func exportFilters(f store.AuditFilter) string {
	var parts []string
	if f.Event != "" {
		parts = append(parts, "event="+f.Event)
	}
	if f.UserID > 0 {
		parts = append(parts, "user="+strconv.FormatInt(f.UserID, 10))
	}
	if f.NoWorkspace {
		parts = append(parts, "workspace=none")
	} else if f.WorkspaceID > 0 {
		parts = append(parts, "workspace="+strconv.FormatInt(f.WorkspaceID, 10))
	}
	return strings.Join(parts, " ")
}
