package casus

import "strings"

// units are measures written straight after a number ("1500mg"), which a
// lower-case postcode would otherwise match.
var units = words(`mg ml cl dl kg km cm mm dm hm kb mb gb tb hz kw mw gw pk ms uu st nd rd
	th jr gr ft lb cc pp ex ha dd`)

// postcodeAt reads a Dutch postcode at s[i]: four digits, the first not 0,
// then two letters, with or without a space or dash between them, not a
// unit or a short word ("1500 mg", "2022 en 2023"). SA, SD and SS are not
// used. The postcode is weak, and needs a house number or a word such as
// "postcode" or "woont" before it, when its digits could be a year and its
// letters are in small letters with a space and no place next to them ("in
// 2011 ab en toe"), an agency's abbreviation, or followed by a word in small
// letters ("in 2023 JB ingeschakeld").
func postcodeAt(s string, i int) (end int, weak, ok bool) {
	if i+6 > len(s) || s[i] < '1' || s[i] > '9' || !digitAt(s, i+1) || !digitAt(s, i+2) || !digitAt(s, i+3) {
		return 0, false, false
	}
	if r := runeBefore(s, i); isWordRune(r) || strings.ContainsRune("-./,:+€$", r) {
		return 0, false, false // part of a longer number or an amount
	}
	j := i + 4
	sep := byte(0)
	if w := spaceAt(s, j); w > 0 {
		j += w
		sep = ' '
	} else if j < len(s) && s[j] == '-' {
		j++
		sep = '-'
	}
	if j+2 > len(s) {
		return 0, false, false
	}
	a, b := s[j], s[j+1]
	switch {
	case isUpper(a) && isUpper(b):
	case sep == 0 && isLower(a) && isLower(b) && !units.has(s[j:j+2]):
	case sep == ' ' && isLetter(a) && isLetter(b) && !shortWords.has(s[j:j+2]) && !units.has(s[j:j+2]):
		if year := atoi(s[i : i+4]); year >= 1900 && year <= 2099 {
			weak = !placeNextTo(s, i, j+2)
		}
	default:
		return 0, false, false
	}
	if pair := string(upper(a)) + string(upper(b)); pair == "SA" || pair == "SD" || pair == "SS" {
		return 0, false, false
	}
	end = j + 2
	if wordAt(s, end) || (end < len(s) && s[end] == '-') {
		return 0, false, false
	}
	if year := atoi(s[i : i+4]); year >= 1900 && year <= 2099 && !weak {
		weak = isAgency(s[j:end]) || lowerWordAt(s, skipSpaces(s, end, 2))
	}
	return end, weak, true
}

// shortWords are words of two letters that follow a number in a sentence
// ("2022 en 2023", "12 of 13"), never the letters of a postcode in small
// letters.
var shortWords = words(`en of in op om na al zo nu ik je we ze is te er ja ca pm am ok tv vs
	nr no wk jr mr dr st km mg ml cm kg uu xl af de ga uw mn zn ie oa ad bv vb ev tm vd
	an at be by do go he if it me my or so to up us`)

// placeNextTo reports whether a capitalised word, a place, stands right
// before ("Havenstad, 1234 ab") or after ("1234 ab Havenstad") s[i:j].
func placeNextTo(s string, i, j int) bool {
	if k := skipSpaces(s, j, 2); k > j && isCapitalised(s[k:]) && !isUpper(runeByte(s, k+1)) {
		return true
	}
	k := i
	for k > 0 && i-k < 3 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	return k < i && isLower(runeByte(s, k-1)) && wordsBefore(s, k, 1, true, func(w string, at int) bool {
		return isUpper(s[at])
	})
}

// placeAfter returns the end of the place that follows a postcode ending
// at s[j] ("1234 AB Havenstad", "1234 AB 's-Hertogenbosch"), taken into
// the address, or j when no capitalised word follows.
func placeAfter(s string, j int) int {
	k := skipSpaces(s, j, 2)
	if k == j || k >= len(s) {
		return j
	}
	start := k
	if strings.HasPrefix(s[k:], "'s-") {
		k += 3
	}
	if !isCapitalised(s[k:]) || isUpper(runeByte(s, k+1)) {
		return j
	}
	for k < len(s) && (isLetter(s[k]) || s[k] == '-' || s[k] >= 0x80) {
		k++
	}
	if k-start < 3 {
		return j
	}
	return k
}

// runeByte returns s[i], or 0 out of range.
func runeByte(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

// lowerWordAt reports whether a word in small letters starts at s[i].
func lowerWordAt(s string, i int) bool {
	return i < len(s) && isLower(s[i]) && !strings.HasPrefix(s[i:], "te ")
}

// postcodeCues are words that make four digits and two letters a postcode.
var postcodeCues = words(`postcode pc adres woonadres postadres verblijfadres verblijfsadres
	huisadres woont wonen woonde woonachtig verblijft verblijven ingeschreven verhuisd
	verhuist verhuizen logeert slaapt`)

// poBoxCues name the post boxes of organisations, whose postcodes are
// their own.
var poBoxCues = words(`postbus antwoordnummer`)

// findPostcodes reports postcodes, with the house number that follows them
// ("1234 AB 12", "1234AB, 12", "1234 AB, huisnummer 12") taken into the
// finding.
func findPostcodes(c *collector) {
	s := c.s
	next := 0
	for _, r := range c.digitRuns() {
		i := r.start
		if i < next || r.end-i != 4 {
			continue
		}
		end, weak, ok := postcodeAt(s, i)
		if !ok {
			continue
		}
		numbered := false
		j := end
		if j < len(s) && s[j] == ',' {
			j++
		}
		if k := skipSpaces(s, j, 3); k > end {
			if _, _, another := postcodeAt(s, k); !another {
				if e, ok := houseNumberAfter(s, k); ok {
					end, numbered = e, true
				}
			}
		}
		if !numbered {
			end = placeAfter(s, end)
		}
		if weak && !numbered && !cueBefore(s, i, 6, &postcodeCues) {
			continue
		}
		if cueBefore(s, i, 2, &poBoxCues) {
			next = end
			continue // an organisation's post box: "Postbus 1234, 3500 AB"
		}
		c.add(Postcode, addressBefore(s, i), end)
		next = end
	}
}

// addressBefore returns where the street and house number before the
// postcode at s[i] begin ("Kikkenstein 12, 1104 AB"), or i when there are
// none: a house number, and before it up to three capitalised words.
func addressBefore(s string, i int) int {
	k := i
	for k > 0 && i-k < 3 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	t := k
	for t > 0 && k-t < 8 && (isAlnum(s[t-1]) || s[t-1] == '-') {
		t--
	}
	if k == i || t == k || t == 0 || s[t-1] != ' ' || !isDigit(s[t]) {
		return i
	}
	if end, ok := houseNumber(s, t); !ok || end != k {
		return i
	}
	start := i
	wordsBefore(s, t, 3, true, func(w string, at int) bool {
		if e := at + len(w); e < len(s) && s[e] != ' ' && s[e] != '-' && s[e] != '.' {
			return true // "Adres: Dorpsweg 4": a label, not the street's name
		}
		switch {
		case isCapitalised(w):
			start = at
		case streetParticles[w]:
		default:
			return true
		}
		return false
	})
	return start
}

// numberWords are the words before a house number: "nr. 5", "huisnummer 5".
var numberWords = []string{"huisnummer", "huisnr.", "huisnr", "nummer", "nr.", "nr", "no.", "no"}

// houseNumberAfter reads an optional "nr." and a house number at s[i].
func houseNumberAfter(s string, i int) (int, bool) {
	for _, nr := range numberWords {
		if hasPrefixFold(s[i:], nr) && (!wordAt(s, i+len(nr)) || digitAt(s, i+len(nr))) {
			i = skipSpaces(s, i+len(nr), 3)
			break
		}
	}
	return houseNumber(s, i)
}
