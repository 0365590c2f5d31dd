package casus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namePattern is a name, or a part of one, to look for: a sequence of words
// compared by their folded form, with the text between them (normalised by
// normGap) equal to the name's.
type namePattern struct {
	keys []string // folded words
	gaps []string // normalised text between keys[i] and keys[i+1]
	caps []bool   // the word must be written capitalised
	// apostrophe is set when the name starts with one ("'t Hart"), which is
	// then taken into the finding when the text has it too.
	apostrophe bool
}

// namePatterns indexes patterns by their first key.
type namePatterns struct {
	byFirst map[string][]*namePattern
	n       int
	seen    map[string]bool
}

// minNameLetters is the least number of letters of a first or last name
// matched on its own.
const minNameLetters = 3

// compileNames turns the full names of people known to the workspace into
// patterns; see Check for the rules.
func compileNames(names []string) namePatterns {
	ps := namePatterns{byFirst: map[string][]*namePattern{}, seen: map[string]bool{}}
	for _, name := range names {
		parts := strings.Fields(name)
		if len(parts) == 0 {
			continue
		}
		if len(parts) == 1 {
			ps.addPart(parts[0])
			continue
		}
		ps.add(name, false)
		lastStart := len(parts) - 1
		if isParticlePart(parts[0]) && parts[0] == strings.ToLower(parts[0]) {
			lastStart = 0 // "de Vries": no first name
		} else {
			for j := 1; j < len(parts)-1; j++ {
				if isParticlePart(parts[j]) {
					lastStart = j
					break
				}
			}
		}
		for _, given := range parts[:lastStart] {
			ps.addPart(given)
		}
		last := parts[lastStart:]
		ps.add(strings.Join(last, " "), true)
		core := last
		for len(core) > 1 && isParticlePart(core[0]) {
			core = core[1:]
		}
		for _, p := range core {
			ps.addPart(p)
		}
	}
	return ps
}

// isParticlePart reports whether a part of a name is a tussenvoegsel.
func isParticlePart(p string) bool {
	return isParticle(strings.Trim(p, "'’"))
}

// addPart adds a single part of a name, capitalised, and each word of it on
// its own when it has several ("Anna-Lisa", "Bakker-de").
func (ps *namePatterns) addPart(part string) {
	ps.add(part, true)
	ws := splitWords(part)
	if len(ws) < 2 {
		return
	}
	for _, w := range ws {
		if v := part[w.start:w.end]; !isParticle(v) {
			ps.add(v, true)
		}
	}
}

// add adds the pattern for name. With capitalised set, every word of it but
// its particles must be written capitalised, and it needs three letters.
func (ps *namePatterns) add(name string, capitalised bool) {
	ws := splitWords(name)
	if len(ws) == 0 {
		return
	}
	p := &namePattern{}
	letters := 0
	for i, w := range ws {
		v := name[w.start:w.end]
		for _, r := range v {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		p.keys = append(p.keys, fold(v))
		p.caps = append(p.caps, capitalised && !isParticle(v))
		if i > 0 {
			p.gaps = append(p.gaps, normGap(name[ws[i-1].end:w.start]))
		}
	}
	if letters < minNameLetters || !slices.Contains(p.caps, true) && capitalised {
		return
	}
	if r, _ := utf8.DecodeLastRuneInString(name[:ws[0].start]); normRune(r) == '\'' {
		p.apostrophe = true
	}
	id := strings.Join(p.keys, "\x00") + "\x01" + strings.Join(p.gaps, "\x00") + "\x01"
	for _, c := range p.caps {
		if c {
			id += "C"
		} else {
			id += "c"
		}
	}
	if ps.seen[id] {
		return
	}
	ps.seen[id] = true
	ps.byFirst[p.keys[0]] = append(ps.byFirst[p.keys[0]], p)
	ps.n++
}

// findNames reports the names of people known to the workspace.
func findNames(c *collector, ws []word, ps namePatterns) {
	s := c.s
	keys := make([]string, len(ws))
	key := func(i int) string {
		if keys[i] == "" {
			keys[i] = fold(s[ws[i].start:ws[i].end])
		}
		return keys[i]
	}
	for i := range ws {
		for _, p := range ps.byFirst[key(i)] {
			n := len(p.keys)
			if i+n > len(ws) || !p.matches(s, ws[i:i+n], key, i) {
				continue
			}
			start := ws[i].start
			if r, size := utf8.DecodeLastRuneInString(s[:start]); p.apostrophe && normRune(r) == '\'' {
				start -= size
			}
			c.add(Name, start, ws[i+n-1].end)
		}
	}
}

// matches reports whether the words ws, the first of which is word number
// first of the text, spell p.
func (p *namePattern) matches(s string, ws []word, key func(int) string, first int) bool {
	for t := range p.keys {
		if t > 0 {
			if key(first+t) != p.keys[t] || normGap(s[ws[t-1].end:ws[t].start]) != p.gaps[t-1] {
				return false
			}
		}
		if p.caps[t] && !isCapitalised(s[ws[t].start:ws[t].end]) {
			return false
		}
	}
	return true
}

// normGap normalises the text between two words of a name: a run of white
// space becomes one space, and typographic apostrophes and dashes become
// plain ones.
func normGap(g string) string {
	var b strings.Builder
	space := false
	for _, r := range g {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(normRune(r))
	}
	return b.String()
}

// normRune maps typographic apostrophes and dashes to plain ones.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '`', '´':
		return '\''
	case '‐', '‑', '–', '—':
		return '-'
	}
	return r
}

// accents maps accented Latin letters to their base letter.
var accents = func() map[rune]rune {
	m := map[rune]rune{}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăąǎ", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě",
		'g': "ĝğġģ", 'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ",
		'l': "ĺļľŀł", 'n': "ñńņňŉ", 'o': "òóôõöøōŏőǒ", 'r': "ŕŗř",
		's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűųǔ", 'w': "ŵ",
		'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// fold returns the form of a word that name matching compares: lower case,
// without the accents of Latin letters and without combining marks.
func fold(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if b := w[i]; b >= utf8.RuneSelf || isUpper(b) {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(unicode.ToUpper(r))
		if base, ok := accents[r]; ok {
			r = base
		}
		b.WriteRune(r)
	}
	return b.String()
}
