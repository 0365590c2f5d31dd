package casus

import "strings"

// plateShapes are the shapes of licence plates, L a letter and D a digit:
// the Dutch sidecodes 1 to 14 and the Belgian plate of 2010 (1-ABC-234).
var plateShapes = map[string]bool{
	"LL-DD-DD": true, "DD-DD-LL": true, "DD-LL-DD": true, "LL-DD-LL": true,
	"LL-LL-DD": true, "DD-LL-LL": true, "DD-LLL-D": true, "D-LLL-DD": true,
	"LL-DDD-L": true, "L-DDD-LL": true, "LLL-DD-L": true, "L-DD-LLL": true,
	"D-LL-DDD": true, "DDD-LL-D": true,
	"D-LLL-DDD": true, // Belgian
}

// undashedShapes are the plate shapes without their dashes.
var undashedShapes = func() map[string]bool {
	m := map[string]bool{}
	for shape := range plateShapes {
		m[strings.ReplaceAll(shape, "-", "")] = true
	}
	return m
}()

// plateLetters are the letters Dutch plates use: no vowels, no C, Q or W.
const plateLetters = "BDFGHJKLMNPRSTVXZ"

// vehicleCues are words that announce a licence plate.
var vehicleCues = words(`kenteken kentekens kentekenplaat kentekennummer nummerbord
	nummerplaat plaat auto auto's wagen busje bus bestelbus bestelwagen scooter brommer
	motor motorfiets taxi voertuig car vehicle plate registration rijdt reed bmw audi
	mercedes golf polo volvo opel toyota tesla peugeot renault ford volkswagen vw seat
	skoda kia fiat citroën citroen`)

// findPlates reports licence plates in three notations: with two dashes
// (12-ABC-3, any case), without them (12ABC3) and with spaces (12 ABC 3).
// Without dashes a plate is taken when its letters are capitals that Dutch
// plates use, or when a vehicle is named just before it ("kenteken",
// "auto", "scooter"); with spaces, only in capitals, and only after such a
// word unless its letters are plate letters and no agency's abbreviation.
// Belgian plates need capitals or a vehicle named before them.
func findPlates(c *collector) {
	s := c.s
	done := 0
	for _, r := range c.digitRuns() {
		if r.start < done {
			continue
		}
		// The word of letters, digits and dashes that holds the digits.
		i, j := r.start, r.end
		for i > 0 && r.start-i < 16 && (isAlnum(s[i-1]) || s[i-1] == '-') {
			i--
		}
		for j < len(s) && j-r.start < 16 && (isAlnum(s[j]) || s[j] == '-') {
			j++
		}
		done = j
		plateToken(c, i, j)
		// A spaced plate may begin with letters: "JX 385 P".
		if i >= 2 && s[i-1] == ' ' && isLetter(s[i-2]) {
			k := i - 2
			for k > 0 && i-1-k < 4 && isLetter(s[k-1]) {
				k--
			}
			if i-1-k <= 3 {
				plateToken(c, k, i-1)
			}
		}
	}
}

// plateToken reports the plate that starts with the word s[i:j], if any.
func plateToken(c *collector, i, j int) {
	s := c.s
	if wordBefore(s, i) || s[i] == '-' || wordAt(s, j) || s[j-1] == '-' || (j < len(s) && s[j] == '-') {
		return
	}
	switch strings.Count(s[i:j], "-") {
	case 2:
		if plateShapes[shapeOf(s[i:j])] && (j-i == 8 || plateCapitals(s, i, j)) {
			c.add(Plate, i, j)
		}
	case 0:
		if end, ok := plateWithout(s, i, j); ok {
			c.add(Plate, i, end)
		}
	}
}

// shapeOf returns the shape of v: L for a letter, D for a digit.
func shapeOf(v string) string {
	b := make([]byte, len(v))
	for k := 0; k < len(v); k++ {
		switch {
		case isDigit(v[k]):
			b[k] = 'D'
		case isLetter(v[k]):
			b[k] = 'L'
		default:
			b[k] = v[k]
		}
	}
	return string(b)
}

// plateWithout reads a plate without dashes that starts with the word
// s[i:j]: the word alone (12ABC3) or the word and the next two, split by
// single spaces (12 ABC 3). It returns the plate's end.
func plateWithout(s string, i, j int) (int, bool) {
	var g [3]word // the groups of letters and of digits
	n := 0
	start := i
	for k := i + 1; k <= j; k++ {
		if k == j || isDigit(s[k]) != isDigit(s[k-1]) {
			if n == len(g) {
				return 0, false
			}
			g[n] = word{start, k}
			n++
			start = k
		}
	}
	end, spaced := j, false
	if n == 1 {
		if j-i > 3 {
			return 0, false
		}
		k := j
		for n < 3 && k+1 < len(s) && s[k] == ' ' && isAlnum(s[k+1]) && isDigit(s[k+1]) != isDigit(s[k-1]) {
			e := k + 1
			for e < len(s) && isAlnum(s[e]) && isDigit(s[e]) == isDigit(s[k+1]) && e-k <= 4 {
				e++
			}
			if wordAt(s, e) || (e < len(s) && s[e] == '-') {
				break
			}
			g[n] = word{k + 1, e}
			n++
			k = e
		}
		if n != 3 {
			return 0, false
		}
		end, spaced = k, true
	}
	var buf [16]byte
	m := 0
	for x := 0; x < n; x++ {
		if x > 0 && spaced {
			buf[m] = '-'
			m++
		}
		kind := byte('D')
		if isLetter(s[g[x].start]) {
			kind = 'L'
		}
		for k := g[x].start; k < g[x].end; k++ {
			if m == len(buf) {
				return 0, false
			}
			buf[m] = kind
			m++
		}
	}
	shape := buf[:m]
	if spaced && !plateShapes[string(shape)] || !spaced && !undashedShapes[string(shape)] {
		return 0, false
	}
	if cueBefore(s, i, 6, &vehicleCues) {
		return end, true
	}
	if string(shape) == "DD-DD-LL" || string(shape) == "DDDDLL" {
		return 0, false // 1234 AB: a postcode
	}
	dutch := true
	for x := 0; x < n; x++ {
		v := s[g[x].start:g[x].end]
		if !isLetter(v[0]) {
			continue
		}
		if isAgency(v) || strings.ToUpper(v) != v {
			return 0, false
		}
		dutch = dutch && strings.Trim(v, plateLetters) == ""
	}
	if string(shape) == "D-LLL-DDD" || string(shape) == "DLLLDDD" {
		return end, !spaced // Belgian, in capitals
	}
	return end, dutch
}

// plateCapitals reports whether the letters of s[i:j] are capitals or a
// vehicle is named before it.
func plateCapitals(s string, i, j int) bool {
	v := s[i:j]
	return strings.ToUpper(v) == v || cueBefore(s, i, 6, &vehicleCues)
}
