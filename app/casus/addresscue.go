package casus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Addresses that findStreets does not see by their street word alone: a
// street in small letters ("dorpsstraat 17"), a street whose name has no
// street word ("woont op Rokin 75", "adres: Lange Voorhout 9"), and the
// house number before the street ("op nummer 14 van de Molenstraat").

// notStreets are words in small letters that end in a street word but name
// no street.
var notStreets = words(`snelweg zijweg spoorweg onderweg uitweg rijweg halfweg
	loopbaan rijbaan spoorbaan startbaan ijsbaan renbaan wielerbaan werkbaan
	fietspad voetpad wandelpad zandpad kerkhof gerechtshof binnenhof voorhof
	arbeidsmarkt woningmarkt huizenmarkt vrijmarkt weekmarkt kerstmarkt jaarmarkt
	luchthaven jachthaven zeehaven schoolplein speelplein marktplein
	pretpark attractiepark vakantiepark bungalowpark bedrijvenpark speelpark
	youtubekanaal telegramkanaal communicatiekanaal zijstraat winkelstraat
	toegangspoort hoofdpoort`)

// isLowerStreetWord reports whether w, in small letters, is a street name:
// a word that ends in a street word and is longer than it by three letters
// at least ("molenweg", not "weg" or "snelweg").
func isLowerStreetWord(w string) bool {
	if len(w) < 6 || !isLower(w[0]) {
		return false
	}
	sw := streetEnding(w)
	return sw != "" && len(w) >= len(sw)+3 && !notStreets.has(w)
}

// addressCues are words after which a name and a number are an address.
var addressCues = words(`adres woonadres postadres verblijfadres verblijfsadres huisadres
	woont woonde wonen woonachtig verblijft verbleef verblijven ingeschreven verhuisd
	verhuist logeert`)

// addressLinks are the words between an address cue and the street.
var addressLinks = words(`op aan in de het t te bij naar nu tegenwoordig sinds kort adres
	thans momenteel`)

// notStreetNames are words that, after an address cue and before a number,
// name something other than a street: "woont al 3 jaar", "verblijft op groep
// 3", "woont in kamer 12".
var notStreetNames = words(`al nog nu ook weer niet wel dan toen pas samen met bij zonder
	alleen thuis daar hier er een twee drie vier vijf ongeveer ruim bijna sinds vanaf tot
	per voor na om ca circa zo en of maar die dat deze dit zijn haar hun mijn onze
	in op aan te bij naar uit ergens buiten binnen boven onder achter naast tegenover
	groep klas kamer kamers afdeling unit leefgroep paviljoen verdieping etage hoog
	fase niveau week dag dagen nummer nr huisnummer regio wijk blok gebouw locatie
	plek school jaar jaren maand maanden moeder vader oma opa tante oom zus broer
	vriend vriendin pleeggezin pleegouders opvang instelling gezin familie hotel
	kamp azc bed bus lijn tram trein havo vwo vmbo mbo hbo mavo atheneum gymnasium
	leerjaar college lyceum roc praktijkonderwijs zie dossier bijlage pagina formulier
	systeem onbekend bekend geheim afgeschermd volgt`)

// findCuedAddresses reports an address announced by a word such as "woont"
// or "adres": up to four words after it, then a house number.
func findCuedAddresses(c *collector, ws []word) {
	s := c.s
	for k := range ws {
		w := s[ws[k].start:ws[k].end]
		switch {
		case len(w) < 2 || len(w) > 15:
		case addressCues.has(w):
			cuedAddress(c, ws, k)
		case numberCues.has(w):
			numberBeforeStreet(c, ws, k)
		}
	}
}

// numberCues are the words before a house number written before its street.
var numberCues = words(`nummer huisnummer nr huisnr`)

// cuedAddress reads the street and house number after the cue ws[k].
func cuedAddress(c *collector, ws []word, k int) {
	s := c.s
	e := k + 1
	for e < len(ws) && e-k <= 4 && cueGap(s[ws[e-1].end:ws[e].start]) && addressLinks.has(s[ws[e].start:ws[e].end]) {
		e++
	}
	first := e
	if first >= len(ws) || first-k > 4 || !cueGap(s[ws[first-1].end:ws[first].start]) {
		return
	}
	if numberThenStreet(c, ws, first) {
		return
	}
	for e < len(ws) && e-first < 4 {
		w := s[ws[e].start:ws[e].end]
		if e > first && !joinsName(s[ws[e-1].end:ws[e].start]) && !abbreviationGap(s, ws[e-1], ws[e]) {
			return
		}
		if r, _ := utf8.DecodeRuneInString(w); len(w) < 2 || !unicode.IsLetter(r) || strings.IndexFunc(w, isDigitRune) >= 0 {
			return
		}
		if notStreetNames.has(w) && !streetParticles[w] {
			return
		}
		j := ws[e].end
		if k2 := skipSpaces(s, j, 3); k2 > j {
			if _, _, pc := postcodeAt(s, k2); pc {
				return // the postcode is found on its own
			}
			if end, ok := houseNumberAfter(s, k2); ok {
				if y := atoi(s[k2:end]); y >= 1900 && y <= 2099 {
					return // "verhuisd naar Groningen 2019": a year
				}
				c.add(Postcode, ws[first].start, withPostcode(s, end))
				return
			}
		}
		e++
	}
}

// numberBeforeStreet reads an address written number first: "nummer 14 van
// de Molenstraat", "nr. 3 in de dorpsstraat". ws[k] is "nummer" or "nr".
func numberBeforeStreet(c *collector, ws []word, k int) {
	s := c.s
	i := ws[k].end
	if i < len(s) && s[i] == '.' {
		i++
	}
	j := skipSpaces(s, i, 3)
	end, ok := houseNumber(s, j)
	if !ok || j == i {
		return
	}
	e := k + 1
	for e < len(ws) && ws[e].start < end {
		e++
	}
	if e >= len(ws) || e-k > 3 {
		return
	}
	switch lower(s[ws[e].start:ws[e].end]) {
	case "van", "in", "aan", "op", "bij":
	default:
		return
	}
	e++
	if e < len(ws) && (streetParticles[s[ws[e].start:ws[e].end]]) {
		e++
	}
	for n := 0; e < len(ws) && n < 3; n++ {
		w := s[ws[e].start:ws[e].end]
		if isStreetWord(w) || isLowerStreetWord(w) {
			c.add(Postcode, ws[k].start, ws[e].end)
			return
		}
		if !isCapitalised(w) {
			return
		}
		e++
	}
}

// numberThenStreet reads an address after a cue written number first, as
// in English and in some notes: "woont 12a Molenstraat", "adres: 3
// Lange Nieuwstraat". ws[first] is the word after the cue and its links;
// it reports whether it found one.
func numberThenStreet(c *collector, ws []word, first int) bool {
	s := c.s
	end, ok := houseNumber(s, ws[first].start)
	if !ok {
		return false
	}
	e := first + 1
	for e < len(ws) && ws[e].start < end {
		e++
	}
	if e >= len(ws) || skipSpaces(s, end, 3) != ws[e].start || ws[e].start == end {
		return false
	}
	for n := 0; e < len(ws) && n < 3; n++ {
		w := s[ws[e].start:ws[e].end]
		if isStreetWord(w) || isLowerStreetWord(w) {
			c.add(Postcode, ws[first].start, withPostcode(s, ws[e].end))
			return true
		}
		if !isCapitalised(w) || (n > 0 && !joinsName(s[ws[e-1].end:ws[e].start])) {
			return false
		}
		e++
	}
	return false
}

// withPostcode returns the end of the postcode (and its place) that
// follows an address ending at end, or end.
func withPostcode(s string, end int) int {
	p := end
	if p < len(s) && s[p] == ',' {
		p++
	}
	if q := skipSpaces(s, p, 3); q > end {
		if pe, _, ok := postcodeAt(s, q); ok {
			return placeAfter(s, pe)
		}
	}
	return end
}

// cueGap reports whether g may stand between a cue and the next word: a
// space, with a colon or comma before it.
func cueGap(g string) bool {
	g = strings.TrimPrefix(strings.TrimPrefix(g, ":"), ",")
	return g != "" && len(g) <= 3 && skipSpaces(g, 0, 3) == len(g)
}

// abbreviationGap reports whether a full stop and a space after a short
// word join it to the next one, as in "Dr. Lelylaan" or "St. Jansstraat".
func abbreviationGap(s string, a, b word) bool {
	g := s[a.end:b.start]
	return a.end-a.start <= 3 && len(g) == 2 && g[0] == '.' && g[1] == ' '
}

// isDigitRune reports whether r is an ASCII digit.
func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }
