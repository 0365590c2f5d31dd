package casus

import "strings"

// helplines are public numbers that may always be named in a note, as
// digits in the national form.
var helplines = map[string]bool{
	"112":      true, // emergency
	"113":      true, // 113 Zelfmoordpreventie
	"08000113": true, // 113 Zelfmoordpreventie
	"08002000": true, // Veilig Thuis
	"08000432": true, // De Kindertelefoon
	"08000188": true, // Centrum Seksueel Geweld
	"08007000": true, // Meld Misdaad Anoniem
	"09008844": true, // Politie, no emergency
	"09000101": true, // Slachtofferhulp Nederland
}

// findPhones reports phone numbers; see the package documentation.
func findPhones(c *collector) {
	s := c.s
	next := 0
	for _, r := range c.digitRuns() {
		// A number starts with its first digit, or with "+", "(" or "(+"
		// just before it.
		for i := max(r.start-2, next); i <= r.start; i++ {
			switch s[i] {
			case '+', '0', '(', '3':
			default:
				continue
			}
			if end, national, ok := phoneAt(s, i); ok && !helplines[national] {
				c.add(Phone, i, end)
				next = end
				break
			}
		}
	}
}

// phoneAt reads a phone number starting at s[i]. It returns its end and its
// digits (in the national form for Dutch numbers).
func phoneAt(s string, i int) (end int, digits string, ok bool) {
	if wordBefore(s, i) {
		return 0, "", false
	}
	if i > 0 && strings.IndexByte("+(", s[i-1]) >= 0 {
		return 0, "", false
	}
	if i >= 2 && strings.IndexByte(".,-/", s[i-1]) >= 0 && isDigit(s[i-2]) {
		return 0, "", false // the tail of a longer number
	}
	switch {
	case strings.HasPrefix(s[i:], "+31"):
		return dutchInternational(s, i+3)
	case strings.HasPrefix(s[i:], "0031"):
		return dutchInternational(s, i+4)
	case s[i] == '+' && i+1 < len(s) && '1' <= s[i+1] && s[i+1] <= '9':
		return foreign(s, i+1)
	case strings.HasPrefix(s[i:], "00") && i+2 < len(s) && '1' <= s[i+2] && s[i+2] <= '9':
		return foreign(s, i+2)
	case strings.HasPrefix(s[i:], "316") && i+11 <= len(s) && allDigits(s[i:i+11]) && phoneEnd(s, i+11):
		return i + 11, "0" + s[i+2:i+11], true // 31612345678, as in a WhatsApp link
	case strings.HasPrefix(s[i:], "(+31)"):
		return dutchInternational(s, i+5)
	case strings.HasPrefix(s[i:], "(0031)"):
		return dutchInternational(s, i+6)
	case s[i] == '(' && i+1 < len(s) && s[i+1] == '0':
		return national(s, i+1, true)
	case s[i] == '0':
		return national(s, i, false)
	}
	return 0, "", false
}

// allDigits reports whether v is made of ASCII digits only.
func allDigits(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			return false
		}
	}
	return v != ""
}

// phoneSep returns the length of a separator inside a phone number at s[i]:
// up to three spaces with at most one dash, dot or slash among them, or a
// closing parenthesis when one is open. It returns 0 unless a digit follows.
func phoneSep(s string, i int, paren bool) int {
	j, marks := i, 0
	for n := 0; n < 4; n++ {
		if w := spaceAt(s, j); w > 0 {
			j += w
			continue
		}
		if j < len(s) && strings.IndexByte("-./", s[j]) >= 0 && marks == 0 {
			j++
			marks++
			continue
		}
		if j < len(s) && s[j] == ')' && paren {
			j++
			paren = false
			continue
		}
		if strings.HasPrefix(s[j:], "(0)") {
			j += 3 // the trunk zero of an international number: +32 (0)470
			continue
		}
		break
	}
	if j == i || !digitAt(s, j) {
		return 0
	}
	return j - i
}

// collectDigits reads up to want digits from s[i], with phone separators
// between them, and returns where they end, the digits, and the length of the
// first group (the digits before the first separator).
func collectDigits(s string, i, want int, paren bool) (end int, digits []byte, first int) {
	j := i
	first = -1
	for len(digits) < want {
		if digitAt(s, j) {
			digits = append(digits, s[j])
			j++
			continue
		}
		w := 0
		if len(digits) > 0 {
			w = phoneSep(s, j, paren)
		}
		if w == 0 {
			break
		}
		if first < 0 {
			first = len(digits)
		}
		if strings.IndexByte(s[j:j+w], ')') >= 0 {
			paren = false
		}
		j += w
	}
	if first < 0 {
		first = len(digits)
	}
	return j, digits, first
}

// phoneEnd reports whether a phone number may end at s[j]: no further
// digit or letter follows.
func phoneEnd(s string, j int) bool { return !wordAt(s, j) }

// validArea reports whether a ten-digit national number starts with an area
// code in use for personal numbers: 01–07, 084, 085, 087 or 091. The 088
// numbers belong to organisations (wijkteams, the GI, the GGD), 0800 and
// 0900 numbers are free and paid service numbers, and none is flagged.
func validArea(d []byte) bool {
	if len(d) < 3 || d[0] != '0' {
		return false
	}
	switch {
	case '1' <= d[1] && d[1] <= '7':
		return true
	case d[1] == '8':
		return strings.IndexByte("457", d[2]) >= 0
	case d[1] == '9':
		return d[2] == '1'
	}
	return false
}

// national reads a ten-digit national number from s[i] (at its leading 0).
func national(s string, i int, paren bool) (int, string, bool) {
	end, d, first := collectDigits(s, i, 10, paren)
	if len(d) != 10 || !validArea(d) || !phoneEnd(s, end) {
		return 0, "", false
	}
	// The first group is the area code, the mobile prefix (06 or 0612) or
	// the whole number; "01-02-2011 12" is a date, not a number.
	switch {
	case first == 2 && string(d[:2]) != "06":
		return 0, "", false
	case first < 2, first > 4 && first != 10 && !(string(d[:2]) == "06" && first <= 6):
		return 0, "", false
	}
	return end, string(d), true
}

// dutchInternational reads the rest of a number after +31 or 0031 at s[i]:
// an optional (0) or 0 and nine more digits.
func dutchInternational(s string, i int) (int, string, bool) {
	j := skipSpaces(s, i, 2)
	if j < len(s) && s[j] == '-' {
		j = skipSpaces(s, j+1, 2)
	}
	if strings.HasPrefix(s[j:], "(0)") {
		j = skipSpaces(s, j+3, 2)
		if j < len(s) && s[j] == '-' {
			j = skipSpaces(s, j+1, 2)
		}
	}
	if !digitAt(s, j) {
		return 0, "", false
	}
	want := 9
	if s[j] == '0' {
		want = 10 // a trunk 0 written after the country code
	}
	end, d, _ := collectDigits(s, j, want, false)
	if len(d) != want || !phoneEnd(s, end) {
		return 0, "", false
	}
	if want == 9 {
		d = append([]byte{'0'}, d...)
	}
	if !validArea(d) {
		return 0, "", false
	}
	return end, string(d), true
}

// foreign reads an international number (country code included) of 9 to 15
// digits from s[i].
func foreign(s string, i int) (int, string, bool) {
	end, d, _ := collectDigits(s, i, 16, false)
	if len(d) < 9 || len(d) > 15 || !phoneEnd(s, end) {
		return 0, "", false
	}
	return end, string(d), true
}
