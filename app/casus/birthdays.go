package casus

import "strings"

// Birth dates written where the text names a birth or a birthday: eight or
// six digits after "geboren" (12032011, 120311), a date split by spaces
// (geboren 12 03 2011), and a day and month without a year ("jarig op 12
// maart", "verjaardag 3-5").

// birthCues are words that announce a date of birth.
var birthCues = words(`geboren geb geboortedatum geboortedag gebdatum gebdat geboorte
	dob born birth birthdate`)

// birthdayCues are words that announce a birthday, or a date of birth.
var birthdayCues = words(`jarig jarige verjaardag verjaart verjaardagen verjaardagsfeest
	birthday geboren geb geboortedatum geboortedag gebdatum gebdat geboorte dob born
	birth birthdate`)

// birthdayWords are the words after a day and month that make it a
// birthday: "op 12 maart jarig".
var birthdayWords = words(`jarig jarige verjaardag`)

// numericBirthday reports whether the day and month in digits in s[i:j]
// ("3-5", "17/9") are a birthday: one is named in the three words before
// them or, as "jarig" or "verjaardag", in the two after them (not "jarige",
// as in "3-5 jarige kinderen").
func numericBirthday(s string, i, j int) bool {
	return cueBefore(s, i, 3, &birthdayCues) || wordsAfter(s, j, 2, func(w string, _ int) bool {
		return strings.EqualFold(w, "jarig") || strings.EqualFold(w, "verjaardag")
	})
}

// birthCueBefore reports whether a date of birth is announced just before
// offset i.
func birthCueBefore(s string, i int) bool { return cueBefore(s, i, 3, &birthCues) }

// birthdayAround reports whether the day and month in s[start:end] are a
// birthday: a birthday or birth is named in the words before it ("jarig op
// 12 maart", "geboren op 8 februari") or just after it ("op 12 maart
// jarig"), or someone turns an age on it ("wordt op 22 december 16", "op 3
// mei wordt ze 15", "ze wordt 14 op 12 april").
func birthdayAround(s string, start, end int) bool {
	if cueBefore(s, start, 6, &birthdayCues) {
		return true
	}
	if wordsAfter(s, end, 3, func(w string, _ int) bool { return birthdayWords.has(w) }) {
		return true
	}
	return turnsAge(s, start, end)
}

// turnsAge reports whether someone turns an age on the date in s[start:end]:
// "wordt 14 op 12 april", "wordt op 22 december 16", "op 3 mei wordt ze
// 15".
func turnsAge(s string, start, end int) bool {
	var before [3]string
	ageBefore := false
	n := 0
	wordsBefore(s, start, 3, true, func(w string, at int) bool {
		before[n] = lower(w)
		if n == 1 {
			ageBefore = isAge(s, at, at+len(w))
		}
		n++
		return false
	})
	if before[0] == "op" && ageBefore && isTurning(before[2]) {
		return true // wordt 14 op 12 april
	}
	k := 0
	turning, ageNext := false, false
	wordsAfter(s, end, 4, func(w string, at int) bool {
		k++
		switch {
		case k == 1 && isAge(s, at, at+len(w)):
			ageNext = true
		case k == 1 && isTurning(lower(w)):
			turning = true
		case turning && isAge(s, at, at+len(w)):
			ageNext = true
			return true
		case turning && atoi(w) >= 0:
			return true // another number first
		}
		return false
	})
	if before[0] == "op" && isTurning(before[1]) && ageNext && !turning {
		return true // wordt op 22 december 16
	}
	return turning && ageNext // op 3 mei wordt ze 15
}

// isTurning reports whether w is a verb for turning an age.
func isTurning(w string) bool { return w == "wordt" || w == "word" || w == "werd" || w == "turns" }

// isAge reports whether s[i:j] is an age on its own: a number from 1 to 30
// that is no time, decimal or count ("16", "16 jaar", not "14:00" or "16
// uur").
func isAge(s string, i, j int) bool {
	n := atoi(s[i:j])
	if n < 1 || n > 30 || j-i > 2 {
		return false
	}
	if j+1 < len(s) && strings.IndexByte(":.,", s[j]) >= 0 && isDigit(s[j+1]) {
		return false
	}
	k := skipSpaces(s, j, 1)
	return !countAfter(s, j) || hasPrefixFold(s[k:], "jaar")
}

// findBirthNumbers reports dates of birth written as one number after a
// word such as "geboren" or "geb.": eight digits, day first or year first
// (12032011, 20110312), or six, day first (120311), or day, month and year
// split by single spaces (12 03 2011).
func findBirthNumbers(c *collector) {
	s := c.s
	next := 0
	for _, r := range c.digitRuns() {
		i, j := r.start, r.end
		if i < next || wordBefore(s, i) || wordAt(s, j) {
			continue
		}
		end := 0
		switch v := s[i:j]; {
		case len(v) == 8 && (validDate(atoi(v[:2]), atoi(v[2:4]), v[4:]) || validDate(atoi(v[6:]), atoi(v[4:6]), v[:4])):
			end = j
		case len(v) == 6 && validDate(atoi(v[:2]), atoi(v[2:4]), v[4:]):
			end = j
		case len(v) <= 2:
			end = spacedDate(s, i, j)
		}
		if end > 0 && birthCueBefore(s, i) {
			c.add(BirthDate, i, end)
			next = end
		}
	}
}

// spacedDate reads a date split by single spaces whose day is s[i:j]: day,
// month and a year of two or four digits. It returns the date's end, or 0.
func spacedDate(s string, i, j int) int {
	var parts [3]string
	parts[0] = s[i:j]
	for n := 1; n < 3; n++ {
		if j+1 >= len(s) || s[j] != ' ' || !isDigit(s[j+1]) {
			return 0
		}
		k := j + 1
		for k < len(s) && isDigit(s[k]) && k-j <= 4 {
			k++
		}
		parts[n] = s[j+1 : k]
		j = k
	}
	if wordAt(s, j) || len(parts[1]) > 2 || (len(parts[2]) != 2 && len(parts[2]) != 4) ||
		!validDate(atoi(parts[0]), atoi(parts[1]), parts[2]) {
		return 0
	}
	return j
}
