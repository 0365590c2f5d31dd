package views

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
)

// The audit log's lines in words, shared by the log pages and the CSV
// export so that both read the same.

// AuditEventName is an event's name, such as "Casusnotities bekeken"; an
// event without a name of its own shows as it is stored.
func AuditEventName(t *i18n.Translator, event string) string {
	if id := "audit.event." + event; t.Has(id) {
		return t.Get(id)
	}
	return event
}

// AuditMoment is when a line was written, to the second, Dutch time.
func AuditMoment(t *i18n.Translator, at time.Time) string {
	at = at.In(i18n.Amsterdam())
	return t.Date(at.Format(time.DateOnly)) + ", " + at.Format("15:04:05")
}

// AuditPerson names who did what a line records: the account, "Schakel
// itself" for the server's own work and the command line, and "unknown"
// for a sign-in with an address that belongs to no account.
func AuditPerson(t *i18n.Translator, e *model.AuditEntry) string {
	switch {
	case e.User != nil:
		return auditName(t, e.User.Name)
	case e.UserID != nil:
		return t.Get("audit.person.gone", "ID", *e.UserID)
	case slices.Contains(anonymousEvents, e.Event):
		return t.Get("audit.person.unknown")
	}
	return t.Get("audit.person.system")
}

// anonymousEvents are done by someone who is not signed in (yet): without
// an account on the line, they are someone unknown, not Schakel itself.
var anonymousEvents = []string{model.AuditSignInFailed, model.AuditPasswordResetAsked, model.AuditPasswordResetDone}

// auditName is an account's name, or "deleted user" for an account its
// owner deleted, which has no name any more (as PersonName).
func auditName(t *i18n.Translator, name string) string {
	if name == "" {
		return t.Get("account.deleted_user")
	}
	return name
}

// AuditObject names what a line is about, such as "Agendapunt «Casus A»,
// Casusoverleg (3 december 2026)"; "" when it is about nothing in
// particular.
func AuditObject(t *i18n.Translator, e *model.AuditEntry, o store.AuditObjects) string {
	id := e.ObjectID
	switch e.Object {
	case model.AuditObjectUser:
		// Signing in and out is about oneself: the person says it all.
		if id == 0 || (e.UserID != nil && *e.UserID == id) {
			return ""
		}
		if name, ok := o.Users[id]; ok {
			return auditName(t, name)
		}
		return t.Get("audit.person.gone", "ID", id)
	case "session":
		return t.Get("audit.object.session", "ID", id)
	case "mail":
		return t.Get("audit.object.mail", "ID", id)
	case model.AuditObjectOrganisation:
		return named(t, o.Organisations, id, "audit.object.organisation")
	case model.AuditObjectWorkspace:
		return named(t, o.Workspaces, id, "audit.object.workspace")
	case model.AuditObjectMeeting:
		if m, ok := o.Meetings[id]; ok {
			return t.Get("audit.object.meeting_named", "Title", m.Title, "Date", t.Date(m.Date))
		}
		return t.Get("audit.object.meeting", "ID", id)
	case model.AuditObjectItem:
		if it, ok := o.Items[id]; ok {
			return t.Get("audit.object.item_named", "Title", it.Title, "Meeting", it.MeetingTitle, "Date", t.Date(it.MeetingDate))
		}
		return t.Get("audit.object.item", "ID", id)
	case "invitation":
		return t.Get("audit.object.invitation", "ID", id)
	case model.AuditObjectPlan:
		if title, ok := o.Plans[id]; ok {
			return t.Get("audit.object.plan_named", "Title", title)
		}
		return t.Get("audit.object.plan", "ID", id)
	case model.AuditObjectLog, "":
		return ""
	}
	if msg := "audit.object." + e.Object; t.Has(msg) {
		return t.Get(msg, "ID", id)
	}
	return e.Object + " " + strconv.FormatInt(id, 10)
}

func named(t *i18n.Translator, names map[int64]string, id int64, fallback string) string {
	if name, ok := names[id]; ok {
		return name
	}
	return t.Get(fallback, "ID", id)
}

// AuditDetail says in words what a line's detail holds: a role, why a
// sign-in failed, which document was exported, what case notes were
// refused for; anything else as it is stored.
func AuditDetail(t *i18n.Translator, e *model.AuditEntry) string {
	d := e.Detail
	if d == "" {
		return ""
	}
	switch e.Event {
	case model.AuditSignIn, model.AuditSignInFailed:
		if id := "audit.detail." + d; t.Has(id) {
			return t.Get(id)
		}
	case model.AuditMemberAdd, model.AuditMemberRemove:
		return t.Enum("role", d)
	case model.AuditMemberRole:
		if from, to, ok := strings.Cut(d, " -> "); ok {
			return t.Enum("role", from) + " → " + t.Enum("role", to)
		}
	case model.AuditAccountCreate:
		return t.Enum("platform_role", d)
	case model.AuditOrganisationCreate:
		return t.Enum("org_kind", d)
	case model.AuditWorkspaceCreated:
		f := auditFields(d)
		if f["coordinator"] == "" {
			return d
		}
		if _, invited := f["invited"]; invited {
			return t.Get("audit.detail.coordinator_invited", "Address", f["coordinator"])
		}
		return t.Get("audit.detail.coordinator", "Address", f["coordinator"])
	case model.AuditInvitationSent, model.AuditInvitationResent, model.AuditInvitationRevoked, model.AuditInvitationAccepted:
		f := auditFields(d)
		if f["to"] == "" || f["role"] == "" {
			return d
		}
		out := t.Get("audit.detail.invitation", "Address", f["to"], "Role", t.Enum("role", f["role"]))
		if f["meeting"] != "" {
			out += ", " + t.Get("audit.object.meeting", "ID", f["meeting"])
		}
		return out
	case model.AuditSignInDelayed:
		var secs int
		if _, err := fmt.Sscanf(d, "wait %ds", &secs); err == nil {
			return t.Get("audit.detail.wait", "Seconds", secs)
		}
	case model.AuditMeetingExport:
		doc, format, _ := strings.Cut(d, ".")
		name := doc
		if id := "export.doc." + doc; t.Has(id) {
			name = t.Get(id)
		}
		if format == "" {
			return t.Get("audit.detail.export_print", "Document", name)
		}
		return t.Get("audit.detail.export_file", "Document", name, "Format", strings.ToUpper(format))
	case model.AuditPlanImport:
		f := auditFields(d)
		if f["actions"] != "" && f["changes"] != "" {
			return t.Get("audit.detail.plan_import", "Actions", f["actions"], "Changes", f["changes"])
		}
	case model.AuditCaseRefused:
		return t.Get("audit.detail.refused", "Kinds", auditKinds(t, d))
	case model.AuditGuardConfirmed:
		return t.Get("audit.detail.confirmed", "Kinds", auditKinds(t, d))
	}
	return d
}

// auditKinds names the kinds of identifier of a detail such as
// "name,school" in words: "een naam, een school".
func auditKinds(t *i18n.Translator, d string) string {
	var kinds []string
	for _, k := range strings.Split(d, ",") {
		if id := "textguard.kind." + k; t.Has(id) {
			kinds = append(kinds, t.Get(id))
		} else {
			kinds = append(kinds, k)
		}
	}
	return strings.Join(kinds, ", ")
}

// auditFields reads a detail written as words and key=value pairs, such
// as "to=a@b.example role=viewer" or "coordinator=a@b.example invited";
// a word without "=" is a key without a value.
func auditFields(d string) map[string]string {
	f := map[string]string{}
	for _, w := range strings.Fields(d) {
		k, v, _ := strings.Cut(w, "=")
		f[k] = v
	}
	return f
}

// AuditView is what an audit log page shows: a page of the log, where its
// filter form and pages lead (Path) and, for a workspace's log, the
// workspace; nil on the administrators' page, which shows every
// workspace's lines.
type AuditView struct {
	Log       *service.AuditLog
	Path      string
	Workspace *model.Workspace
}

// query writes the page's filters as a query string for page n (0: no
// page), with a leading "?" when there is anything to write.
func (v AuditView) query(n int) string {
	q := url.Values{}
	f := v.Log.Query
	if f.Event != "" {
		q.Set("event", f.Event)
	}
	if f.UserID > 0 {
		q.Set("person", strconv.FormatInt(f.UserID, 10))
	}
	if f.Workspace != "" {
		q.Set("workspace", f.Workspace)
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// PageURL is the address of page n of the log with the same filters.
func (v AuditView) PageURL(n int) string { return v.Path + v.query(n) }

// CSVURL is the address of the CSV download with the same filters.
func (v AuditView) CSVURL() string { return v.Path + ".csv" + v.query(0) }

// Filtered says whether any filter is on.
func (v AuditView) Filtered() bool { return v.query(0) != "" }
