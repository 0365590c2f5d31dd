package casus

import (
	"strings"
	"unicode/utf8"
)

// units are measures written straight after a number ("1500mg"), which a
// lower-case postcode would otherwise match.
var units = map[string]bool{
	"mg": true, "ml": true, "cl": true, "dl": true, "kg": true, "km": true,
	"cm": true, "mm": true, "dm": true, "hm": true, "kb": true, "mb": true,
	"gb": true, "tb": true, "hz": true, "kw": true, "mw": true, "gw": true,
	"pk": true, "ms": true, "uu": true, "st": true, "nd": true, "rd": true,
	"th": true, "jr": true,
}

// postcodeAt reads a Dutch postcode at s[i]: four digits, the first not 0,
// then two letters, with or without a space or dash between them. SA, SD
// and SS are not used. The postcode is weak, and needs a house number or a
// word such as "postcode" or "woont" before it, when it is written in small
// letters with a space ("1234 ab": "in 2011 ab en toe"), or when its digits
// could be a year and its letters are an agency's abbreviation or a word in
// small letters follows ("in 2023 JB ingeschakeld").
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
	case sep == 0 && isLower(a) && isLower(b) && !units[s[j:j+2]]:
	case sep == ' ' && isLetter(a) && isLetter(b) && !shortWords[lower(s[j:j+2])]:
		weak = true
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
	nr no wk jr mr dr st km mg ml cm kg uu xl`)

// lowerWordAt reports whether a word in small letters starts at s[i].
func lowerWordAt(s string, i int) bool {
	return i < len(s) && isLower(s[i]) && !strings.HasPrefix(s[i:], "te ")
}

// postcodeCues are words that make four digits and two letters a postcode.
var postcodeCues = words(`postcode pc adres woonadres postadres verblijfadres verblijfsadres
	huisadres woont wonen woonde woonachtig verblijft verblijven ingeschreven verhuisd
	verhuist verhuizen logeert slaapt`)

// findPostcodes reports postcodes, with the house number that follows them
// ("1234 AB 12", "1234AB, 12", "1234 AB, huisnummer 12") taken into the
// finding.
func findPostcodes(c *collector) {
	s := c.s
	for i := 0; i+6 <= len(s); i++ {
		if !isDigit(s[i]) {
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
			if e, ok := houseNumberAfter(s, k); ok {
				end, numbered = e, true
			}
		}
		if weak && !numbered && !cueBefore(s, i, 4, postcodeCues) {
			continue
		}
		c.add(Postcode, i, end)
		i = end - 1
	}
}

// numberWords are the words before a house number: "nr. 5", "huisnummer 5".
var numberWords = []string{"huisnummer", "huisnr.", "huisnr", "nummer", "nr.", "nr", "no.", "no"}

// houseNumberAfter reads an optional "nr." and a house number at s[i].
func houseNumberAfter(s string, i int) (int, bool) {
	for _, nr := range numberWords {
		if hasPrefixFold(s[i:], nr) && !wordAt(s, i+len(nr)) {
			i = skipSpaces(s, i+len(nr), 3)
			break
		}
	}
	return houseNumber(s, i)
}

// additions are the written additions to a house number besides a letter.
var additions = map[string]bool{"hs": true, "bis": true, "bg": true, "hg": true, "rd": true, "zw": true}

// houseNumber reads a house number at s[i]: one to five digits, the first
// not 0, with an optional addition: a letter (12a, 12 A), hs or bis (12hs,
// 12 bis), or a dash and up to four letters or digits (12-2, 12-hs).
func houseNumber(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isDigit(s[j]) && j-i <= 5 {
		j++
	}
	if j == i || j-i > 5 || s[i] == '0' {
		return 0, false
	}
	end := j
	switch {
	case j < len(s) && isLetter(s[j]):
		e := j
		for e < len(s) && isLetter(s[e]) && e-j <= 3 {
			e++
		}
		if e-j != 1 && !additions[strings.ToLower(s[j:e])] {
			return 0, false // "12jaar" is no house number
		}
		end = e
	case j < len(s) && s[j] == '-':
		e := j + 1
		for e < len(s) && isAlnum(s[e]) && e-j <= 4 {
			e++
		}
		if e > j+1 && !wordAt(s, e) {
			end = e
		}
	case spaceAt(s, j) == 1 && j+1 < len(s) && isUpper(s[j+1]) && !wordAt(s, j+2):
		end = j + 2
	case spaceAt(s, j) == 1:
		for a := range additions {
			if e := j + 1 + len(a); e <= len(s) && strings.EqualFold(s[j+1:e], a) && !wordAt(s, e) {
				end = e
			}
		}
	}
	if wordAt(s, end) || countAfter(s, j) || countAfter(s, end) {
		return 0, false // "3 keer", "15-jarige"
	}
	if end+1 < len(s) && strings.IndexByte(":.,", s[end]) >= 0 && isDigit(s[end+1]) {
		return 0, false // a time (14:30) or a decimal
	}
	return end, true
}

// streetWords are the endings of Dutch street names. A street name is a
// capitalised word that ends in one (Kerkstraat) or is one (Laan, in "Laan
// van Meerdervoort").
var streetWords = []string{
	"straat", "weg", "laan", "plein", "singel", "gracht", "kade", "dijk",
	"hof", "pad", "steeg", "dreef", "park", "plantsoen", "markt", "baan",
	"wal", "haven", "allee", "boulevard", "kanaal", "vaart", "wetering",
	"poort", "burgwal",
}

// particles are the lower-case words inside Dutch names of people and
// streets: tussenvoegsels ("de", "van der") and their foreign kin.
var particles = map[string]bool{
	"van": true, "von": true, "vom": true, "de": true, "der": true, "den": true,
	"des": true, "het": true, "t": true, "s": true, "ter": true, "ten": true,
	"te": true, "in": true, "op": true, "aan": true, "uit": true, "la": true,
	"le": true, "du": true, "di": true, "da": true, "del": true, "della": true,
	"dos": true, "das": true, "do": true, "el": true, "al": true, "bin": true,
	"ibn": true, "zu": true, "zum": true, "onder": true, "bij": true,
}

// streetParticles are the particles inside street names ("Burgemeester de
// Withstraat", "Laan van Meerdervoort"), as written there: in lower case.
var streetParticles = map[string]bool{
	"de": true, "der": true, "den": true, "van": true, "het": true, "t": true,
	"s": true, "ter": true, "ten": true, "te": true,
}

// word is a maximal run of letters, digits and marks, s[start:end].
type word struct{ start, end int }

// splitWords splits s into words.
func splitWords(s string) []word {
	var ws []word
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			ws = append(ws, word{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		ws = append(ws, word{start, len(s)})
	}
	return ws
}

// isStreetWord reports whether w is a capitalised word that is or ends in a
// street word.
func isStreetWord(w string) bool {
	return len(w) >= 3 && isCapitalised(w) && streetEnding(w) != ""
}

// streetEnding returns the street word w ends in, in any case, or "".
func streetEnding(w string) string {
	if len(w) < 3 {
		return ""
	}
	for _, sw := range streetEndings[lower(w[len(w)-3:])] {
		if len(w) >= len(sw) && strings.EqualFold(w[len(w)-len(sw):], sw) {
			return sw
		}
	}
	return ""
}

// streetEndings indexes the street words by their last three letters.
var streetEndings = func() map[string][]string {
	m := map[string][]string{}
	for _, sw := range streetWords {
		m[sw[len(sw)-3:]] = append(m[sw[len(sw)-3:]], sw)
	}
	return m
}()

// joinsName reports whether the gap between two words of one name is a
// single short space or a hyphen ("Sint-Jansstraat").
func joinsName(gap string) bool {
	if gap == "-" || gap == "'" {
		return true
	}
	return gap != "" && len(gap) <= 3 && skipSpaces(gap, 0, 3) == len(gap)
}

// isParticle reports whether w is a particle, in any case.
func isParticle(w string) bool {
	return len(w) <= 5 && particles[strings.ToLower(w)]
}

// findStreets reports street addresses: a street name, a house number and
// the postcode that may follow ("Kerkstraat 12a, 1234 AB").
func findStreets(c *collector, ws []word) {
	s := c.s
	for k := range ws {
		if w := s[ws[k].start:ws[k].end]; !isStreetWord(w) && !isLowerStreetWord(w) {
			continue
		}
		// The street name may go on: "Laan van Meerdervoort", "Kerkstraat
		// Oost". Try a house number after each of its words.
		for e := k; e < len(ws) && e-k <= 4; e++ {
			if e > k {
				w := s[ws[e].start:ws[e].end]
				if !joinsName(s[ws[e-1].end:ws[e].start]) {
					break
				}
				if streetParticles[w] {
					continue // "van" in "Laan van Meerdervoort"
				}
				if isParticle(w) || !isCapitalised(w) {
					break
				}
			}
			j := ws[e].end
			k2 := skipSpaces(s, j, 3)
			if k2 == j {
				continue
			}
			end, ok := houseNumberAfter(s, k2)
			if !ok {
				continue
			}
			// A postcode straight after belongs to the address.
			p := end
			if p < len(s) && s[p] == ',' {
				p++
			}
			if pe, _, ok := postcodeAt(s, skipSpaces(s, p, 3)); ok && skipSpaces(s, p, 3) > end {
				end = pe
			}
			c.add(Postcode, streetStart(s, ws, k), end)
			break
		}
	}
}

// streetStart returns where the street name whose street word is ws[k]
// begins: capitalised words before it belong to it ("Burgemeester de
// Withstraat", "Oude Gracht"), street particles only between two such words;
// a preposition ("op", "bij") or a word in lower case ends it.
func streetStart(s string, ws []word, k int) int {
	start := ws[k].start
	for b := k - 1; b >= 0 && k-b <= 3; b-- {
		if !joinsName(s[ws[b].end:ws[b+1].start]) {
			break
		}
		w := s[ws[b].start:ws[b].end]
		switch {
		case streetParticles[w]:
		case isParticle(w):
			return start // a preposition: "op", "bij"
		case isCapitalised(w):
			start = ws[b].start
		default:
			return start
		}
	}
	return start
}
