package casus

import "strings"

// digitGroup is a run of ASCII digits, s[start:end].
type digitGroup struct{ start, end int }

// numberSep returns the length of the separator at s[i] that may join two
// groups of digits into one number: a space, dot, dash or no-break space.
func numberSep(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '.', '-':
		return 1
	}
	return spaceAt(s, i)
}

// bsnCues are words that name a citizen service number.
var bsnCues = words(`bsn bsns burgerservicenummer burgerservicenummers burgerservicenr
	sofinummer sofinr sofi bsnnummer bsnnr citizen`)

// otherNumberCues name numbers of other sorts. A nine-digit number after one
// is taken for what it is said to be, unless a BSN is named too.
var otherNumberCues = words(`kvk rsin kenmerk zaaknummer zaaknr dossiernummer dossiernr
	registratienummer registratienr factuurnummer factuurnr ordernummer klantnummer
	polisnummer relatienummer agb ticketnummer referentie referentienummer rekestnummer
	parketnummer pv bvh ecli`)

// findBSNs reports nine-digit numbers that pass the elfproef, and
// eight-digit numbers that pass it with a zero in front when a BSN is named
// just before them (a spreadsheet drops the leading zero). A number is taken
// from a chain of digit groups joined by single separators: one group of
// nine (or eight) digits, or two to four adjacent groups of two to five
// digits each that hold the digits together (1234.56.782, 123 456 782).
func findBSNs(c *collector) {
	s := c.s
	var groups []digitGroup
	next := 0
	for _, r := range c.digitRuns() {
		if r.start < next {
			continue
		}
		i := r.start
		groups = groups[:0]
		j := i
		for {
			k := j
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			groups = append(groups, digitGroup{j, k})
			if w := numberSep(s, k); w > 0 && digitAt(s, k+w) {
				j = k + w
				continue
			}
			j = k
			break
		}
		for a := range groups {
			total := 0
			for b := a; b < len(groups) && b-a < 4; b++ {
				n := groups[b].end - groups[b].start
				if b > a || (n != 9 && n != 8) {
					if n < 2 || n > 5 {
						break
					}
				}
				total += n
				if total > 9 {
					break
				}
				if total < 8 {
					continue
				}
				start, end := groups[a].start, groups[b].end
				if isBSN(s, start, end, total) {
					c.add(BSN, start, end)
					break
				}
				if total == 9 {
					break
				}
			}
		}
		next = j
	}
}

// isBSN reports whether the digits in s[start:end], n of them, are a BSN.
func isBSN(s string, start, end, n int) bool {
	if amountContext(s, start, end) || wordAt(s, end) {
		return false
	}
	if wordBefore(s, start) && !glued(s, start) {
		return false // inside a code such as a VAT number: NL123456782B01
	}
	if n == 8 {
		return elfproef("0"+s[start:end]) && bsnNamed(s, start, 6)
	}
	return elfproef(s[start:end]) && (!cueBefore(s, start, 2, &otherNumberCues) || bsnNamed(s, start, 3))
}

// bsnNamed reports whether a BSN is named in the n words before offset i,
// also as "B.S.N.".
func bsnNamed(s string, i, n int) bool {
	if cueBefore(s, i, n, &bsnCues) {
		return true
	}
	before := strings.TrimSuffix(strings.TrimRight(s[max(i-8, 0):i], " :"), ".")
	return len(before) >= 5 && strings.EqualFold(before[len(before)-5:], "b.s.n")
}

// glued reports whether the word that runs into the number at s[i] is a
// BSN cue: "bsn123456782".
func glued(s string, i int) bool {
	j := i
	for j > 0 && i-j < 24 && isLetter(s[j-1]) {
		j--
	}
	return bsnCues.has(s[j:i])
}

// elfproef reports whether the nine digits in v (other bytes are skipped)
// pass the 11-test of the BSN: 9·d1 + 8·d2 + ... + 2·d8 − d9 ≡ 0 (mod 11),
// and are not all zero.
func elfproef(v string) bool {
	sum, n, nonzero := 0, 0, false
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			continue
		}
		d := int(v[i] - '0')
		if d != 0 {
			nonzero = true
		}
		if n < 8 {
			sum += (9 - n) * d
		} else {
			sum -= d
		}
		n++
	}
	return n == 9 && nonzero && sum%11 == 0
}

// amountContext reports whether the number s[start:end] reads as an amount
// or a decimal: after a currency sign, before "euro", or with decimals after
// a comma.
func amountContext(s string, start, end int) bool {
	if end+1 < len(s) && s[end] == ',' && (isDigit(s[end+1]) || s[end+1] == '-') {
		return true
	}
	if j := skipSpaces(s, end, 1); hasPrefixFold(s[j:], "euro") || hasPrefixFold(s[j:], "eur") && !wordAt(s, j+3) {
		return true
	}
	if start >= 2 && s[start-1] == ',' && isDigit(s[start-2]) {
		return true
	}
	i := start
	if i > 0 && s[i-1] == ' ' {
		i--
	}
	r := runeBefore(s, i)
	return r == '€' || r == '$' || r == '£'
}

// ibanLengths holds the length of the IBAN of each country in the ISO 13616
// registry. An IBAN of a country not listed is accepted at any length from
// 15 to 34 when its country code is written in capitals.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
	"BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22,
	"CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20,
	"EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22,
	"GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28,
	"IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30,
	"KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
	"MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
	"PL": 28, "PS": 29, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
	"SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23,
	"ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22,
	"VG": 24, "XK": 20, "YE": 30,
}

// ibanSep returns the length of a separator between the groups of an IBAN
// at s[i]: one or two spaces, or a dash or dot with at most a space on either
// side; 0 unless a letter or digit follows.
func ibanSep(s string, i int) int {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && (s[j] == '-' || s[j] == '.' || s[j] == ' ') {
		j++
		if j < len(s) && s[j] == ' ' && s[j-1] != ' ' {
			j++
		}
	}
	if j == i || j >= len(s) || !isAlnum(s[j]) {
		return 0
	}
	return j - i
}

// findIBANs reports IBANs, written together or in groups split by spaces,
// dashes or dots, in upper or lower case, whose check digits pass ISO 13616
// mod-97.
func findIBANs(c *collector) {
	s := c.s
	var chars []byte
	var ends []int // ends[k] is the offset just after chars[k]
	for i := 0; i+4 <= len(s); i++ {
		if !isLetter(s[i]) || !isLetter(s[i+1]) || i > 0 && isAlnum(s[i-1]) {
			continue
		}
		if !isDigit(s[i+2]) && !(ibanSep(s, i+2) > 0 && digitAt(s, i+2+ibanSep(s, i+2))) {
			continue // no check digits after the country code
		}
		if wordBefore(s, i) {
			continue
		}
		chars, ends = chars[:0], ends[:0]
		for j := i; j < len(s) && len(chars) < 34; {
			if isAlnum(s[j]) {
				chars = append(chars, upper(s[j]))
				j++
				ends = append(ends, j)
				if len(chars) <= 4 && len(chars) > 2 && !isDigit(chars[len(chars)-1]) {
					break // no check digits: not an IBAN
				}
				continue
			}
			if w := ibanSep(s, j); w > 0 {
				j += w
				continue
			}
			break
		}
		if len(chars) < 15 || !isDigit(chars[2]) || !isDigit(chars[3]) {
			continue
		}
		cc := string(chars[:2])
		lengths := []int{ibanLengths[cc]}
		if lengths[0] == 0 {
			if !isUpper(s[i]) || !isUpper(s[i+1]) {
				continue
			}
			lengths = lengths[:0]
			for n := len(chars); n >= 15; n-- {
				lengths = append(lengths, n)
			}
		}
		for _, n := range lengths {
			if n > len(chars) || wordAt(s, ends[n-1]) || !mod97(chars[:n]) {
				continue
			}
			c.add(IBAN, i, ends[n-1])
			i = ends[n-1] - 1
			break
		}
	}
}

func upper(b byte) byte {
	if isLower(b) {
		return b - 'a' + 'A'
	}
	return b
}

// mod97 reports whether the IBAN v (upper-case letters and digits) has valid
// check digits: moved behind the rest and read as a number, letters as
// 10–35, it leaves 1 after division by 97.
func mod97(v []byte) bool {
	if len(v) < 5 {
		return false
	}
	r := 0
	for k := range v {
		b := v[(k+4)%len(v)]
		switch {
		case isDigit(b):
			r = (r*10 + int(b-'0')) % 97
		case isUpper(b):
			r = (r*100 + int(b-'A'+10)) % 97
		default:
			return false
		}
	}
	return r == 1
}
