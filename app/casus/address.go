package casus

import (
	"strings"
	"unicode/utf8"
)

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
		if e-j != 1 && !additions[strings.ToLower(s[j:e])] || s[j] == 'x' {
			return 0, false // "12jaar", "3x" are no house numbers
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

// streetWords are the endings of Dutch street names, for addresses with a
// number and for street names alone. A street name is a capitalised word
// that ends in one (Kerkstraat) or is one (Laan, in "Laan van
// Meerdervoort").
var streetWords = []string{
	"straat", "weg", "laan", "plein", "singel", "gracht", "kade", "dijk",
	"hof", "pad", "steeg", "dreef", "park", "plantsoen", "markt", "baan",
	"wal", "haven", "allee", "boulevard", "kanaal", "vaart", "wetering",
	"poort", "burgwal", "erf",
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
	return appendWords(make([]word, 0, len(s)/5+8), s) // words of Dutch prose: six bytes or so
}

// appendWords appends the words of s to ws.
func appendWords(ws []word, s string) []word {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		in := false
		if r < utf8.RuneSelf {
			in = asciiWord[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			in = isWordRune(r)
		}
		if in {
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

// asciiWord tells the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = isAlnum(byte(b))
	}
	return t
}()

// isStreetWord reports whether w is a capitalised word that is or ends in a
// street word.
func isStreetWord(w string) bool {
	return len(w) >= 3 && isCapitalised(w) && streetEnding(w) != ""
}

// streetEnding returns the street word w ends in, in any case, or "".
func streetEnding(w string) string {
	if len(w) < 3 || w[len(w)-1] >= utf8.RuneSelf {
		return ""
	}
	for _, sw := range streetEndings[w[len(w)-1]|0x20] {
		if len(w) >= len(sw) && strings.EqualFold(w[len(w)-len(sw):], sw) {
			return sw
		}
	}
	return ""
}

// streetEndings indexes the street words by their last letter.
var streetEndings = func() (m [utf8.RuneSelf][]string) {
	for _, sw := range streetWords {
		m[sw[len(sw)-1]] = append(m[sw[len(sw)-1]], sw)
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
		if w := s[ws[k].start:ws[k].end]; !isStreetWord(w) && !isLowerStreetWord(w) && !isStreetAbbreviation(s, ws[k]) {
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
			k2 := numberAfterStreet(s, ws[e].end)
			if k2 < 0 {
				continue
			}
			end, ok := houseNumberAfter(s, k2)
			if !ok {
				continue
			}
			c.add(Postcode, streetStart(s, ws, k), withPostcode(s, end))
			break
		}
	}
}

// isStreetAbbreviation reports whether w is a capitalised street name
// abbreviated with a full stop: "Kerkstr. 12".
func isStreetAbbreviation(s string, w word) bool {
	return w.end-w.start > 4 && isCapitalised(s[w.start:]) && hasPrefixFold(s[w.end-3:], "str") && runeByte(s, w.end) == '.'
}

// numberAfterStreet returns where a house number may start after a street
// name that ends at j: after a space, the full stop of "Kerkstr." or a comma
// before "nummer" or "nr."; or -1.
func numberAfterStreet(s string, j int) int {
	if runeByte(s, j) == '.' && j >= 3 && hasPrefixFold(s[j-3:], "str") {
		j++
	}
	k := skipSpaces(s, j, 3)
	if runeByte(s, j) == ',' {
		k = skipSpaces(s, j+1, 3)
		if k == j+1 || !hasPrefixFold(s[k:], "nummer") && !hasPrefixFold(s[k:], "nr") && !hasPrefixFold(s[k:], "huisnummer") {
			return -1
		}
	}
	if k == j {
		return -1
	}
	return k
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
