package casus

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

// birthCueBefore reports whether a date of birth is announced just before
// offset i.
func birthCueBefore(s string, i int) bool { return cueBefore(s, i, 3, birthCues) }

// birthdayAround reports whether the day and month in s[start:end] are a
// birthday: a birthday or birth is named in the words before it ("jarig op
// 12 maart", "geboren op 8 februari") or just after it ("op 12 maart
// jarig"), or an age follows "wordt op" and the date ("wordt op 22 december
// 16").
func birthdayAround(s string, start, end int) bool {
	if cueBefore(s, start, 6, birthdayCues) {
		return true
	}
	if wordsAfter(s, end, 2, func(w string) bool { return w == "jarig" || w == "jarige" || w == "verjaardag" }) {
		return true
	}
	turning := false
	n := 0
	wordsBefore(s, start, 2, true, func(w string) bool {
		n++
		turning = n == 2 && (w == "wordt" || w == "word" || w == "turns")
		return n == 2
	})
	if !turning {
		return false
	}
	j := skipSpaces(s, end, 2)
	k := j
	for k < len(s) && isDigit(s[k]) && k-j < 2 {
		k++
	}
	age := atoi(s[j:k])
	return k > j && !wordAt(s, k) && age >= 1 && age <= 30 && !countAfter(s, k)
}

// findBirthNumbers reports dates of birth written as one number after a
// word such as "geboren" or "geb.": eight digits, day first or year first
// (12032011, 20110312), or six, day first (120311), or day, month and year
// split by single spaces (12 03 2011).
func findBirthNumbers(c *collector) {
	s := c.s
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if wordBefore(s, i) || wordAt(s, j) {
			i = j - 1
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
			j = end
		}
		i = j - 1
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
