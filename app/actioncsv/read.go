package actioncsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"schakel/app/i18n"
	"schakel/app/model"
)

// Vocabulary is what the words of a file mean in one language: the names
// of its columns and of the statuses.
type Vocabulary struct {
	Header   []string
	Statuses map[string]model.ActionStatus
}

// VocabularyOf is the vocabulary of t's language.
func VocabularyOf(t *i18n.Translator) Vocabulary {
	v := Vocabulary{Header: Header(t), Statuses: map[string]model.ActionStatus{}}
	for _, s := range model.ActionStatuses {
		v.Statuses[strings.ToLower(t.Enum("action_status", s))] = s
	}
	return v
}

// ColumnName is an argument of a problem's message that stands for a
// column's name, which the reader of the message sees in their language.
type ColumnName string

// Problem is something wrong with a file, found at Line (1 is the header;
// 0 when it is about the file as a whole): a message id under
// "actions.csv.error." with its template's arguments, as key, value pairs.
type Problem struct {
	Line    int
	Message string
	Args    []any
}

func problem(line int, id string, args ...any) Problem {
	return Problem{Line: line, Message: "actions.csv.error." + id, Args: args}
}

// Row is one line of actions: its line number (where it starts) and its
// cells by column, unescaped.
type Row struct {
	Line  int
	cells []string
}

// Cell returns the row's cell in column col (one of Columns).
func (r Row) Cell(col string) string {
	for i, c := range Columns {
		if c == col {
			return r.cells[i]
		}
	}
	return ""
}

// NewRow is a row as Read returns it, for tests and tools that build one.
func NewRow(line int, cells map[string]string) Row {
	r := Row{Line: line, cells: make([]string, len(Columns))}
	for i, c := range Columns {
		r.cells[i] = cells[c]
	}
	return r
}

// shown is the most of a value a message quotes, in characters.
const shown = 40

// Quote shortens what someone typed for a message, which quotes it.
func Quote(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > shown {
		s = string([]rune(s)[:shown]) + "…"
	}
	return s
}

// Read reads a file as Write writes it, in any of the vocabularies'
// languages, separated by ";" or ",", with or without a byte order mark,
// and returns its rows of actions, at most maxRows. A file that cannot be
// read as a whole (empty, not UTF-8, without the right header, malformed,
// too long) gives that one problem and no rows; otherwise every line with
// the wrong number of cells is a problem, and the other rows are returned.
// Lines whose cells are all empty (spreadsheets write them for rows that
// were cleared) are skipped.
func Read(data []byte, vocabularies []Vocabulary, maxRows int) ([]Row, []Problem) {
	if at := invalidUTF8(data); at >= 0 {
		return nil, []Problem{problem(1+bytes.Count(data[:at], []byte("\n")), "encoding")}
	}
	text := strings.TrimPrefix(string(data), byteOrderMark)
	if strings.TrimSpace(text) == "" {
		return nil, []Problem{problem(0, "empty")}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = separatorOf(text)
	r.FieldsPerRecord = -1
	var rows []Row
	var problems []Problem
	header := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, []Problem{problem(line, "syntax")}
		}
		line, _ := r.FieldPos(0)
		rec = trimEmptyEnd(rec)
		if header {
			if p, ok := checkHeader(rec, vocabularies); !ok {
				return nil, []Problem{p}
			}
			header = false
			continue
		}
		if blank(rec) {
			continue
		}
		if len(rows)+len(problems) >= maxRows {
			return nil, []Problem{problem(line, "too_many_rows", "Max", maxRows)}
		}
		if len(rec) != len(Columns) {
			problems = append(problems, problem(line, "cells", "N", len(rec), "Want", len(Columns)))
			continue
		}
		for i := range rec {
			rec[i] = Unescape(rec[i])
		}
		rows = append(rows, Row{Line: line, cells: rec})
	}
	if len(rows) == 0 && len(problems) == 0 {
		return nil, []Problem{problem(0, "no_rows")}
	}
	return rows, problems
}

// invalidUTF8 returns the offset of the first byte that is not UTF-8, or
// -1 when data is all UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// separatorOf is the separator of the file's header line: ";" unless the
// line has none and has a comma.
func separatorOf(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if !strings.ContainsRune(first, ';') && strings.ContainsRune(first, ',') {
		return ','
	}
	return Separator
}

// checkHeader wants rec to be the header in one of the vocabularies: each
// column's name in either language, in any case. Its problems name the
// column that is wrong in the first vocabulary's words; the whole header,
// which some of their messages show, is the reader's to add (HeaderText).
func checkHeader(rec []string, vocabularies []Vocabulary) (Problem, bool) {
	if len(rec) != len(Columns) {
		if len(rec) > 0 && looksLikeData(rec[0]) {
			return problem(1, "header_missing"), false
		}
		return problem(1, "header_count", "N", len(rec), "Want", len(Columns)), false
	}
	for i := range Columns {
		got := strings.ToLower(strings.TrimSpace(Unescape(rec[i])))
		ok := false
		for _, v := range vocabularies {
			ok = ok || got == strings.ToLower(v.Header[i])
		}
		if !ok {
			if i == 0 && looksLikeData(rec[0]) {
				return problem(1, "header_missing"), false
			}
			return problem(1, "header_column", "Column", i+1, "Value", Quote(rec[i]), "Want", ColumnName(Columns[i])), false
		}
	}
	return Problem{}, true
}

// looksLikeData reports whether a first cell is an action's id rather than
// a column's name: a file whose header was deleted.
func looksLikeData(cell string) bool {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return false
	}
	for _, r := range cell {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// trimEmptyEnd drops empty cells after the last column: a spreadsheet
// writes them on every line once a cell to the right was used.
func trimEmptyEnd(rec []string) []string {
	for len(rec) > len(Columns) && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// HeaderText is the header line as the messages about it show it.
func HeaderText(t *i18n.Translator) string {
	return strings.Join(Header(t), string(Separator))
}
