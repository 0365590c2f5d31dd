package web

import (
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

// icsContentType is the media type of an iCalendar file.
const icsContentType = "text/calendar; charset=utf-8"

// newCalendar starts an iCalendar document in Schakel's name.
func newCalendar() *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId("-//Schakel//Overleggen//NL")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	return cal
}

// meetingUID names a meeting's event for good: a calendar that sees it
// again updates the event instead of adding a second one.
func meetingUID(m *model.Meeting) string {
	return "meeting-" + strconv.FormatInt(m.ID, 10) + "@schakel"
}

// addMeetingEvent adds a meeting to cal as one event, in UTC: the meeting's
// date and start time are Dutch time, whatever the server's zone. The
// description names the agenda items, never their content.
func (s *Server) addMeetingEvent(cal *ics.Calendar, t *i18n.Translator, r *service.MeetingRecord) {
	m := r.Meeting
	start, ok := m.Start(i18n.Amsterdam())
	if !ok {
		return
	}
	e := cal.AddEvent(meetingUID(m))
	e.SetDtStampTime(m.UpdatedAt)
	e.SetCreatedTime(m.CreatedAt)
	e.SetModifiedAt(m.UpdatedAt)
	e.SetSequence(m.Version)
	e.SetStartAt(start)
	e.SetEndAt(start.Add(time.Duration(m.Duration) * time.Minute))
	e.SetSummary(icsText(m.Title))
	switch {
	case m.Location != "":
		e.SetLocation(icsText(m.Location))
	case m.OnlineURL != "":
		e.SetLocation(icsText(m.OnlineURL))
	}
	page := s.cfg.BaseURL + "/workspaces/" + strconv.FormatInt(m.WorkspaceID, 10) + "/meetings/" + strconv.FormatInt(m.ID, 10)
	e.SetURL(page)
	e.SetDescription(icsText(meetingDescription(t, r, page)))
	if m.State == model.MeetingDraft {
		e.SetStatus(ics.ObjectStatusTentative)
	} else {
		e.SetStatus(ics.ObjectStatusConfirmed)
	}
}

// meetingDescription is the text of a meeting's event: its kind and
// workspace, the agenda item titles with their start times, the online
// link and the meeting's page.
func meetingDescription(t *i18n.Translator, r *service.MeetingRecord, page string) string {
	m := r.Meeting
	lines := []string{t.Enum("meeting_kind", m.Kind) + " · " + r.Workspace.Name}
	if len(r.Items) > 0 {
		lines = append(lines, "", t.Get("calendar.ics.agenda"))
		for _, it := range r.Items {
			lines = append(lines, it.Start+"  "+strconv.Itoa(it.Number)+". "+oneLine(it.Title))
		}
	}
	lines = append(lines, "")
	if m.OnlineURL != "" {
		lines = append(lines, t.Get("calendar.ics.online", "URL", m.OnlineURL))
	}
	lines = append(lines, t.Get("calendar.ics.page", "URL", page))
	return strings.Join(lines, "\n")
}

// icsText readies a text value for the library, which escapes backslashes,
// commas, semicolons and line feeds but not carriage returns: those become
// line feeds, so no text can end a content line early.
func icsText(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
