package casus

import (
	"strings"
	"unicode/utf8"
)

// Context: the words around a candidate that make it an identifier ("BSN",
// "geboren", "kenteken", "woont op") or make it something else ("3 keer",
// "2023 JB").

// digitRuns returns the runs of ASCII digits in the text, which most
// detectors start from.
func (c *collector) digitRuns() []word {
	if c.runs != nil {
		return c.runs
	}
	s := c.s
	c.runs = make([]word, 0, len(s)/32+8)
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		c.runs = append(c.runs, word{i, j})
		i = j
	}
	return c.runs
}

// cueReach is how far back, in bytes, a cue word is looked for.
const cueReach = 64

// wordsBefore calls f with the words before offset i, nearest first, and
// their offsets, at most n of them and none more than cueReach bytes back. It
// stops when f returns true, and reports whether one did. With sentence set
// it does not look past the end of a sentence (a full stop after a word of
// more than three letters, a question or exclamation mark, a semicolon or a
// line break).
func wordsBefore(s string, i, n int, sentence bool, f func(w string, at int) bool) bool {
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
		if f(s[j:end], j) {
			return true
		}
		n--
	}
	return false
}

// wordsAfter calls f with the words from offset i on and their offsets, at
// most n of them and within cueReach bytes, stopping at the end of a
// sentence as wordsBefore does, or when f returns true.
func wordsAfter(s string, i, n int, f func(w string, at int) bool) bool {
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
		if f(s[start:j], start) {
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

// lookup returns m[w] for w in lower case, without allocating for a short
// word in ASCII.
func lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [24]byte
	if len(w) <= len(buf) {
		ascii := true
		for i := 0; i < len(w); i++ {
			b := w[i]
			if b >= utf8.RuneSelf {
				ascii = false
				break
			}
			if isUpper(b) {
				b += 'a' - 'A'
			}
			buf[i] = b
		}
		if ascii {
			v, ok := m[string(buf[:len(w)])]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(w)]
	return v, ok
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
func cueBefore(s string, i, n int, cues *wordSet) bool {
	return wordsBefore(s, i, n, true, func(w string, _ int) bool { return cues.has(w) })
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
	kg kilo gram liter mg ml verdieping verdiepingen
	rondjes rondje zaterdagen zondagen maandagen vrijdagen avondjes
	agenten politieagenten handhavers boa's boas jongerenwerkers hulpverleners
	medewerkers professionals leerlingen ouders volwassenen tieners minderjarigen
	meiden jongetjes baby's getuigen bewoners buren omstanders bezoekers
	groepen groepjes keren bussen fietsen motoren busjes wagens`)

// wordSet is a set of words compared in lower case. It rejects most words
// by their length and first letter before it looks them up.
type wordSet struct {
	m           map[string]bool
	first, last [128]bool
	min, max    int
}

// words turns a list separated by white space into a set.
func words(list string) wordSet {
	ws := wordSet{m: map[string]bool{}, min: 1 << 30}
	for _, w := range strings.Fields(list) {
		w = strings.ToLower(w)
		ws.m[w] = true
		ws.min, ws.max = min(ws.min, len(w)), max(ws.max, len(w))
		if w[0] < 128 {
			ws.first[w[0]] = true
		}
		if l := w[len(w)-1]; l < 128 {
			ws.last[l] = true
		}
	}
	return ws
}

// has reports whether w, in any case, is in the set.
func (ws *wordSet) has(w string) bool {
	if len(w) < ws.min || len(w) > ws.max {
		return false
	}
	if b := w[0]; b < 128 && !ws.first[b] && !(isUpper(b) && ws.first[b+'a'-'A']) {
		return false
	}
	if b := w[len(w)-1]; b < 128 && !ws.last[b] && !(isUpper(b) && ws.last[b+'a'-'A']) {
		return false
	}
	v, _ := lookup(ws.m, w)
	return v
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
	w := s[j:k]
	return countWords.has(w) || hasPrefixFold(w, "jarig")
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
	SW BO SO VSO PRO HV IB GB LB AZ CB DJ JI JJI COA IND KT EK WK
	BSN BRP KVK PGB ZZP MDT SHG TBS HBO MBO ROC NFI NCTV FIOD`)

// isAgency reports whether w, in any case, is an agency abbreviation.
func isAgency(w string) bool { return agencies.has(w) }
