package casus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencyAbbreviations are abbreviations of agencies, laws, schools and
// diagnoses, in any case and without dots, that look like initials:
// "J.B.", "RvdK", "OvJ" name no person.
var agencyAbbreviations = set(`
jb gi vt ots avim ggd zsh bsn om rvdk rvk cjg ggz jgz uwv svb ind coa azc wmo pgb lvb mee
bso so vso po vo mbo hbo wo vmbo havo vwo roc isk adhd ptss ass iq ad csg lsg vog halt wsg jr bjz
amk amhk ibs pij jji riec zvh vn vs eu nb ps ok tv hr ict ov ns bv nv vof cao aow ww wia wsw
pvda cvb rvt rvb rvs mvt ovj hvj pva pve kvk vve wvs wvsv wvsr bw bbw svt vws
`)

// initialParticles are the tussenvoegsels abbreviated between initials:
// "J.v.d.B.", "A. v. D.".
var initialParticles = set(`v vd d de den der t van ter ten te`)

// findInitials reports initials: letters with dots ("J.v.d.B.", "A.B."),
// with a surname after them ("J. de Vries", "A.B. Jansen"), run-together
// forms ("JvdB", "AvD") and capitals with a kinship word before or an age
// after them ("zus MK", "SK (15)"). Agencies' abbreviations are not
// initials, nor is a single capital without a surname ("meisje A.") or
// the placeholders Pseudonymise writes ("jongere AB").
func findInitials(c *collector, p *textScan) {
	s := c.s
	for i := range p.ws {
		w := p.text(i)
		if b := w[0]; b < utf8.RuneSelf && !isUpper(b) {
			continue
		}
		switch {
		case dottedStart(s, p.ws[i]):
			if end, last, ok := p.dottedInitials(i); ok {
				c.add(Initials, p.ws[i].start, p.surnameAfter(last, end))
			}
		case runTogether(w) && !agencyAbbreviations[p.lower(i)]:
			c.add(Initials, p.ws[i].start, p.ws[i].end)
		case allCaps(w) && len(w) <= 3 && !agencyAbbreviations[p.lower(i)] && p.initialsCue(i):
			c.add(Initials, p.ws[i].start, p.ws[i].end)
		}
	}
}

// dottedStart reports whether word w is a single capital followed by a
// dot, not inside a longer token ("e.g", "www.a.nl").
func dottedStart(s string, w word) bool {
	r, size := utf8.DecodeRuneInString(s[w.start:])
	if size != w.end-w.start || !unicode.IsUpper(r) || w.end >= len(s) || s[w.end] != '.' {
		return false
	}
	b := runeBefore(s, w.start)
	return b != '.' && b != '@' && b != '/' && !isWordRune(b)
}

// dottedInitials reads letters with dots from word i on: "J.P.", "J. P.",
// "J.v.d.B.". It returns the end of the last dot, the index of the last
// word, and whether they are initials: two letters or more, the last a
// capital, not an agency's abbreviation; or a single capital with a
// surname after it.
func (p *textScan) dottedInitials(i int) (end, last int, ok bool) {
	s := p.s
	var letters strings.Builder
	last = i
	for k := i; k < len(p.ws) && k-i < 8; k++ {
		w := p.ws[k]
		if k > i {
			g := p.gap(k)
			if g != "." && g != ". " && !(g == " " && initialParticles[p.lower(k-1)]) {
				break
			}
		}
		if k > i && w.end < len(s) && s[w.end] == ' ' && initialParticles[p.lower(k)] && k+1 < len(p.ws) && dottedStart(s, p.ws[k+1]) {
			letters.WriteString(s[w.start:w.end]) // "M. de J.": a particle written out
			continue
		}
		if w.end-w.start > 3 || w.end >= len(s) || s[w.end] != '.' {
			break
		}
		t := s[w.start:w.end]
		if k > i && !isCapitalised(t) && !initialParticles[strings.ToLower(t)] {
			break
		}
		if k > i && isCapitalised(t) && utf8.RuneCountInString(t) > 1 {
			break // "Dr." after an initial
		}
		letters.WriteString(t)
		last = k
	}
	end = p.ws[last].end + 1
	tag := strings.ToLower(letters.String())
	if last == i {
		// one capital: only with a surname after it ("J. de Vries")
		return end, last, p.surnameAfter(last, end) > end
	}
	if !p.caps[last] || agencyAbbreviations[tag] {
		return 0, 0, false
	}
	return end, last, true
}

// surnameAfter returns the end of the surname that follows the initials
// ending at end, whose last letter is word last, or end when none does: a
// surname with tussenvoegsels ("de Vries"), a name on the list or a
// capitalised word that is not an ordinary word ("Bouzidi").
func (p *textScan) surnameAfter(last, end int) int {
	j := last + 1
	if j >= len(p.ws) || !spaces(p.s[end:p.ws[j].start]) {
		return end
	}
	k := j
	for k < len(p.ws) && k-j < 3 && nameParticle(p.lower(k)) && (k == j || joinGap(p.gap(k))) {
		k++
	}
	if k >= len(p.ws) || (k > j && !joinGap(p.gap(k))) || !p.eligible(k) {
		return end
	}
	info := p.l.name(p.key(k))
	switch {
	case k > j:
	case info != nil && info.listed() && letterCount(p.text(k)) >= 3:
	case p.word(k):
		return end
	}
	return p.ws[p.extend(k)].end
}

// runTogether reports whether w is initials written together with the
// abbreviated tussenvoegsels of a surname: "JvdB", "AvD", "MdV", "PvdL".
func runTogether(w string) bool {
	if len(w) < 3 || len(w) > 6 || !isUpper(w[0]) || !isUpper(w[len(w)-1]) {
		return false
	}
	i := 0
	for i < len(w) && isUpper(w[i]) {
		i++
	}
	j := len(w)
	for j > i && isUpper(w[j-1]) {
		j--
	}
	if i > 2 || len(w)-j > 2 {
		return false
	}
	switch w[i:j] {
	case "v", "vd", "vdr", "d", "vt", "t":
		return true
	}
	return false
}

// initialsCue reports whether capitals at word i are a person's initials
// by their context: a kinship word before them or an age after them. The
// placeholders Pseudonymise writes ("jongere AB", "young person AB") are
// not initials.
func (p *textScan) initialsCue(i int) bool {
	if p.ageOrRoleAfter(i) {
		return !p.placeholderBefore(i)
	}
	if i == 0 || !spaces(p.gap(i)) {
		return false
	}
	prev := p.lower(i - 1)
	return kinWords[prev] && !p.placeholderBefore(i)
}

// placeholderBefore reports whether the word before word i makes it one of
// Pseudonymise's placeholders.
func (p *textScan) placeholderBefore(i int) bool {
	if i == 0 {
		return false
	}
	prev := p.lower(i - 1)
	if prev == "jongere" {
		return true
	}
	return prev == "person" && i >= 2 && strings.EqualFold(p.text(i-2), "young")
}
