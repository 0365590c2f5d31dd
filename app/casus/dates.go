package casus

import "strings"

// months maps the Dutch and English month names and their usual
// abbreviations, in lower case, to the month number.
var months = map[string]int{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "february": 2, "feb": 2, "febr": 2,
	"maart": 3, "march": 3, "mrt": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"augustus": 8, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// monthNames are the keys of months, as a set to reject other words fast.
var monthNames = func() wordSet {
	var list []string
	for m := range months {
		list = append(list, m)
	}
	return words(strings.Join(list, " "))
}()

// findTextDates reports dates with the month written as a word: day first
// ("12 maart 2011", "3 mrt. 2011", "12th of March 2011", "3-mrt-11",
// "12 mei '11") or month first ("March 12, 2011"). It reads the words around
// each month name.
func findTextDates(c *collector, ws []word) {
	s := c.s
	text := func(i int) string { return s[ws[i].start:ws[i].end] }
	gap := func(i int) string { return s[ws[i-1].end:ws[i].start] } // before ws[i]
	for k, w := range ws {
		if n := w.end - w.start; n < 3 || n > 9 || !isLetter(s[w.start]) {
			continue
		}
		if !monthNames.has(text(k)) {
			continue
		}
		month, _ := lookup(months, text(k))
		if dayFirst(c, ws, k, month) {
			continue
		}
		// Month first: month [.] sep day [,] sep year.
		if k+2 < len(ws) {
			day := dayNumber(text(k+1), false)
			y := text(k + 2)
			if day >= 0 && len(y) == 4 && dateSep(strings.TrimPrefix(gap(k+1), "."), false) &&
				dateSep(strings.TrimPrefix(gap(k+2), ","), false) && validDate(day, month, y) {
				c.add(BirthDate, w.start, ws[k+2].end)
			}
		}
	}
}

// dayFirst reads a date with its day before the month name ws[k]: day [.]
// sep [of|van sep] month [.][,] sep ['] year, or a day and month alone
// where the text speaks of a birthday ("jarig op 12 maart").
func dayFirst(c *collector, ws []word, k, month int) bool {
	s := c.s
	text := func(i int) string { return s[ws[i].start:ws[i].end] }
	gap := func(i int) string { return s[ws[i-1].end:ws[i].start] } // before ws[i]
	d := k - 1
	if d < 0 {
		return false
	}
	g := gap(k)
	if d >= 1 && (strings.EqualFold(text(d), "of") || strings.EqualFold(text(d), "van")) && dateSep(g, false) {
		g = gap(d)
		d--
	}
	day := dayNumber(text(d), true)
	if g != "." {
		g = strings.TrimPrefix(g, ".")
	}
	if day < 0 || !dateSep(g, true) {
		return false
	}
	if k+1 < len(ws) {
		y := text(k + 1)
		after, apostrophe := strings.CutSuffix(gap(k+1), "'")
		if after != "." {
			after = strings.TrimPrefix(after, ".")
		}
		after = strings.TrimPrefix(after, ",")
		same := len(g) == 1 && g == after && strings.IndexByte("-/.", g[0]) >= 0
		switch {
		case !dateSep(after, true), atoi(y) < 0:
		case len(y) == 2 && !apostrophe && !same && !birthCueBefore(s, ws[d].start):
			// "12 maart 11": eleven what?
		case len(y) == 4 && apostrophe:
		case validDate(day, month, y):
			c.add(BirthDate, ws[d].start, ws[k+1].end)
			return true
		}
	}
	if validDate(day, month, "2000") && birthdayAround(s, ws[d].start, ws[k].end) {
		c.add(BirthDate, ws[d].start, ws[k].end)
		return true
	}
	return false
}

// dateSep reports whether g separates the parts of a written date: one to
// three white space characters, or, with dash set, a single dash, slash or
// full stop.
func dateSep(g string, dash bool) bool {
	if dash && (g == "-" || g == "/" || g == ".") {
		return true
	}
	n := 0
	for _, r := range g {
		if n++; n > 3 || r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\u00a0' {
			return false
		}
	}
	return n >= 1
}

// dayNumber reads a day of the month written as one or two digits, with an
// English ordinal (12th) and, when dutch is set, a Dutch one (12e, 1ste),
// or returns -1.
func dayNumber(w string, dutch bool) int {
	i := 0
	for i < len(w) && i < 3 && isDigit(w[i]) {
		i++
	}
	if i == 0 || i > 2 {
		return -1
	}
	switch strings.ToLower(w[i:]) {
	case "", "st", "nd", "rd", "th":
	case "e", "ste", "de":
		if !dutch {
			return -1
		}
	default:
		return -1
	}
	return atoi(w[:i])
}

// findNumericDates reports dates written in digits: day, month and year
// (12-03-2011, 12/3/11, 12.03.2011, 4-9-'15) or year, month and day
// (2011-03-12), with the same separator twice and nothing that continues the
// number; and a day and month alone (3-5, 17/9) where a birthday is named
// just before them.
func findNumericDates(c *collector) {
	s := c.s
	next := 0
	for _, r := range c.digitRuns() {
		i := r.start
		if i < next || wordBefore(s, i) {
			continue
		}
		if i >= 2 && strings.IndexByte("-/.,", s[i-1]) >= 0 && isDigit(s[i-2]) {
			continue // the tail of a longer number
		}
		var parts [3]string
		j, sep, n, apostrophe := i, byte(0), 0, false
		for n < 3 {
			if n == 2 && s[j] == '\'' {
				apostrophe = true
				j++
			}
			k := j
			for k < len(s) && isDigit(s[k]) && k-j <= 4 {
				k++
			}
			if k-j > 4 {
				break
			}
			parts[n] = s[j:k]
			n++
			j = k
			if n == 3 || j+1 >= len(s) || strings.IndexByte("-/.", s[j]) < 0 || (sep != 0 && s[j] != sep) {
				break
			}
			if !isDigit(s[j+1]) && !(n == 2 && s[j+1] == '\'' && digitAt(s, j+2)) {
				break
			}
			sep = s[j]
			j++
		}
		if wordAt(s, j) || (j+1 < len(s) && strings.IndexByte("-/.,", s[j]) >= 0 && isDigit(s[j+1])) {
			continue // a fourth part, or letters: not a date
		}
		switch {
		case n == 3 && (!apostrophe || len(parts[2]) == 2) && numericDate(parts, sep, func() bool { return birthCueBefore(s, i) }):
		case n == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2 &&
			validDate(atoi(parts[0]), atoi(parts[1]), "2000") && numericBirthday(s, i, j):
		default:
			continue
		}
		c.add(BirthDate, i, j)
		next = j
	}
}

// numericDate reports whether the three parts form a real date. With dots
// and a two-digit year, day and month need two digits each (12.03.11),
// unless born says a birth is named before them.
func numericDate(p [3]string, sep byte, born func() bool) bool {
	switch {
	case len(p[0]) == 4:
		return len(p[1]) <= 2 && len(p[2]) <= 2 && validDate(atoi(p[2]), atoi(p[1]), p[0])
	case len(p[0]) > 2 || len(p[1]) > 2 || (len(p[2]) != 2 && len(p[2]) != 4):
		return false
	case sep == '.' && len(p[2]) == 2 && (len(p[0]) != 2 || len(p[1]) != 2) && !born():
		return false // a version or section number: 2.1.10
	case validDate(atoi(p[0]), atoi(p[1]), p[2]):
		return true
	case sep == '/':
		return validDate(atoi(p[1]), atoi(p[0]), p[2]) // 03/25/2011
	}
	return false
}

// validDate reports whether day and month exist in year y, given as two or
// four digits. A four-digit year must lie in 1900–2099; a two-digit year may
// stand for 19yy or 20yy.
func validDate(day, month int, y string) bool {
	if month < 1 || month > 12 || day < 1 || atoi(y) < 0 {
		return false
	}
	var leap bool
	switch len(y) {
	case 4:
		n := atoi(y)
		if n < 1900 || n > 2099 {
			return false
		}
		leap = n%4 == 0 && (n%100 != 0 || n%400 == 0)
	case 2:
		leap = atoi(y)%4 == 0 // 2000 was a leap year; 19yy or 20yy will do
	default:
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if leap {
		days[2] = 29
	}
	return day <= days[month]
}

// atoi returns the value of a short run of ASCII digits, or -1.
func atoi(v string) int {
	if v == "" || len(v) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			return -1
		}
		n = n*10 + int(v[i]-'0')
	}
	return n
}
