// Package actioncsv is the file format in which a plan's actions leave
// Schakel for a spreadsheet and their progress comes back: one header line
// and one line per action, in the columns of Columns. It knows no
// database: the service reads and checks the actions, this package writes
// and reads the lines.
package actioncsv

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"schakel/app/i18n"
	"schakel/app/model"
)

// The columns of the file, by key; each column's name in a language is the
// message "actions.csv.col.<key>".
const (
	ColID                = "id"
	ColTheme             = "theme"
	ColTitle             = "title"
	ColOwnerOrganisation = "owner_organisation"
	ColOwner             = "owner"
	ColDueDate           = "due_date"
	ColStatus            = "status"
	ColProgress          = "progress"
	ColRights            = "rights"
	ColMeeting           = "meeting"
	ColMeetingDate       = "meeting_date"
	ColUpdatedAt         = "updated_at"
	ColVersion           = "version"
)

// Columns are the file's columns in order. The order and the names are
// the format: an import wants exactly these, so that a file that is not a
// plan's export (or one whose columns were moved) is refused as a whole
// rather than read wrongly.
var Columns = []string{
	ColID, ColTheme, ColTitle, ColOwnerOrganisation, ColOwner, ColDueDate,
	ColStatus, ColProgress, ColRights, ColMeeting, ColMeetingDate, ColUpdatedAt, ColVersion,
}

// Importable are the columns an import reads, in the order it applies
// them: a status before the progress, so that a progress in the file wins
// over the status's default. The other columns are there to be read by
// people (who owns it, where it was agreed) and are left as they are in
// Schakel, whatever the file says.
var Importable = []string{ColTitle, ColDueDate, ColStatus, ColProgress}

// Separator is the file's field separator. Dutch Excel opens a CSV file by
// splitting its lines at the list separator of the Windows regional
// settings, which in the Netherlands is ";" (the comma is the decimal
// separator there); a file with commas opens with every line in one
// column. LibreOffice asks and recognises either. A "sep=;" first line
// would tell Excel too, but then Excel ignores the byte order mark and
// breaks every accent, so the file has none. Reading accepts "," as well,
// for a file saved by a spreadsheet in English settings.
const Separator = ';'

// byteOrderMark starts the file so that Excel reads it as UTF-8 (without
// it Excel assumes the Windows code page and breaks accents); it also
// keeps Excel from taking a file that begins with "ID" for SYLK.
const byteOrderMark = "\uFEFF"

// formulaStart are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, CSV injection), with the tab and carriage
// return that some of them skip before looking; the apostrophe is there
// so that escaping can always be undone (see Escape).
const formulaStart = "=+-@\t\r'"

// Escape keeps a spreadsheet from running a cell as a formula: a cell that
// starts with = + - @, a tab or a carriage return gets an apostrophe in
// front, which spreadsheets show as text. A cell that already starts with
// an apostrophe gets one more, so that Unescape, which takes one off any
// cell that starts with one, gives back exactly what was written.
func Escape(s string) string {
	if s != "" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Unescape undoes Escape.
func Unescape(s string) string {
	return strings.TrimPrefix(s, "'")
}

// Header is the header line in t's language.
func Header(t *i18n.Translator) []string {
	out := make([]string, len(Columns))
	for i, c := range Columns {
		out[i] = t.Get("actions.csv.col." + c)
	}
	return out
}

// Record is one action as a line of the file, in t's language: its theme
// and status by name, its owner by name alone (never an address), the
// meeting it was agreed at (m, nil if none), and when it last changed, in
// Dutch time. Nothing of a meeting's case material is in an action, and
// nothing of it is read here.
func Record(t *i18n.Translator, a *model.Action, m *model.Meeting) []string {
	org, owner := "", ""
	if a.OwnerOrganisation != nil {
		org = a.OwnerOrganisation.Name
	}
	if a.OwnerUser != nil {
		owner = a.OwnerUser.Name
		if owner == "" {
			owner = t.Get("account.deleted_user")
		}
	}
	var rights []string
	for _, r := range a.RightList() {
		rights = append(rights, t.Get("actions.csv.article", "Number", int(r)))
	}
	meeting, meetingDate := "", ""
	if m != nil {
		meeting, meetingDate = m.Title, m.Date
	}
	return []string{
		strconv.FormatInt(a.ID, 10),
		t.Enum("theme", a.Theme),
		a.Title,
		org,
		owner,
		a.DueDate,
		t.Enum("action_status", a.Status),
		strconv.Itoa(a.Progress),
		strings.Join(rights, ", "),
		meeting,
		meetingDate,
		a.UpdatedAt.In(i18n.Amsterdam()).Format("2006-01-02 15:04"),
		strconv.Itoa(a.Version),
	}
}

// Write returns the file: the byte order mark, the header and the
// records, separated by Separator, lines ended by CRLF as Excel writes
// them, every cell escaped.
func Write(header []string, records [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(byteOrderMark)
	w := csv.NewWriter(&buf)
	w.Comma = Separator
	w.UseCRLF = true
	for _, rec := range append([][]string{header}, records...) {
		cells := make([]string, len(rec))
		for i, c := range rec {
			cells[i] = Escape(c)
		}
		if err := w.Write(cells); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// FileName is the name the file is offered under: the plan's title made
// safe for a file name, and the day, such as
// "acties-plan-van-aanpak-2027-2026-12-01.csv".
func FileName(t *i18n.Translator, planSlug string, day time.Time) string {
	name := t.Get("actions.csv.file")
	if planSlug != "" {
		name += "-" + planSlug
	}
	return name + "-" + day.In(i18n.Amsterdam()).Format(time.DateOnly) + ".csv"
}
