package web

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/unicode/norm"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// The documents a meeting can be exported as, by their name in the URL.
const (
	docAgenda    = "agenda"
	docMinutes   = "minutes"
	docDecisions = "decisions"
	docActions   = "actions"
)

var exportDocs = []string{docAgenda, docMinutes, docDecisions, docActions}

// exportRequest is what an export route asks for: the meeting's record,
// which document, and for the minutes whether to show the outcomes.
type exportRequest struct {
	Record   *service.MeetingRecord
	Doc      string
	Outcomes bool
}

// exportRecord reads the route's meeting and document, to be sent in the
// format named by ext ("" for the printable page, ".md"); the export is
// written to the audit log. An unknown document is not found, like a
// meeting of another workspace.
func (s *Server) exportRecord(c *fiber.Ctx, ext string) (*exportRequest, error) {
	doc := c.Params("doc")
	if !slices.Contains(exportDocs, doc) {
		return nil, apperr.NotFound()
	}
	mid, err := idParam(c, "mid")
	if err != nil {
		return nil, err
	}
	r, err := s.svc.MeetingExport(c.UserContext(), currentUser(c), workspaceID(c), mid, doc+ext)
	if err != nil {
		return nil, err
	}
	return &exportRequest{Record: r, Doc: doc, Outcomes: doc == docMinutes && c.Query("outcomes") == "1"}, nil
}

// exportPath is the address of a meeting's printable document.
func exportPath(workspaceID, meetingID int64, doc string) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/meetings/" + strconv.FormatInt(meetingID, 10) + "/export/" + doc
}

// exportFileName names a download after the meeting's date, its title and
// what it holds, such as 2026-12-03-casusoverleg-notulen.md.
func exportFileName(r *service.MeetingRecord, what, ext string) string {
	name := r.Meeting.Date + "-" + fileSlug(r.Meeting.Title)
	if what != "" {
		name += "-" + fileSlug(what)
	}
	return name + ext
}

// fileSlug turns text into lower-case ASCII words joined by hyphens, dropping
// accents (é → e) and everything else; at most 60 characters.
func fileSlug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "overleg"
	}
	return strings.TrimRight(b.String(), "-")
}

// attendanceGroups sorts a meeting's attendees for the minutes: present,
// sent apologies, absent, and invited (presence not taken), each a list of
// "name (organisation)".
func attendanceGroups(r *service.MeetingRecord) []views.AttendanceGroup {
	groups := []views.AttendanceGroup{
		{Label: "export.attendance.present"}, {Label: "export.attendance.declined"},
		{Label: "export.attendance.absent"}, {Label: "export.attendance.invited"},
	}
	for i := range r.Attendees {
		a := &r.Attendees[i]
		name := a.DisplayName()
		org := a.GuestOrganisation
		if a.User != nil && a.User.Organisation != nil {
			org = a.User.Organisation.Name
		}
		if org != "" {
			name += " (" + org + ")"
		}
		g := 3
		switch {
		case a.Presence == model.PresenceHere:
			g = 0
		case a.RSVP == model.RSVPDeclined:
			g = 1
		case a.Presence == model.PresenceAbsent:
			g = 2
		}
		groups[g].Names = append(groups[g].Names, name)
	}
	return groups
}

// exportTitle is a document's heading: "Notulen · Casusoverleg".
func exportTitle(t *i18n.Translator, doc string, r *service.MeetingRecord) string {
	return t.Get("export.doc."+doc) + " · " + r.Meeting.Title
}
