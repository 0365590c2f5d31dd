package casus

// findProbable runs the detectors of the probable tier: names the
// workspace does not know, initials, schools, handles and streets named
// without a house number. They share one reading of the words.
func findProbable(c *collector, words []word) {
	p := newTextScan(c.s, words)
	defer p.release()
	findPeople(c, p)
	findInitials(c, p)
	findSchools(c, p)
	findHandles(c, p)
	findBareStreets(c, p)
}

// LooksLikeName reports whether s, such as the name a guest is listed
// under, names a person: it has a word on the name list ("Sandra", "S.
// Jansen") or a capitalised word that is no ordinary Dutch word and no
// place, organisation or role ("mw. Bouzidi"). A role or an organisation
// alone ("Ervaringsdeskundige (gast)", "Tolk Arabisch", "Iemand van Fier")
// is no name, so that it is not looked for in every note as one.
func LooksLikeName(s string) bool {
	ws := splitWords(s)
	p := newTextScan(s, ws)
	defer p.release()
	for i := range ws {
		if !p.eligible(i) {
			continue
		}
		if info := p.l.name(p.key(i)); info != nil && info.listed() {
			return true
		}
		if !p.ordinary(i) && !innerCapital(p.text(i)) {
			return true
		}
	}
	return false
}
