package casus

import "strings"

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
func findPeople(c *collector, p *textScan) {
	ws := p.ws
	for i := range ws {
		p.person[i] = p.isPerson(i)
	}
	// A word listed with a person ("Noor en Jaylano", "Jaylano, Noor")
	// is one too, and so on along a list in either direction.
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
		end := ws[last].end
		if j := last + 1; j < len(ws) && p.gap(j) == " " && ws[j].end-ws[j].start == 1 && isUpper(p.s[ws[j].start]) &&
			ws[j].end < len(p.s) && p.s[ws[j].end] == '.' {
			end, last = ws[j].end+1, j // the surname's initial: "Mohammed B."
		}
		c.add(Name, ws[first].start, end)
		i = last
	}
}

// isPerson decides whether word i starts a person's name.
func (p *textScan) isPerson(i int) bool {
	if !p.caps[i] {
		return p.lowerCaseName(i)
	}
	if !p.eligible(i) || p.domainAfter(i) {
		return false
	}
	first, last := p.nameStart(i), p.extend(i)
	info := p.l.name(p.key(i))
	start := p.sentenceStart(first)
	cue := p.cueBefore(first)
	after := p.ageOrRoleAfter(last) || p.possessive(last)
	if p.calledAfter(last) {
		return true // a nickname, whatever word it is: "wordt Snoepje genoemd"
	}
	listed := info != nil && info.listed() && letterCount(p.text(i)) >= 3
	switch {
	case first < i && info != nil && p.hasParticles(info, first, i):
		return true // "de Vries", "Van der Berg"
	case cue:
		return true
	case info != nil && info.listed() && p.kinAfter(last):
		return true // "met Bo en haar vader", however short the name
	case after:
		// "Jaylano (15)", "Roos' moeder"; not "de McDonald's"
		return (listed || !p.isOrdinary(p.lower(i))) && !p.articleBefore(first)
	case listed && info.common:
		// also a frequent word: "Roos", "Storm", "Bakker", "Toch"
		if start {
			return p.verbAfter(last, info.current) || p.kinAfter(last)
		}
		return !p.articleBefore(first) && !p.orgAround(first, last)
	case listed && start && p.word(i):
		return p.verbAfter(last, true) || p.kinAfter(last) // also a rare word: "Bram", "Mees"
	case listed:
		return !p.articleBefore(first) && !p.orgAround(first, last)
	case p.isOrdinary(p.lower(i)):
		return false
	case start:
		return p.verbAfter(last, true) || p.kinAfter(last)
	default:
		// A capitalised word inside a sentence that is no ordinary word is
		// a proper name: a person's unless a place or an organisation is
		// more likely there ("in Zoetermeer", "zorgaanbieder Levvel",
		// "Microsoft Authenticator", "Verdrag van Lanzarote", "FreeOTP").
		return letterCount(p.text(i)) >= 3 && !innerCapital(p.text(i)) && !p.articleBefore(first) &&
			!p.placeBefore(first) && !orgAfter(p, last) && !p.titleBefore(first) && !p.numberAfter(last) &&
			!p.inTitle(first) && !p.englishTitle(first, last)
	}
}

// lowerCaseName reports whether word i is a given name written in lower
// case ("zusje noor", "noor (15)", "noor is weggelopen" at the start of a
// sentence): one of four letters or more on the list that is no ordinary
// word, with the context an unknown name needs.
func (p *textScan) lowerCaseName(i int) bool {
	w := p.text(i)
	if len(w) < 4 || !isLower(w[0]) {
		return false
	}
	// Most words are not names: look at the context first, which costs
	// less than the name list.
	next := byte(0)
	if k := skipSpaces(p.s, p.ws[i].end, 2); k < len(p.s) {
		next = p.s[k]
	}
	if !p.sentenceStart(i) && next != '(' && next != ',' && (i == 0 || p.trig[i-1]&trigPersonCue == 0) {
		return false
	}
	info := p.l.name(p.key(i))
	if info == nil || !info.given || info.common || notNames[p.key(i)] || p.isOrdinary(p.lower(i)) {
		return false
	}
	return p.cueBefore(i) || p.ageOrRoleAfter(i) || p.sentenceStart(i) && p.verbAfter(i, true)
}

// particlesBefore returns the first of the tussenvoegsels right before
// word i ("de" in "de Vries", "van" in "van der Berg"), or i. Only the
// first of them may be capitalised ("Van der Berg").
func (p *textScan) particlesBefore(i int) int {
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
func (p *textScan) nameStart(i int) int {
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
func (p *textScan) hasParticles(info *nameInfo, first, i int) bool {
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
func (p *textScan) extend(i int) int {
	if p.ext[i] == 0 {
		p.ext[i] = int32(p.computeExtend(i)) + 1
	}
	return int(p.ext[i]) - 1
}

func (p *textScan) computeExtend(i int) int {
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
