package casus

import (
	"strings"
	"unicode/utf8"
)

// titleBefore reports whether word i follows the name of an organisation,
// a brand or a title ("Google Authenticator", "Politie Rotterdam-Rijnmond")
// or an ordinary word and "van" ("Verdrag van Lanzarote", "Raad van
// State").
func (p *textScan) titleBefore(i int) bool {
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

// placeBefore reports whether the word before word i puts a place or an
// organisation after it: "in Zoetermeer", "uit Almere", "gemeente
// Havenstad", "zorgaanbieder Levvel".
func (p *textScan) placeBefore(i int) bool {
	if i == 0 {
		return false
	}
	if i >= 2 && len(p.text(i-1)) == 2 && allCaps(p.text(i-1)) && len(p.text(i-2)) == 4 && isDigitWord(p.text(i-2)) {
		return true // the town after a postcode: "7201 HN Zutphen"
	}
	return placeWords[p.lower(i-1)]
}

// inTitle reports whether word i goes on a name in capitals that is no
// person's ("Child Protection Board", "Public Prosecution Service"): the
// capitalised word before it inside the sentence is no person.
func (p *textScan) inTitle(i int) bool {
	if i == 0 || !joinGap(p.gap(i)) || !p.caps[i-1] || p.person[i-1] || p.sentenceStart(i-1) {
		return false
	}
	return !p.eligible(i-1) || p.ordinary(i-1) || !p.listedName(i-1)
}

// calledAfter reports whether "genoemd" follows word i, as after a
// nickname: "wordt Snoepje genoemd", "wordt 'Prinses' genoemd".
func (p *textScan) calledAfter(i int) bool {
	if i+1 >= len(p.ws) {
		return false
	}
	g := strings.Trim(p.gap(i+1), "'\"’”")
	return (g == " " || g == "") && p.lower(i+1) == "genoemd"
}

// numberAfter reports whether a number follows word i, as after a street
// or a product ("Rokin 75", "Galaxy 9") and not after a person.
func (p *textScan) numberAfter(i int) bool {
	return i+1 < len(p.ws) && spaces(p.gap(i+1)) && isDigitWord(p.text(i+1))
}

// orgAround reports whether the name from word first to word last is an
// organisation's, whatever names are in it: a word such as "stichting" or
// "project" before it, or "Instituut" after it ("Stichting Jade",
// "Verwey-Jonker Instituut").
func (p *textScan) orgAround(first, last int) bool {
	return first > 0 && orgLeadWords[p.lower(first-1)] || orgAfter(p, last)
}

// domainAfter reports whether word i is the name of a website:
// "Helpwanted.nl", "Rijksoverheid.nl".
func (p *textScan) domainAfter(i int) bool {
	e := p.ws[i].end
	if e >= len(p.s) || p.s[e] != '.' || i+1 >= len(p.ws) || p.ws[i+1].start != e+1 {
		return false
	}
	switch p.lower(i + 1) {
	case "nl", "be", "com", "org", "net", "eu", "info", "nu":
		return true
	}
	return false
}

// englishTitle reports whether the words from first to last stand in a
// title in English, joined to another capitalised word by "of", "for" or
// "and": "Signs of Safety", "Board for Youth".
func (p *textScan) englishTitle(first, last int) bool {
	joins := func(w string) bool { return w == "of" || w == "for" || w == "and" || w == "the" }
	if first >= 2 && joins(p.text(first-1)) && spaces(p.gap(first)) && spaces(p.gap(first-1)) && p.caps[first-2] {
		return true
	}
	return last+2 < len(p.ws) && joins(p.text(last+1)) && spaces(p.gap(last+1)) && spaces(p.gap(last+2)) && p.caps[last+2]
}

// orgAfter reports whether the word after word i makes it part of an
// organisation's name: "Lindenhout Jeugdzorg", "Kompaan Groep".
func orgAfter(p *textScan, i int) bool {
	if i+1 >= len(p.ws) || !joinGap(p.gap(i+1)) {
		return false
	}
	return orgWords[p.lower(i+1)]
}

// cueBefore reports whether the words before word i mark it as a person:
// a kinship word ("zusje Jaimy", "moeder van Noor"), a nickname word
// ("roepnaam Kiki", "bijnaam is Kiki") or a form of address ("mevr.
// Bouzidi", "de heer El Idrissi").
func (p *textScan) cueBefore(i int) bool {
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
	case (prev == "zich" || prev == "haar" || prev == "hem") && b > 0 && spaces(p.gap(b)):
		return strings.HasPrefix(p.lower(b-1), "noem") // "noemt zich Dre", "noemen haar Prinses"
	}
	return false
}

// ageOrRoleAfter reports whether an age or a role follows word i: "(15)",
// "(15 jaar)", "(m, 15)", ", 15 jaar", "(zus)", "(jongere)".
func (p *textScan) ageOrRoleAfter(i int) bool {
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
func (p *textScan) possessive(i int) bool {
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
func (p *textScan) verbAfter(i int, weak bool) bool {
	j := i + 1
	if j >= len(p.ws) || !spaces(p.gap(j)) {
		return false
	}
	v := p.lower(j)
	return personVerbs[v] && (weak || !weakVerbs[v])
}

// kinAfter reports whether "en", a possessive and a kinship word follow
// word i: "Tigist en haar zusje", "Dex en zijn vriendin".
func (p *textScan) kinAfter(i int) bool {
	j := i + 1
	if j+2 >= len(p.ws) || !spaces(p.gap(j)) || !spaces(p.gap(j+1)) || !spaces(p.gap(j+2)) || p.lower(j) != "en" {
		return false
	}
	switch p.lower(j + 1) {
	case "haar", "zijn", "hun", "her", "his":
		return kinWords[p.lower(j+2)]
	}
	return false
}

// articleBefore reports whether an article stands right before word i,
// as in the names of organisations and places ("De Linde", "Het Baken").
func (p *textScan) articleBefore(i int) bool {
	if i == 0 || !spaces(p.gap(i)) {
		return false
	}
	switch p.lower(i - 1) {
	case "de", "het", "een", "t", "the", "a", "an":
		return true
	}
	return false
}

// listedWithPerson reports whether word i is joined to a person by "en",
// "&" or a comma: "Noor en Jaylano", "Jaylano, Noor".
func (p *textScan) listedWithPerson(i int) bool {
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
func (p *textScan) nameStartBefore(j int) int {
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
