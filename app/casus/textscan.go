package casus

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// newTextScan reads the words of s once for the detectors of the probable
// tier. Its buffers come from scans and go back with release.
func newTextScan(s string, ws []word) *textScan {
	p := scans.Get().(*textScan)
	n := len(ws)
	p.s, p.ws, p.l = s, ws, loadLists()
	p.keys, p.lowers = sized(p.keys, n), sized(p.lowers, n)
	p.person, p.caps, p.org = sized(p.person, n), sized(p.caps, n), sized(p.org, n)
	p.known, p.ext, p.trig = sized(p.known, n), sized(p.ext, n), sized(p.trig, n)
	clear(p.ordinaryWords)
	for i, w := range ws {
		if b := s[w.start]; b < utf8.RuneSelf {
			p.caps[i] = isUpper(b)
		} else {
			p.caps[i] = isCapitalised(s[w.start:w.end])
		}
		if t := s[w.start:w.end]; len(t) >= 2 && triggerShapes[triggerShape(t)] {
			p.trig[i] = triggers[strings.ToLower(t)]
		}
	}
	p.markOrgs()
	return p
}

// scans keeps the buffers of textScans between checks: a long note has
// tens of thousands of words, and a buffer per word and question each time
// would be most of what a check allocates.
var scans = sync.Pool{New: func() any { return new(textScan) }}

// release gives p's buffers back for the next check; p is not to be used
// after.
func (p *textScan) release() {
	p.s, p.ws, p.l = "", nil, nil
	clear(p.keys)
	clear(p.lowers)
	scans.Put(p)
}

// sized returns b with length n and every element zero, reusing its array
// when it is large enough.
func sized[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// Bits of textScan.known: what is known of a word, and the answer.
const (
	eligibleKnown uint8 = 1 << iota
	isEligible
	ordinaryKnown
	isOrdinaryWord
	startKnown
	isStart
)

// cached returns the answer of f for word i, computing it once.
func (p *textScan) cached(i int, known, yes uint8, f func(int) bool) bool {
	if p.known[i]&known == 0 {
		p.known[i] |= known
		if f(i) {
			p.known[i] |= yes
		}
	}
	return p.known[i]&yes != 0
}

// textScan holds one text's words and what the detectors of the
// probable tier learn of them, each worked out once.
type textScan struct {
	s      string
	ws     []word
	l      *nameLists
	keys   []string // folded words, filled on demand
	org    []bool   // the word belongs to an organisation's name
	person []bool   // the word starts a person's name
	known  []uint8  // cached answers, see cached
	ext    []int32  // cached extend, plus one
	trig   []uint16 // what each word triggers, see triggers
	lowers []string // words in lower case, filled on demand
	caps   []bool   // the word starts with a capital
	// ordinaryWords remembers isOrdinary by word.
	ordinaryWords map[string]bool
}

// text returns word i.
func (p *textScan) text(i int) string { return p.s[p.ws[i].start:p.ws[i].end] }

// lower returns word i in lower case, computed once.
func (p *textScan) lower(i int) string {
	if p.lowers[i] == "" {
		t := p.text(i)
		if isASCII(t) {
			p.lowers[i] = p.key(i) // fold is lower case for ASCII
		} else {
			p.lowers[i] = strings.ToLower(t)
		}
	}
	return p.lowers[i]
}

// word reports whether word i is on the word list.
func (p *textScan) word(i int) bool {
	_, ok := p.l.words[p.lower(i)]
	return ok
}

// key returns word i folded as the name list is: lower case, no accents.
func (p *textScan) key(i int) string {
	if p.keys[i] == "" {
		t := p.text(i)
		if isASCII(t) {
			p.keys[i] = strings.ToLower(t) // what fold makes of it, faster
		} else {
			p.keys[i] = fold(t)
		}
	}
	return p.keys[i]
}

// isASCII reports whether t has ASCII characters only.
func isASCII(t string) bool {
	for k := 0; k < len(t); k++ {
		if t[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// gap returns the text between word i-1 and word i.
func (p *textScan) gap(i int) string { return p.s[p.ws[i-1].end:p.ws[i].start] }

// markOrgs marks the words of organisations' names (orgPhrases).
func (p *textScan) markOrgs() {
	for i := range p.ws {
		if !p.caps[i] {
			continue
		}
		for _, at := range []int{i, i - 1} { // "De Hoop", "de Hoop"
			if at < 0 || at < i && p.text(at) != "de" && p.text(at) != "het" {
				continue
			}
			for _, phrase := range orgPhrasesByFirst[p.key(at)] {
				if at+len(phrase) > len(p.ws) || at < i && !p.caps[at+1] {
					continue
				}
				ok := true
				for k := 1; k < len(phrase) && ok; k++ {
					ok = p.key(at+k) == phrase[k] && spaces(p.gap(at+k))
				}
				if ok {
					for k := range phrase {
						p.org[at+k] = true
					}
				}
			}
		}
	}
}

// orgPhrasesByFirst indexes orgPhrases by their first word.
var orgPhrasesByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, ph := range orgPhrases {
		m[ph[0]] = append(m[ph[0]], ph)
	}
	return m
}()

// eligible reports whether word i may be (the start of) a name: it is
// capitalised, not written in capitals only, has two letters or more and
// is no word that never names a person.
func (p *textScan) eligible(i int) bool {
	return p.cached(i, eligibleKnown, isEligible, p.computeEligible)
}

func (p *textScan) computeEligible(i int) bool {
	w := p.text(i)
	if !p.caps[i] || p.org[i] || allCaps(w) || letterCount(w) < 2 {
		return false
	}
	if i > 0 && p.gap(i) == "-" && allCaps(p.text(i-1)) {
		return false // "VN-Kinderrechtenverdrag"
	}
	return !notNames[p.key(i)] && !agencyAbbreviations[p.key(i)] && !(streetWord(p.lower(i)) && !p.listedName(i)) && !runTogether(w)
}

// ordinary reports whether word i is an ordinary Dutch word that the name
// list does not have.
func (p *textScan) ordinary(i int) bool {
	return p.cached(i, ordinaryKnown, isOrdinaryWord, p.computeOrdinary)
}

func (p *textScan) computeOrdinary(i int) bool {
	if n := p.l.name(p.key(i)); n != nil && n.listed() {
		return false
	}
	return p.isOrdinary(p.lower(i))
}

// isOrdinary is nameLists.isOrdinary, remembered for the words of one
// text, which repeat.
func (p *textScan) isOrdinary(w string) bool {
	if _, ok := p.l.words[w]; ok {
		return true
	}
	if v, ok := p.ordinaryWords[w]; ok {
		return v
	}
	v := p.l.isOrdinary(w)
	if p.ordinaryWords == nil {
		p.ordinaryWords = map[string]bool{}
	}
	p.ordinaryWords[w] = v
	return v
}

// innerCapital reports whether w has a capital after a small letter, as
// brands and products have ("FreeOTP", "PlayStation"), not Dutch names.
func innerCapital(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case lower && unicode.IsUpper(r):
			return true
		}
	}
	return false
}

// sentenceStart reports whether word i starts a sentence, a line or a
// clause after a colon: the only places where an ordinary word is
// capitalised too.
func (p *textScan) sentenceStart(i int) bool {
	return p.cached(i, startKnown, isStart, p.computeSentenceStart)
}

func (p *textScan) computeSentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	gap := p.gap(i)
	if gap == " " {
		return false // most words
	}
	if strings.ContainsAny(gap, "\n\r") {
		return true
	}
	g := strings.TrimRight(gap, " \t\"'“”‘’([{-–—•*")
	if g == "" {
		return false
	}
	switch g[len(g)-1] {
	case '!', '?', ':', ';':
		return true
	case '.':
		prev := p.lower(i - 1)
		if len(strings.TrimSpace(g)) == 1 && (abbreviations[prev] || letterCount(prev) == 1) {
			return false // "mevr. Jansen", "J. Jansen"
		}
		return true
	}
	return false
}

// nameParticle reports whether w, in lower case, is a tussenvoegsel that
// joins a surname to a given name ("de", "van der", "'t"), not a
// preposition that may follow a name ("in", "op").
func nameParticle(w string) bool {
	switch strings.Trim(w, "'’") {
	case "van", "de", "der", "den", "het", "t", "ter", "ten", "el", "al",
		"la", "le", "du", "da", "dos", "von", "vanden", "vander", "vande", "ben":
		return true
	}
	return false
}

// joinGap reports whether the text between two words of one name is one
// short run of spaces, with an apostrophe before a particle ("van 't").
func joinGap(g string) bool {
	g = strings.TrimRight(g, "'’")
	return g != "" && len(g) <= 3 && strings.Trim(g, " \u00a0") == ""
}

// spaces reports whether g is a short run of spaces and nothing else.
func spaces(g string) bool {
	if g == " " {
		return true
	}
	return g != "" && len(g) <= 3 && strings.Trim(g, " \t\u00a0") == ""
}

// quoteOnly reports whether g is an opening quote.
func quoteOnly(g string) bool {
	switch g {
	case "'", "\"", "‘", "“", "\u201e":
		return true
	}
	return false
}

// IsAbbreviation reports whether w is written in capitals, as the names
// of organisations and agencies are (GGD, AVIM, OM): two letters or more,
// none in lower case.
func IsAbbreviation(w string) bool { return allCaps(w) }

// allCaps reports whether w has two letters or more, all upper case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// letterCount returns the number of letters in w.
func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
