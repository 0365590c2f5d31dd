package actioncsv

import (
	"strconv"
	"strings"
	"time"

	"schakel/app/model"
)

// The values of a file's cells as Schakel stores them. Each parser takes
// what Write wrote and what a spreadsheet makes of it when it saves the
// file again, and reports whether the cell was one.

// ParseID reads an action's id.
func ParseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return id, err == nil && id > 0
}

// ParseVersion reads an action's version.
func ParseVersion(s string) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	return v, err == nil && v > 0
}

// ParseStatus reads a status by its name in any of the vocabularies'
// languages, in any case, or by its code.
func ParseStatus(s string, vocabularies []Vocabulary) (model.ActionStatus, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if st := model.ActionStatus(s); st.Valid() {
		return st, true
	}
	for _, v := range vocabularies {
		if st, ok := v.Statuses[s]; ok {
			return st, true
		}
	}
	return "", false
}

// ParseProgress reads a progress from 0 to 100, with or without a percent
// sign (a spreadsheet that formats the column as a percentage writes one).
func ParseProgress(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= 100
}

// dateLayouts are the forms a due date takes: as written (2027-03-01),
// and as Dutch Excel saves a cell it took for a date (1-3-2027, or with
// slashes), day first.
var dateLayouts = []string{time.DateOnly, "2-1-2006", "2/1/2006"}

// ParseDate reads an optional due date as YYYY-MM-DD; an empty cell is no
// due date. A date must exist (no 31 February) and lie in 2000–2100, as a
// due date typed on the plan page must.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, s); err == nil {
			return d.Format(time.DateOnly), d.Year() >= 2000 && d.Year() <= 2100
		}
	}
	return "", false
}
