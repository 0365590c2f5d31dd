package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

// exportMarkdown sends one document of a meeting as a Markdown file, named
// after the meeting's date and title, such as
// 2026-12-03-casusoverleg-agenda.md.
func (s *Server) exportMarkdown(c *fiber.Ctx) error {
	req, err := s.exportRecord(c)
	if err != nil {
		return err
	}
	t := s.translator(c)
	name := exportFileName(req.Record, t.Get("export.file."+req.Doc), ".md")
	c.Set(fiber.HeaderContentType, "text/markdown; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.SendString(markdownExport(t, req, time.Now()))
}

// markdownExport writes the document of req in Markdown. Everything people
// typed goes through mdText or mdInline, so that it shows as typed and
// never becomes markup.
func markdownExport(t *i18n.Translator, req *exportRequest, made time.Time) string {
	r, m := req.Record, req.Record.Meeting
	var md markdown
	md.line("# " + mdInline(exportTitle(t, req.Doc, r)))
	md.blank()
	md.field(t.Get("export.meta.workspace"), r.Workspace.Name)
	md.field(t.Get("export.meta.kind"), t.Enum("meeting_kind", m.Kind))
	md.field(t.Get("export.meta.date"), t.Date(m.Date))
	md.field(t.Get("export.meta.time"), m.StartTime+"–"+r.End)
	if m.Location != "" {
		md.field(t.Get("export.meta.location"), m.Location)
	}
	if m.OnlineURL != "" {
		md.field(t.Get("export.meta.online"), m.OnlineURL)
	}
	if m.State != model.MeetingFinished {
		md.field(t.Get("export.meta.state"), t.Enum("meeting_state", m.State))
	}
	md.blank()
	switch req.Doc {
	case docAgenda:
		markdownAgenda(&md, t, r)
	case docMinutes:
		markdownMinutes(&md, t, r, req.Outcomes)
	case docDecisions:
		markdownDecisions(&md, t, r)
	case docActions:
		markdownActions(&md, t, r)
	}
	md.line("*" + mdInline(t.Get("export.made", "At", t.Moment(made))) + "*")
	return md.String()
}

func markdownAgenda(md *markdown, t *i18n.Translator, r *service.MeetingRecord) {
	if len(r.Items) == 0 {
		md.paragraph(t.Get("export.no_items"))
		return
	}
	md.row(t.Get("export.col.time"), t.Get("export.col.number"), t.Get("export.col.item"),
		t.Get("export.col.kind"), t.Get("export.col.presenter"), t.Get("export.col.duration"))
	md.ruler(6)
	for _, it := range r.Items {
		md.row(it.Start, strconv.Itoa(it.Number), it.Title, t.Enum("item_kind", it.Kind),
			it.Presenter, t.Get("export.minutes", "Minutes", it.Duration))
	}
	md.blank()
}

func markdownMinutes(md *markdown, t *i18n.Translator, r *service.MeetingRecord, outcomes bool) {
	md.line("## " + mdInline(t.Get("export.attendance.heading")))
	md.blank()
	for _, g := range attendanceGroups(r) {
		if len(g.Names) > 0 {
			md.field(t.Get(g.Label), strings.Join(g.Names, ", "))
		}
	}
	md.blank()
	md.line("## " + mdInline(t.Get("export.items_heading")))
	md.blank()
	if len(r.Items) == 0 {
		md.paragraph(t.Get("export.no_items"))
	}
	for _, it := range r.Items {
		md.line("### " + strconv.Itoa(it.Number) + ". " + mdInline(it.Title))
		md.blank()
		meta := it.Start + " · " + t.Enum("item_kind", it.Kind)
		if it.Presenter != "" {
			meta += " · " + t.Get("export.presenter", "Name", it.Presenter)
		}
		md.paragraph(meta)
		if it.Kind == model.ItemCase {
			md.line("*" + mdInline(t.Get("export.case_withheld")) + "*")
			md.blank()
		}
		switch {
		case it.Notes != "":
			md.line(mdText(it.Notes))
			md.blank()
		case it.Kind != model.ItemCase:
			md.line("*" + mdInline(t.Get("export.no_notes")) + "*")
			md.blank()
		}
		if outcomes && len(it.Outcomes) > 0 {
			for _, o := range it.Outcomes {
				md.field(t.Enum("outcome_kind", o.Kind), outcomeText(t, o))
			}
			md.blank()
		}
	}
	if outcomes {
		md.line("## " + mdInline(t.Get("export.doc.actions")))
		md.blank()
		markdownActions(md, t, r)
	}
}

// outcomeText is an outcome in one line: for an action, the action as it
// stands in the plan now.
func outcomeText(t *i18n.Translator, o service.RecordOutcome) string {
	a := o.Action
	if a == nil {
		return o.Text
	}
	return a.Title + " (" + strings.Join(actionCells(t, a), ", ") + ")"
}

// actionCells are an action's organisation, owner, due date and status as
// the exports show them.
func actionCells(t *i18n.Translator, a *model.Action) []string {
	org, owner, due := t.Get("actions.value.no_organisation"), t.Get("actions.value.nobody"), t.Get("export.no_due_date")
	if a.OwnerOrganisation != nil {
		org = a.OwnerOrganisation.Name
	}
	if a.OwnerUser != nil {
		owner = personName(t, a.OwnerUser.Name)
	}
	if a.DueDate != "" {
		due = t.Date(a.DueDate)
	}
	return []string{org, owner, due, t.Enum("action_status", a.Status)}
}

func markdownDecisions(md *markdown, t *i18n.Translator, r *service.MeetingRecord) {
	if len(r.Decisions) == 0 {
		md.paragraph(t.Get("export.no_decisions"))
		return
	}
	md.row(t.Get("export.col.number"), t.Get("export.col.decision"), t.Get("export.col.item"))
	md.ruler(3)
	for _, d := range r.Decisions {
		md.row(t.Get("export.decision_number", "Number", d.Number), d.Text, strconv.Itoa(d.Item)+". "+d.ItemTitle)
	}
	md.blank()
}

func markdownActions(md *markdown, t *i18n.Translator, r *service.MeetingRecord) {
	if len(r.Actions) == 0 {
		md.paragraph(t.Get("export.no_actions"))
		return
	}
	md.row(t.Get("export.col.number"), t.Get("export.col.action"), t.Get("actions.field.owner_organisation"),
		t.Get("actions.field.owner"), t.Get("actions.field.due_date"), t.Get("actions.field.status"), t.Get("export.col.item"))
	md.ruler(7)
	for _, a := range r.Actions {
		item := ""
		if a.Item > 0 {
			item = strconv.Itoa(a.Item) + ". " + a.ItemTitle
		}
		cells := append([]string{strconv.Itoa(a.Number), a.Title}, actionCells(t, a.Action)...)
		md.row(append(cells, item)...)
	}
	md.blank()
}

// markdown builds a Markdown document line by line.
type markdown struct{ b strings.Builder }

func (md *markdown) line(s string) { md.b.WriteString(s + "\n") }

// blank ends a block with an empty line, once.
func (md *markdown) blank() {
	if s := md.b.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		md.b.WriteString("\n")
	}
}

// paragraph writes text as a paragraph of its own.
func (md *markdown) paragraph(text string) {
	md.line(mdText(text))
	md.blank()
}

// field writes "- **label:** value" as an item of a list.
func (md *markdown) field(label, value string) {
	md.line("- **" + mdInline(label) + ":** " + mdInline(value))
}

// row writes one row of a table; each cell on one line.
func (md *markdown) row(cells ...string) {
	for i := range cells {
		cells[i] = mdInline(cells[i])
	}
	md.line("| " + strings.Join(cells, " | ") + " |")
}

// ruler writes the line under a table's header row.
func (md *markdown) ruler(n int) {
	md.line("|" + strings.Repeat(" --- |", n))
}

func (md *markdown) String() string { return md.b.String() }

// mdInline is mdText on one line: line breaks become spaces, for a title,
// a table cell or a list item.
func mdInline(s string) string {
	return mdText(strings.Join(strings.Fields(s), " "))
}

// mdSpecial are the characters that can start or end markup anywhere in a
// line of CommonMark or GitHub Flavoured Markdown: emphasis, code, links
// and images, raw HTML and autolinks, entities, tables, strikethrough, and
// the closing sequence of a heading.
const mdSpecial = "\\`*_[]<>|~&#"

// mdText escapes text typed by a person so that Markdown shows it exactly
// as typed: every character that could be markup gets a backslash, and so
// does what makes a block at the start of a line (a list, a quote, a
// heading underline). Leading spaces, which would make a code block, are
// dropped; line breaks stay, as hard breaks, and blank lines as paragraph
// breaks.
func mdText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	blank := true
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		if !blank {
			out[len(out)-1] += "  " // a hard break after the previous line
		}
		out = append(out, mdLine(line))
		blank = false
	}
	if len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// mdLine escapes one trimmed, non-empty line.
func mdLine(line string) string {
	var b strings.Builder
	// A list marker or a heading underline at the start (a quote's ">" is
	// escaped everywhere).
	switch line[0] {
	case '-', '+', '=':
		b.WriteByte('\\')
	}
	// An ordered list marker: digits followed by "." or ")".
	digits := 0
	for digits < len(line) && digits < 10 && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	for i, r := range line {
		if strings.ContainsRune(mdSpecial, r) || (i == digits && digits > 0 && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
