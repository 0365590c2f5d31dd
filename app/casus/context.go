package casus

import (
	"strings"
	"unicode/utf8"
)

// Context: the words around a candidate that make it an identifier ("BSN",
// "geboren", "kenteken", "woont op") or make it something else ("3 keer",
// "2023 JB").

// cueReach is how far back, in bytes, a cue word is looked for.
const cueReach = 64

// wordsBefore calls f with the words before offset i, nearest first, in
// lower case, at most n of them and none more than cueReach bytes back. It
// stops when f returns true, and reports whether one did. With sentence set
// it does not look past the end of a sentence (a full stop after a word of
// more than three letters, a question or exclamation mark, a semicolon or a
// line break).
func wordsBefore(s string, i, n int, sentence bool, f func(w string) bool) bool {
	limit := max(i-cueReach, 0)
	j := min(i, len(s))
	for n > 0 && j > limit {
		// Skip what lies between two words.
		for j > limit {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if isWordRune(r) {
				break
			}
			if sentence && (r == '?' || r == '!' || r == ';' || r == '\n') {
				return false
			}
			if sentence && r == '.' && endsSentence(s, j-size) {
				return false
			}
			j -= size
		}
		end := j
		for j > limit {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isWordRune(r) {
				break
			}
			j -= size
		}
		if j == end || (j == limit && limit > 0) {
			return false
		}
		if f(lower(s[j:end])) {
			return true
		}
		n--
	}
	return false
}

// wordsAfter calls f with the words from offset i on, in lower case, at most
// n of them and within cueReach bytes, stopping at the end of a sentence as
// wordsBefore does, or when f returns true.
func wordsAfter(s string, i, n int, f func(w string) bool) bool {
	limit := min(i+cueReach, len(s))
	j := max(i, 0)
	for n > 0 && j < limit {
		for j < limit {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				break
			}
			if r == '?' || r == '!' || r == ';' || r == '\n' || r == '.' && endsSentence(s, j) {
				return false
			}
			j += size
		}
		start := j
		for j < limit {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		if j == start || (j == limit && limit < len(s)) {
			return false
		}
		if f(lower(s[start:j])) {
			return true
		}
		n--
	}
	return false
}

// endsSentence reports whether the full stop at s[i] ends a sentence: it
// follows a word of four letters or more, or a digit, and white space
// follows it. A stop after an abbreviation ("geb.", "nr.", "d.d.") does not.
func endsSentence(s string, i int) bool {
	if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n' && s[i+1] != '\t' {
		return false
	}
	j := i
	for j > 0 && isLetter(s[j-1]) {
		j--
	}
	return i-j >= 4 || (i > 0 && isDigit(s[i-1]))
}

// lower returns w in lower case, without allocating when it is already.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if b := w[i]; isUpper(b) || b >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// cueBefore reports whether one of the n words before offset i, in the same
// sentence, is in cues.
func cueBefore(s string, i, n int, cues map[string]bool) bool {
	return wordsBefore(s, i, n, true, func(w string) bool { return cues[w] })
}

// countWords are words that, after a number, say how many of something
// there are: "3 keer", "2 weken", "12 gesprekken". A number followed by one
// is no house number.
var countWords = words(`keer keren maal x kwartier seconde seconden minuut minuten min
	uur uren u dag dagen nacht nachten avond avonden ochtend ochtenden middag middagen
	week weken weekend weekenden wk maand maanden jaar jaren jr jaartjes
	etmaal etmalen dagdeel dagdelen schooldag schooldagen werkdag werkdagen
	melding meldingen gesprek gesprekken contact contacten contactmoment contactmomenten
	afspraak afspraken sessie sessies bezoek bezoeken huisbezoek huisbezoeken
	incident incidenten keertje poging pogingen zaak zaken casus casussen dossier dossiers
	persoon personen mens mensen jongere jongeren jongen jongens meisje meisjes kind kinderen
	man mannen vrouw vrouwen dader daders slachtoffer slachtoffers verdachte verdachten
	klant klanten vriend vrienden vriendin vriendinnen broer broers zus zussen zusjes broertjes
	gezin gezinnen huis huizen woning woningen pand panden straat straten
	deur deuren adres adressen locatie locaties plek plekken plekjes kamer kamers
	auto auto's scooter scooters telefoon telefoons simkaart simkaarten
	euro eur procent cent stuks stuk punten punt km kilometer kilometers meter meters
	kg kilo gram liter mg ml verdieping verdiepingen hoog hoogte
	rondjes rondje zaterdagen zondagen maandagen vrijdagen avondjes`)

// words turns a list separated by white space into a set.
func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// countAfter reports whether a count word follows the number that ends at
// offset i: "3 keer", "2 weken", "15-jarige".
func countAfter(s string, i int) bool {
	j := i
	if j < len(s) && s[j] == '-' {
		return hasPrefixFold(s[j+1:], "jarig")
	}
	j = skipSpaces(s, j, 2)
	if j == i {
		return false
	}
	k := j
	for k < len(s) && (isLetter(s[k]) || s[k] == '\'') {
		k++
	}
	if k == j || wordAt(s, k) {
		return false
	}
	w := lower(s[j:k])
	return countWords[w] || strings.HasPrefix(w, "jarig")
}

// hasPrefixFold reports whether s begins with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// agencies are the abbreviations of the agencies and organisations in the
// field, in capitals. After a year ("2023 JB") they read as an agency, not
// as the letters of a postcode.
var agencies = words(`JB GI VT OM WT JZ JR JGZ PI SH BW MO VO PO ZT RK KB GZ
	CJG GGD GGZ OTS AVIM ZSH ZVH RVDK RVK BJZ LVB AMK AMHK KMAR WMO WLZ MDA
	SW BO SO VSO PRO HV IB GB LB AZ CB DJ JI JJI COA IND KT EK WK`)

// isAgency reports whether w, in any case, is an agency abbreviation.
func isAgency(w string) bool { return agencies[strings.ToUpper(w)] }
