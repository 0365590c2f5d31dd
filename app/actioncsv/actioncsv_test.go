package actioncsv_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"schakel/app/actioncsv"
	"schakel/app/i18n"
	"schakel/app/model"
)

func bundle(t *testing.T) *i18n.Bundle {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func vocabularies(b *i18n.Bundle) []actioncsv.Vocabulary {
	return []actioncsv.Vocabulary{actioncsv.VocabularyOf(b.Translator("nl")), actioncsv.VocabularyOf(b.Translator("en"))}
}

// Every cell a spreadsheet would run as a formula is written with an
// apostrophe in front, and reading takes exactly that one off again.
func TestEscapeRoundTrips(t *testing.T) {
	for _, tt := range []struct{ name, in, written string }{
		{"formula", "=HYPERLINK(\"http://x.example\")", "'=HYPERLINK(\"http://x.example\")"},
		{"plus", "+31 6 1234", "'+31 6 1234"},
		{"minus", "-1", "'-1"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"apostrophe", "'t Hof", "''t Hof"},
		{"apostrophe before formula", "'=1", "''=1"},
		{"plain", "Training signalen", "Training signalen"},
		{"formula later on", "a=b", "a=b"},
		{"empty", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := actioncsv.Escape(tt.in); got != tt.written {
				t.Fatalf("Escape(%q) = %q, want %q", tt.in, got, tt.written)
			}
			if got := actioncsv.Unescape(actioncsv.Escape(tt.in)); got != tt.in {
				t.Fatalf("Unescape(Escape(%q)) = %q", tt.in, got)
			}
		})
	}
}

// A written file starts with the byte order mark, separates by ";", ends
// lines with CRLF, and reads back cell for cell.
func TestWriteThenRead(t *testing.T) {
	b := bundle(t)
	nl := b.Translator("nl")
	owner := &model.User{ID: 7, Name: "Anna de Vries"}
	a := &model.Action{
		ID: 12, Title: "=1+1 \"quoted\"; with separator", Theme: model.ThemeCare, OwnerUserID: &owner.ID, OwnerUser: owner,
		OwnerOrganisation: &model.Organisation{Name: "Veilig Thuis Kustland"}, DueDate: "2027-03-01",
		Status: model.ActionInProgress, Progress: 40, Rights: "3,12,34", Version: 4,
		UpdatedAt: time.Date(2026, 11, 30, 13, 5, 0, 0, time.UTC),
	}
	m := &model.Meeting{Title: "Casusoverleg", Date: "2026-10-01"}
	file, err := actioncsv.Write(actioncsv.Header(nl), [][]string{actioncsv.Record(nl, a, m)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(file, []byte("\uFEFFid;thema;titel;")) {
		t.Fatalf("file starts %q", file[:30])
	}
	if !bytes.Contains(file, []byte("\r\n")) {
		t.Fatal("lines do not end in CRLF")
	}
	rows, problems := actioncsv.Read(file, vocabularies(b), 10)
	if len(problems) > 0 {
		t.Fatalf("problems %v", problems)
	}
	if len(rows) != 1 || rows[0].Line != 2 {
		t.Fatalf("rows %+v", rows)
	}
	r := rows[0]
	for col, want := range map[string]string{
		actioncsv.ColID: "12", actioncsv.ColTitle: a.Title, actioncsv.ColTheme: "Zorg, opvang en nazorg",
		actioncsv.ColOwner: "Anna de Vries", actioncsv.ColOwnerOrganisation: "Veilig Thuis Kustland",
		actioncsv.ColDueDate: "2027-03-01", actioncsv.ColStatus: "Bezig", actioncsv.ColProgress: "40",
		actioncsv.ColRights: "art. 3, art. 12, art. 34", actioncsv.ColMeeting: "Casusoverleg",
		actioncsv.ColMeetingDate: "2026-10-01", actioncsv.ColUpdatedAt: "2026-11-30 14:05", actioncsv.ColVersion: "4",
	} {
		if got := r.Cell(col); got != want {
			t.Errorf("%s: %q, want %q", col, got, want)
		}
	}
	// Excel, asked to open the file, splits it at ";": the title's cell
	// is one cell with its separator, quotes and leading "=" defused.
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF"))))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[1][2]; got != "'"+a.Title {
		t.Fatalf("title cell %q", got)
	}
}

func lines(ls ...string) []byte { return []byte(strings.Join(ls, "\r\n") + "\r\n") }

const (
	nlHeader = "id;thema;titel;organisatie;actiehouder;streefdatum;status;voortgang;kinderrechten;afgesproken in overleg;datum overleg;laatst gewijzigd;versie"
	enHeader = "id,theme,title,organisation,action owner,due date,status,progress,children's rights,agreed at meeting,meeting date,last changed,version"
)

func row(id string) string { return id + ";Preventie;Titel;;;;Gepland;0;;;;;1" }

// Read reports what makes a file unreadable with the line it is on, and
// takes what spreadsheets make of the format.
func TestReadProblems(t *testing.T) {
	b := bundle(t)
	many := []string{nlHeader}
	for range 4 {
		many = append(many, row("1"))
	}
	for _, tt := range []struct {
		name    string
		file    []byte
		rows    int
		line    int
		message string
	}{
		{"an empty file", nil, 0, 0, "empty"},
		{"a byte order mark alone", []byte("\uFEFF\r\n"), 0, 0, "empty"},
		{"invalid UTF-8 on line 3", append(lines(nlHeader, row("1")), []byte("2;Preventie;Caf\xe9;;;;Gepland;0;;;;;1\r\n")...), 0, 3, "encoding"},
		{"the header left out", lines(row("1"), row("2")), 0, 1, "header_missing"},
		{"a column renamed", lines(strings.Replace(nlHeader, "voortgang", "procent", 1), row("1")), 0, 1, "header_column"},
		{"a column deleted", lines(strings.Replace(nlHeader, ";versie", "", 1), row("1")), 0, 1, "header_count"},
		{"a stray quote", lines(nlHeader, row("1"), `2;Preventie;Titel "met;;;;Gepland;0;;;;;1`), 0, 3, "syntax"},
		{"a line with a cell too few", lines(nlHeader, row("1"), "2;Preventie;Titel;;;Gepland;0;;;;;1"), 1, 3, "cells"},
		{"only a header", lines(nlHeader), 0, 0, "no_rows"},
		{"more rows than allowed", lines(many...), 0, 5, "too_many_rows"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, problems := actioncsv.Read(tt.file, vocabularies(b), 3)
			if len(rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(rows), tt.rows)
			}
			if len(problems) != 1 {
				t.Fatalf("problems %+v, want one", problems)
			}
			if p := problems[0]; p.Line != tt.line || p.Message != "actions.csv.error."+tt.message {
				t.Fatalf("problem %+v, want %s on line %d", p, tt.message, tt.line)
			}
		})
	}
	t.Run("what spreadsheets write", func(t *testing.T) {
		file := lines(enHeader+",,",
			`4,Prevention,"Two
lines",,,1-3-2027,done,100%,,,,30-11-2026 14:05,2`,
			",,,,,,,,,,,,",
			`5,Prevention,Title,,,,In Progress,50,,,,,3,,`)
		rows, problems := actioncsv.Read(file, vocabularies(b), 10)
		if len(problems) > 0 {
			t.Fatalf("problems %+v", problems)
		}
		if len(rows) != 2 || rows[0].Line != 2 || rows[1].Line != 5 {
			t.Fatalf("rows %+v, want lines 2 and 5", rows)
		}
	})
}

func TestParseValues(t *testing.T) {
	b := bundle(t)
	v := vocabularies(b)
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"2027-03-01", "2027-03-01", true},
		{"1-3-2027", "2027-03-01", true},
		{"01-03-2027", "2027-03-01", true},
		{"1/3/2027", "2027-03-01", true},
		{"", "", true},
		{"31-02-2027", "", false},
		{"2027-13-01", "", false},
		{"1-3-1999", "1999-03-01", false},
		{"morgen", "", false},
	} {
		got, ok := actioncsv.ParseDate(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		in   string
		want int
		ok   bool
	}{{"0", 0, true}, {"100", 100, true}, {" 45 % ", 45, true}, {"101", 0, false}, {"-1", 0, false}, {"half", 0, false}, {"50,5", 0, false}, {"", 0, false}} {
		got, ok := actioncsv.ParseProgress(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseProgress(%q) = %d, %v", tt.in, got, ok)
		}
	}
	for _, tt := range []struct {
		in   string
		want model.ActionStatus
		ok   bool
	}{{"Gereed", model.ActionDone, true}, {"gereed", model.ActionDone, true}, {"In progress", model.ActionInProgress, true}, {" GEBLOKKEERD ", model.ActionBlocked, true}, {"klaar", "", false}} {
		got, ok := actioncsv.ParseStatus(tt.in, v)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseStatus(%q) = %q, %v", tt.in, got, ok)
		}
	}
}
