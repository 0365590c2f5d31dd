package casus

import "strings"

// schoolPrefixes are written before a school's name and belong to it:
// "OBS De Klimop", "ROC Mondriaan", "Lyceum Sancta Maria". Keys in lower
// case.
var schoolPrefixes = set(`obs cbs pcb pcbs rkbs kbs ikc sbo so vso roc sg csg rsg osg lyceum gymnasium atheneum
mavo vmbo havo vwo mbo`)

// schoolWords are the ordinary words for a school written before its name,
// which is then the finding: "basisschool De Regenboog".
var schoolWords = set(`school basisschool montessorischool daltonschool jenaplanschool vrijeschool
praktijkschool praktijkonderwijs scholengemeenschap kindcentrum brede middelbare mbo-school vmbo-school
speciaalonderwijs internaatschool taalschool`)

// schoolSuffixes end a school's name: "Erasmus College", "Stedelijk
// Gymnasium".
var schoolSuffixes = set(`college lyceum gymnasium atheneum school scholengemeenschap campus vakcollege mavo`)

// schoolAdjectives start a school's name at the start of a sentence too:
// "Stedelijk Gymnasium", "Christelijk Lyceum".
var schoolAdjectives = set(`stedelijk stedelijke christelijk christelijke openbaar openbare katholiek katholieke
protestants protestantse gereformeerd gereformeerde internationale vrije nieuwe montessori dalton`)

// findSchools reports the names of schools: after a word for a school
// ("basisschool De Regenboog", "OBS De Klimop"), before one ("Erasmus
// College", "Regenboogschool") and after "zit op", "leerling van", "klas 3b
// van", "groep 7 van" ("zit op het Comenius").
func findSchools(c *collector, p *textScan) {
	for i := range p.ws {
		w, t := p.text(i), p.trig[i]
		capital := p.caps[i]
		if t == 0 && !capital {
			continue
		}
		lw := p.lower(i)
		found := false
		if t&trigSchoolPrefix != 0 && capital {
			k := i + 1
			if k+1 < len(p.ws) && p.text(k) == "van" && spaces(p.gap(k)) {
				k++ // "ROC van Twente"
			}
			if e := p.schoolName(k); e >= 0 || k > i+1 && p.eligibleCap(k) {
				e = max(e, k)
				c.add(School, p.ws[i].start, p.ws[e].end)
				found = true
			}
		}
		if t&trigSchoolWord != 0 {
			if e := p.schoolName(i + 1); e >= 0 {
				c.add(School, p.ws[i+1].start, p.ws[e].end)
				found = true
			}
		}
		if t&trigSchoolSuffix != 0 && capital {
			if b := p.schoolNameBefore(i); b >= 0 {
				c.add(School, p.ws[b].start, p.ws[p.nameEnd(i)].end)
				found = true
			}
		}
		if capital && compoundSchool(lw) && !p.l.isWord(w) && !(p.sentenceStart(i) && p.isOrdinary(lw)) {
			b := i
			if i > 0 && p.gap(i) == "-" && p.caps[i-1] {
				b = i - 1 // "Sint-Jozefschool"
			}
			c.add(School, p.ws[b].start, p.ws[p.nameEnd(i)].end)
			found = true
		}
		if t&(trigSchoolContext|trigSchoolClass) == 0 || found {
			continue
		}
		if k := p.schoolContext(i); k >= 0 {
			e := p.schoolName(k)
			if e < 0 && t&trigSchoolClass != 0 && p.caps[k] && letterCount(p.text(k)) >= 3 {
				e = p.nameEnd(k) // "klas 3b van het Stedelijk": whatever word it is
			}
			if e >= 0 && !notNames[p.key(k)] {
				c.add(School, p.ws[k].start, p.ws[e].end)
			}
		}
	}
}

// compoundSchool reports whether a word is a school's name ending in
// school, college or lyceum: "Regenboogschool", "Mariaschool".
func compoundSchool(w string) bool {
	for _, suffix := range []string{"school", "college", "lyceum"} {
		if rest, ok := strings.CutSuffix(w, suffix); ok && len(rest) >= 3 {
			return true
		}
	}
	return false
}

// schoolContext returns the first word of what follows "zit op", "zat
// op", "leerling van", "ingeschreven op" at word i, or "klas 3b van",
// "groep 7 van" when word i is "klas" or "groep"; or -1.
func (p *textScan) schoolContext(i int) int {
	a := p.lower(i)
	k := -1
	switch a {
	case "klas", "groep", "leerjaar":
		if i+2 < len(p.ws) && spaces(p.gap(i+1)) && spaces(p.gap(i+2)) && classMark(p.text(i+1)) && p.text(i+2) == "van" {
			k = i + 3
		}
	default:
		if i+1 < len(p.ws) && spaces(p.gap(i+1)) {
			switch b := p.text(i + 1); {
			case b == "op" && (a == "zit" || a == "zat" || a == "zitten" || a == "ingeschreven"):
				k = i + 2
			case b == "van" && (a == "leerling" || a == "leerlinge" || a == "oud-leerling"):
				k = i + 2
			}
		}
	}
	if k < 0 || k >= len(p.ws) || !spaces(p.gap(k)) {
		return -1
	}
	switch p.text(k) {
	case "de", "het", "'t":
		if k+1 < len(p.ws) && spaces(p.gap(k+1)) {
			k++
		}
	}
	return k
}

// classMark reports whether w names a class: "3b", "7", "h4", "2".
func classMark(w string) bool {
	return len(w) <= 3 && strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}

// schoolName returns the last word of a school's name starting at word k:
// capitalised words with tussenvoegsels or hyphens between them ("De
// Regenboog", "Johan de Witt", "Sint-Jan"), not a place, platform or
// agency on its own; or -1.
func (p *textScan) schoolName(k int) int {
	if k >= len(p.ws) || k == 0 || !(spaces(p.gap(k)) || p.gap(k) == ": " && p.trig[k-1]&trigSchoolWord != 0) {
		return -1 // but "School: Het Baken" is a label and its school
	}
	if w := p.text(k); !isCapitalised(w) || (letterCount(w) < 2 && !isDigitWord(w)) {
		return -1
	}
	e := p.nameEnd(k)
	if e == k && (notNames[p.key(k)] || p.word(k) && !p.listedName(k)) {
		return -1 // "het ROC", "basisschool Zij…"
	}
	return e
}

// eligibleCap reports whether word k is capitalised, places included
// ("ROC van Amsterdam").
func (p *textScan) eligibleCap(k int) bool {
	return k < len(p.ws) && p.caps[k] && joinGap(p.gap(k))
}

// listedName reports whether word k is a name on the list.
func (p *textScan) listedName(k int) bool {
	n := p.l.name(p.key(k))
	return n != nil && n.listed()
}

// nameEnd returns the last word of the capitalised name that starts at
// word k: capitalised words, joined by single spaces or hyphens, with
// tussenvoegsels between them.
func (p *textScan) nameEnd(k int) int {
	e := k
	for j := k + 1; j < len(p.ws) && j-k <= 6; j++ {
		g := p.gap(j)
		if g != "-" && !joinGap(g) {
			break
		}
		w := p.text(j)
		if isCapitalised(w) || isDigitWord(w) && p.caps[e] {
			e = j
			continue
		}
		if !nameParticle(strings.ToLower(w)) && w != "voor" && w != "aan" {
			break
		}
	}
	return e
}

// isDigitWord reports whether w is made of digits ("Lyceum 2").
func isDigitWord(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// schoolNameBefore returns the first word of the name before the school
// word at word i ("Erasmus" in "Erasmus College", "Stedelijk" in "het
// Stedelijk Gymnasium"), or -1 when no name stands there ("het College").
func (p *textScan) schoolNameBefore(i int) int {
	b := -1
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
		g := p.gap(k + 1)
		if g != "-" && !joinGap(g) {
			break
		}
		w := p.text(k)
		if isCapitalised(w) {
			if p.sentenceStart(k) && p.l.isWord(w) && !schoolAdjectives[strings.ToLower(w)] && !p.listedName(k) {
				break // "Op College…", "Daarna Lyceum…"
			}
			if notNames[p.key(k)] && !schoolAdjectives[strings.ToLower(w)] && k == i-1 {
				break
			}
			switch strings.ToLower(w) {
			case "de", "het":
				if b < 0 {
					return -1
				}
			}
			b = k
			continue
		}
		if !nameParticle(strings.ToLower(w)) || b < 0 {
			break
		}
	}
	if b >= 0 {
		switch p.lower(b) {
		case "de", "het", "een", "dit", "dat", "het-":
			if b+1 < i {
				return b + 1
			}
			return -1
		}
	}
	return b
}
