package casus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findPeople reports the names of people whether or not the workspace
// knows them: a capitalised word on the name list, a surname with its
// tussenvoegsels ("de Vries"), or any capitalised word that its context
// marks as a person: an age or a role in brackets after it ("Jaimy (15)",
// "Kiki (zus)"), a kinship word, a form of address or a nickname word
// before it ("zusje Jaimy", "moeder van Noor", "mevr. Bouzidi", "roepnaam
// Kiki"), a verb of saying or doing after it at the start of a sentence
// ("Jaylano vertelde"), a possessive ("Jaimy's moeder") or another name it
// is listed with ("Noor en Jaylano"). A given name takes the surname after
// it into the finding ("Noor de Vries").
//
// Names that are also ordinary words ("Roos", "Storm", "Bakker") count when
// they are capitalised inside a sentence, and at its start only with
// context ("Roos vertelde", "Roos (15)"). Months, weekdays, places,
// organisations, role words and platforms (notNames) never count.
func findPeople(c *collector, p *personScan) {
	ws := p.ws
	for i := range ws {
		p.person[i] = p.isPerson(i)
	}
	// A word listed with a person ("Noor en Jaylano", "Jaylano, Noor")
	// is one too; two sweeps carry it along a list in either direction.
	var queue []int
	for i := range ws {
		if p.person[i] {
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		k := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		e := p.extend(k)
		for _, i := range []int{k - 2, k - 1, e + 1, e + 2} {
			if i >= 0 && i < len(ws) && !p.person[i] && p.eligible(i) && !p.ordinary(i) && p.listedWithPerson(i) {
				p.person[i] = true
				queue = append(queue, i)
			}
		}
	}
	for i := 0; i < len(ws); i++ {
		if !p.person[i] {
			continue
		}
		first, last := p.nameStart(i), p.extend(i)
		c.add(Name, ws[first].start, ws[last].end)
		i = last
	}
}

// newPersonScan prepares the words of s for the detectors of people.
func newPersonScan(s string, ws []word) *personScan {
	p := &personScan{s: s, ws: ws, l: loadLists(), keys: make([]string, len(ws)), person: make([]bool, len(ws)),
		known: make([]uint8, len(ws)), ext: make([]int32, len(ws)), trig: make([]uint16, len(ws)), lowers: make([]string, len(ws)), caps: make([]bool, len(ws))}
	for i, w := range ws {
		if b := s[w.start]; b < utf8.RuneSelf {
			p.caps[i] = isUpper(b)
		} else {
			p.caps[i] = isCapitalised(s[w.start:w.end])
		}
		if t := s[w.start:w.end]; len(t) >= 2 && len(t) <= maxTrigger && triggerEnd[t[len(t)-1]|0x20] && triggerStart[int(t[0]|0x20)<<8|int(t[1]|0x20)] {
			p.trig[i] = triggers[strings.ToLower(t)]
		}
	}
	p.markOrgs()
	return p
}

// Bits of personScan.known: what is known of a word, and the answer.
const (
	eligibleKnown uint8 = 1 << iota
	isEligible
	ordinaryKnown
	isOrdinaryWord
	startKnown
	isStart
)

// cached returns the answer of f for word i, computing it once.
func (p *personScan) cached(i int, known, yes uint8, f func(int) bool) bool {
	if p.known[i]&known == 0 {
		p.known[i] |= known
		if f(i) {
			p.known[i] |= yes
		}
	}
	return p.known[i]&yes != 0
}

// personScan holds one text's words while its people are looked for.
type personScan struct {
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

func (p *personScan) text(i int) string { return p.s[p.ws[i].start:p.ws[i].end] }

// lower returns word i in lower case, computed once.
func (p *personScan) lower(i int) string {
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
func (p *personScan) word(i int) bool {
	_, ok := p.l.words[p.lower(i)]
	return ok
}

func (p *personScan) key(i int) string {
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
func (p *personScan) gap(i int) string { return p.s[p.ws[i-1].end:p.ws[i].start] }

// markOrgs marks the words of organisations' names (orgPhrases).
func (p *personScan) markOrgs() {
	p.org = make([]bool, len(p.ws))
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
func (p *personScan) eligible(i int) bool {
	return p.cached(i, eligibleKnown, isEligible, p.computeEligible)
}

func (p *personScan) computeEligible(i int) bool {
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
func (p *personScan) ordinary(i int) bool {
	return p.cached(i, ordinaryKnown, isOrdinaryWord, p.computeOrdinary)
}

func (p *personScan) computeOrdinary(i int) bool {
	if n := p.l.name(p.key(i)); n != nil && n.listed() {
		return false
	}
	return p.isOrdinary(p.lower(i))
}

// isOrdinary is nameLists.isOrdinary, remembered for the words of one
// text, which repeat.
func (p *personScan) isOrdinary(w string) bool {
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

// isPerson decides whether word i starts a person's name.
func (p *personScan) isPerson(i int) bool {
	if !p.caps[i] {
		return p.lowerCaseName(i)
	}
	if !p.eligible(i) {
		return false
	}
	first, last := p.nameStart(i), p.extend(i)
	info := p.l.name(p.key(i))
	start := p.sentenceStart(first)
	cue := p.cueBefore(first)
	after := p.ageOrRoleAfter(last) || p.possessive(last)
	listed := info != nil && info.listed() && letterCount(p.text(i)) >= 3
	switch {
	case first < i && info != nil && p.hasParticles(info, first, i):
		return true // "de Vries", "Van der Berg"
	case cue:
		return true
	case after:
		// "Jaylano (15)", "Roos' moeder"; not "de McDonald's"
		return (listed || !p.isOrdinary(p.lower(i))) && !p.articleBefore(first)
	case listed && info.common:
		// also a frequent word: "Roos", "Storm", "Bakker", "Toch"
		if start {
			return p.verbAfter(last, info.current)
		}
		return !p.articleBefore(first)
	case listed && start && p.word(i):
		return p.verbAfter(last, true) // also a rare word: "Bram", "Mees"
	case listed:
		return !p.articleBefore(first)
	case p.isOrdinary(p.lower(i)):
		return false
	case start:
		return p.verbAfter(last, true)
	default:
		// A capitalised word inside a sentence that is no ordinary word is
		// a proper name: a person's unless a place or an organisation is
		// more likely there ("in Zoetermeer", "zorgaanbieder Levvel",
		// "Microsoft Authenticator", "Verdrag van Lanzarote", "FreeOTP").
		return letterCount(p.text(i)) >= 3 && !innerCapital(p.text(i)) && !p.articleBefore(first) &&
			!p.placeBefore(first) && !orgAfter(p, last) && !p.titleBefore(first)
	}
}

// titleBefore reports whether word i follows the name of an organisation,
// a brand or a title ("Google Authenticator", "Politie Rotterdam-Rijnmond")
// or an ordinary word and "van" ("Verdrag van Lanzarote", "Raad van
// State").
func (p *personScan) titleBefore(i int) bool {
	if i == 0 || !spaces(p.gap(i)) {
		return false
	}
	b := i - 1
	if p.text(b) == "van" && b > 0 && spaces(p.gap(b)) {
		b--
		return p.caps[b] && p.ordinary(b)
	}
	return p.caps[b] && notNames[p.key(b)]
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

// lowerCaseName reports whether word i is a given name written in lower
// case ("zusje noor", "noor (15)", "noor is weggelopen" at the start of a
// sentence): one of four letters or more on the list that is no ordinary
// word, with the context an unknown name needs.
func (p *personScan) lowerCaseName(i int) bool {
	w := p.text(i)
	if len(w) < 4 || !isLower(w[0]) {
		return false
	}
	info := p.l.name(p.key(i))
	if info == nil || !info.given || info.common || notNames[p.key(i)] || p.isOrdinary(p.lower(i)) {
		return false
	}
	return p.cueBefore(i) || p.ageOrRoleAfter(i) || p.sentenceStart(i) && p.verbAfter(i, true)
}

// placeBefore reports whether the word before word i puts a place or an
// organisation after it: "in Zoetermeer", "uit Almere", "gemeente
// Havenstad", "zorgaanbieder Levvel".
func (p *personScan) placeBefore(i int) bool {
	if i == 0 {
		return false
	}
	return placeWords[p.lower(i-1)]
}

// orgAfter reports whether the word after word i makes it part of an
// organisation's name: "Lindenhout Jeugdzorg", "Kompaan Groep".
func orgAfter(p *personScan, i int) bool {
	if i+1 >= len(p.ws) || !joinGap(p.gap(i+1)) {
		return false
	}
	return orgWords[p.lower(i+1)]
}

// particlesBefore returns the first of the tussenvoegsels right before
// word i ("de" in "de Vries", "van" in "van der Berg"), or i. Only the
// first of them may be capitalised ("Van der Berg").
func (p *personScan) particlesBefore(i int) int {
	first := i
	for b := i - 1; b >= 0 && i-b <= 3; b-- {
		w := p.text(b)
		if !nameParticle(p.lower(b)) || !joinGap(p.gap(b+1)) {
			break
		}
		if isCapitalised(w) {
			if b == 0 || !joinGap(p.gap(b)) || p.sentenceStart(b) || !nameParticle(p.lower(b-1)) {
				first = b
			}
			break
		}
		first = b
	}
	return first
}

// nameStart returns the first word of the name whose main word is word i:
// the tussenvoegsels before it belong to it when the name list has them
// with it ("de Vries") or a form of address stands before them ("mevr. van
// Essen"), not in "moeder van Noor".
func (p *personScan) nameStart(i int) int {
	first := p.particlesBefore(i)
	if first == i {
		return i
	}
	if info := p.l.name(p.key(i)); info != nil && p.hasParticles(info, first, i) {
		return first
	}
	if first > 0 && addressWords[p.lower(first-1)] {
		return first
	}
	if first > 1 && strings.EqualFold(p.text(first-1), "heer") && strings.EqualFold(p.text(first-2), "de") {
		return first
	}
	return i
}

// hasParticles reports whether the words first..i-1 are tussenvoegsels
// the name list has with word i ("de" with "Vries").
func (p *personScan) hasParticles(info *nameInfo, first, i int) bool {
	var b strings.Builder
	for k := first; k < i; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(fold(p.text(k)))
	}
	for _, pr := range info.particles {
		if pr == b.String() {
			return true
		}
	}
	return false
}

// extend returns the last word of the name that starts at word i: a
// double name ("Anna-Lisa"), a surname ("Noor Bakker") and a surname
// with tussenvoegsels ("Noor van der Berg") join it.
func (p *personScan) extend(i int) int {
	if p.ext[i] == 0 {
		p.ext[i] = int32(p.computeExtend(i)) + 1
	}
	return int(p.ext[i]) - 1
}

func (p *personScan) computeExtend(i int) int {
	e := i
	for e+1 < len(p.ws) && e-i < 5 {
		j := e + 1
		if p.gap(j) == "-" || p.gap(j) == "‐" {
			if !p.eligible(j) {
				break
			}
			e = j
			continue
		}
		if !joinGap(p.gap(j)) {
			break
		}
		k := j
		for k < len(p.ws) && k-j < 3 && nameParticle(p.text(k)) && (k == j || joinGap(p.gap(k))) {
			k++
		}
		if k >= len(p.ws) || (k > j && !joinGap(p.gap(k))) || !p.eligible(k) {
			break
		}
		if k > j {
			e = k // "Noor van der Meer", "Mees van 't Hof"
			continue
		}
		if p.ordinary(k) {
			break
		}
		e = k
	}
	return e
}

// sentenceStart reports whether word i starts a sentence, a line or a
// clause after a colon: the only places where an ordinary word is
// capitalised too.
func (p *personScan) sentenceStart(i int) bool {
	return p.cached(i, startKnown, isStart, p.computeSentenceStart)
}

func (p *personScan) computeSentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	gap := p.gap(i)
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

// cueBefore reports whether the words before word i mark it as a person:
// a kinship word ("zusje Jaimy", "moeder van Noor"), a nickname word
// ("roepnaam Kiki", "bijnaam is Kiki") or a form of address ("mevr.
// Bouzidi", "de heer El Idrissi").
func (p *personScan) cueBefore(i int) bool {
	if i == 0 {
		return false
	}
	b := i - 1
	gap := strings.Trim(p.gap(i), " \t")
	prev := p.lower(b)
	switch {
	case gap == "" || gap == ":" || gap == "," || quoteOnly(gap):
	case gap == "." && (addressWords[prev] || prev == "mw" || prev == "dhr"):
		return true
	default:
		return false
	}
	switch {
	case kinWords[prev] || nickWords[prev] || addressWords[prev] || prev == "heet" || prev == "heette":
		return prev != "heer" || b > 0 && strings.EqualFold(p.text(b-1), "de")
	case prev == "van" && b > 0 && spaces(p.gap(b)):
		return kinOfWords[p.lower(b-1)]
	case (prev == "is" || prev == "was" || prev == "luidt") && b > 0 && spaces(p.gap(b)):
		return nickWords[p.lower(b-1)]
	case prev == "zich" && b > 0 && spaces(p.gap(b)):
		return strings.HasPrefix(p.lower(b-1), "noem") // "noemt zich Dre"
	}
	return false
}

// ageOrRoleAfter reports whether an age or a role follows word i: "(15)",
// "(15 jaar)", "(m, 15)", ", 15 jaar", "(zus)", "(jongere)".
func (p *personScan) ageOrRoleAfter(i int) bool {
	s := p.s[p.ws[i].end:min(len(p.s), p.ws[i].end+40)]
	t := strings.TrimLeft(s, " \t")
	if strings.HasPrefix(t, "(") {
		inner, _, ok := strings.Cut(t[1:], ")")
		if !ok {
			return false
		}
		fs := strings.FieldsFunc(strings.ToLower(inner), func(r rune) bool {
			return r == ' ' || r == ',' || r == '/' || r == ';' || r == '.'
		})
		if len(fs) == 0 || len(fs) > 3 {
			return false
		}
		for _, f := range fs {
			if age(f) || kinWords[f] || f == "gast" {
				return true
			}
		}
		return false
	}
	if strings.HasPrefix(s, ", ") {
		fs := strings.Fields(s[2:])
		return len(fs) >= 2 && age(fs[0]) && (strings.HasPrefix(fs[1], "jaar") || strings.HasPrefix(fs[1], "jr"))
	}
	return false
}

// age reports whether f is an age a young person or a relative may have,
// with or without "j" or "jr" after it.
func age(f string) bool {
	f = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(f, "jaar"), "jr"), "j")
	if len(f) == 0 || len(f) > 2 {
		return false
	}
	for i := 0; i < len(f); i++ {
		if !isDigit(f[i]) {
			return false
		}
	}
	return f != "0"
}

// possessive reports whether word i has a possessive s: "Jaimy's moeder",
// "Roos' vriend".
func (p *personScan) possessive(i int) bool {
	s := p.s[p.ws[i].end:]
	r, size := utf8.DecodeRuneInString(s)
	if normRune(r) != '\'' {
		return false
	}
	s = s[size:]
	s = strings.TrimPrefix(s, "s")
	return strings.HasPrefix(s, " ") && !strings.HasPrefix(s, " avonds") && !strings.HasPrefix(s, " ochtends") && !strings.HasPrefix(s, " middags") && !strings.HasPrefix(s, " nachts")
}

// verbAfter reports whether a person verb follows word i; weak verbs
// ("heeft", "is") count only when weak is set.
func (p *personScan) verbAfter(i int, weak bool) bool {
	j := i + 1
	if j >= len(p.ws) || !spaces(p.gap(j)) {
		return false
	}
	v := p.lower(j)
	return personVerbs[v] && (weak || !weakVerbs[v])
}

// articleBefore reports whether an article stands right before word i,
// as in the names of organisations and places ("De Linde", "Het Baken").
func (p *personScan) articleBefore(i int) bool {
	if i == 0 || !spaces(p.gap(i)) {
		return false
	}
	switch p.lower(i - 1) {
	case "de", "het", "een", "t":
		return true
	}
	return false
}

// listedWithPerson reports whether word i is joined to a person by "en",
// "&" or a comma: "Noor en Jaylano", "Jaylano, Noor".
func (p *personScan) listedWithPerson(i int) bool {
	joins := func(g string) bool { return g == ", " || g == " & " }
	if i+1 < len(p.ws) {
		g := p.gap(i + 1)
		if joins(g) && p.person[i+1] {
			return true
		}
		if spaces(g) && strings.EqualFold(p.text(i+1), "en") && i+2 < len(p.ws) && spaces(p.gap(i+2)) && p.person[i+2] {
			return true
		}
	}
	if i > 0 {
		g := p.gap(i)
		if joins(g) && p.nameStartBefore(i-1) >= 0 {
			return true
		}
		if spaces(g) && strings.EqualFold(p.text(i-1), "en") && i >= 2 && spaces(p.gap(i-1)) && p.nameStartBefore(i-2) >= 0 {
			return true
		}
	}
	return false
}

// nameStartBefore returns the first word of the name that ends at word
// j, when one of the words before j started a name reaching to j.
func (p *personScan) nameStartBefore(j int) int {
	for k := j; k >= 0 && j-k <= 5; k-- {
		if p.person[k] {
			if p.extend(k) >= j {
				return k
			}
			return -1
		}
	}
	return -1
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
