package casus

import "strings"

// streetLast are the last letters of streetWords.
var streetLast = func() [256]bool {
	var m [256]bool
	for _, e := range streetWords {
		m[e[len(e)-1]] = true
	}
	return m
}()

// streetHeads start street names made of a street word and a name:
// "Laan van Meerdervoort", "Plein 1944", "Kade Oost".
var streetHeads = set(`laan plein kade weg dijk singel gracht straat dreef`)

// bareStreetWords are street words that make a street name after a
// capitalised word: "Oude Gracht", "Grote Markt", "Nieuwe Haven".
var bareStreetWords = set(`gracht markt haven wal dijk kade singel laan weg plein straat dreef steeg`)

// streetPrepositions are the words before "de" that put a street after
// them in lower case too: "woont aan de kerkstraat", "op de molenweg".
var streetPrepositions = set(`aan in op bij naar van via langs over uit richting`)

// findBareStreets reports streets named without a house number:
// "Kerkstraat", "Burgemeester de Withstraat", "Laan van Meerdervoort", and
// in lower case after "aan de", "in de", "op de" ("woont aan de
// kerkstraat"). A street with a house number is an address and found as
// such (a longer finding wins). Ordinary words with a street ending
// ("supermarkt", "snelweg", "loopbaan") and names on the name list are no
// streets unless "aan de" or the like puts them there.
func findBareStreets(c *collector, p *textScan) {
	for i := range p.ws {
		w, t := p.text(i), p.trig[i]
		capital := p.caps[i]
		placed := i >= 2 && p.text(i-1) == "de" && p.streetPlaced(i)
		if !capital && !placed {
			continue
		}
		lw := p.lower(i)
		switch {
		case capital && t&trigStreetHead != 0 && i+2 < len(p.ws) && strings.EqualFold(p.text(i+1), "van") &&
			joinGap(p.gap(i+1)) && joinGap(p.gap(i+2)) && p.caps[i+2]:
			c.add(Street, p.ws[i].start, p.ws[p.nameEnd(i+2)].end) // "Laan van Meerdervoort"
		case capital && t&trigBareStreet != 0 && i > 0 && joinGap(p.gap(i)) && p.caps[i-1] &&
			!notNames[p.key(i-1)] && !p.articleBefore(i):
			c.add(Street, p.ws[p.streetNameStart(i)].start, p.ws[i].end) // "Oude Gracht", "Grote Markt"
		case !streetWord(lw) || nonStreets[lw] || notNames[p.key(i)]:
		case capital:
			if !placed && p.listedName(i) || p.sentenceStart(i) && p.l.isWord(lw) {
				continue // "Hoogendijk" the surname, "Dorpsstraat" the word
			}
			c.add(Street, p.ws[p.streetNameStart(i)].start, p.ws[i].end)
		case !allCaps(w):
			c.add(Street, p.ws[i].start, p.ws[i].end)
		}
	}
}

// streetTitles start street names: "Burgemeester de Withstraat", "Prins
// Hendrikkade", "Dokter Zamenhofstraat".
var streetTitles = set(`burgemeester prins prinses koning koningin dokter dr generaal graaf gravin sint pater pastoor
professor prof kapitein admiraal kolonel luitenant ridder jonkheer meester mr`)

// nonStreets are words with a street ending that name no street, which
// the word list does not have as they are compounds.
var nonStreets = set(`
supermarkt vismarkt weekmarkt jaarmarkt rommelmarkt vlooienmarkt kerstmarkt arbeidsmarkt woningmarkt
huizenmarkt drugsmarkt snelweg autosnelweg zijweg terugweg heenweg omweg uitweg fietspad voetpad wandelpad
loopbaan achtbaan glijbaan ijsbaan rijbaan busbaan renbaan atletiekbaan zijstraat winkelstraat woonstraat
gerechtshof binnenhof kinderdijk voetbalkanaal youtubekanaal tiktokkanaal parkeerhaven jachthaven zeehaven
binnenhaven autoweg zandweg vluchtstrook speelstraat
`)

// streetWord reports whether w, in lower case, ends in a street word with
// at least three letters before it.
func streetWord(w string) bool {
	if len(w) < 5 || !streetLast[w[len(w)-1]] {
		return false
	}
	for _, e := range streetWords {
		if rest, ok := strings.CutSuffix(w, e); ok && len(rest) >= 3 && rest[len(rest)-1] != '-' {
			return true
		}
	}
	return false
}

// streetPlaced reports whether "aan de", "in de", "op de" or the like
// stand before word i.
func (p *textScan) streetPlaced(i int) bool {
	if i < 2 || !spaces(p.gap(i)) || !spaces(p.gap(i-1)) {
		return false
	}
	return strings.EqualFold(p.text(i-1), "de") && streetPrepositions[p.lower(i-2)]
}

// streetNameStart returns the first word of the street name whose street
// word is word k: capitalised words before it belong to it ("Burgemeester
// de Withstraat", "Prins Hendrikkade"), tussenvoegsels only between two of
// them; an ordinary word that starts a sentence does not.
func (p *textScan) streetNameStart(k int) int {
	start := k
	for b := k - 1; b >= 0 && k-b <= 3; b-- {
		if !joinGap(p.gap(b + 1)) {
			break
		}
		w := p.text(b)
		switch {
		case w == "de" || w == "van" || w == "der" || w == "den" || w == "t":
		case streetTitles[p.key(b)] || isCapitalised(w) && !notNames[p.key(b)] && !(p.sentenceStart(b) && p.l.isWord(w) && !p.listedName(b)):
			start = b
		default:
			return start
		}
	}
	return start
}
