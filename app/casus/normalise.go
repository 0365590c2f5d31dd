package casus

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// The detectors read a normalised copy of the text, in which the characters
// that word processors, phones and copy-paste put in place of plain ones are
// plain again: every sort of dash is "-", every sort of space " ", invisible
// characters are gone, digits of other scripts and full-width forms are
// ASCII, Cyrillic and Greek letters that look Latin are Latin, and an O or l
// typed among digits ("O6-l2345678") is a digit. Findings are mapped back
// onto the original text, so that they quote it exactly.

// normalised is the text the detectors read and, when it differs in length
// from the original, where its bytes came from.
type normalised struct {
	s string
	// anchors hold, in order, the offsets in s and in the original text
	// at which the two start to agree again after a character was
	// replaced by a shorter one or dropped; between anchors the texts agree
	// byte for byte. Empty when every offset is the same in both.
	anchors []anchor
}

// anchor is a pair of offsets, in the normalised and the original text,
// that correspond.
type anchor struct{ norm, orig int32 }

// normalise returns the normalised form of text; see above.
func normalise(text string) normalised {
	var b []byte // the normalised text, once it differs from text
	var anchors []anchor
	done := 0 // text[:done] is in b
	for j := 0; j < len(text); {
		if text[j] < utf8.RuneSelf {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		m := r
		if r != utf8.RuneError || size > 1 {
			m = plainRune(r)
		}
		if m == r {
			j += size
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(text))
		}
		b = append(b, text[done:j]...)
		if m != dropped {
			b = utf8.AppendRune(b, m) // always ASCII: one byte
		}
		j += size
		done = j
		at := anchor{int32(len(b)), int32(j)}
		if n := len(anchors); n > 0 && anchors[n-1].norm == at.norm {
			anchors[n-1] = at
		} else {
			anchors = append(anchors, at)
		}
	}
	if b == nil {
		if !hasLookalikeDigits(text) {
			return normalised{s: text}
		}
		b = []byte(text)
	} else {
		b = append(b, text[done:]...)
	}
	fixLookalikeDigits(b)
	return normalised{s: string(b), anchors: anchors}
}

// dropped marks a character that normalisation removes.
const dropped = -2

// plainRune returns the plain form of r, r itself, or dropped.
func plainRune(r rune) rune {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u180e':
		return dropped // soft hyphen, zero-width characters
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212',
		'\u2043', '\ufe58', '\ufe63', '\u02d7', '\u2e3a', '\u2e3b':
		return '-'
	case '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000':
		return ' '
	case '\u2028', '\u2029', '\u0085':
		return '\n'
	case '\u2018', '\u2019', '\u201b', '\u02bc', '\u00b4', '\u2032':
		return '\''
	case '\u2024', '\u3002', '\uff61':
		return '.'
	case '\u2044', '\u2215':
		return '/'
	case '\ufe6b':
		return '@'
	}
	switch {
	case r >= '\u2000' && r <= '\u200a':
		return ' '
	case r >= '\uff01' && r <= '\uff5e':
		return r - 0xfee0 // full-width ASCII
	}
	if l, ok := lookalikes[r]; ok {
		return l
	}
	if r > '9' && unicode.IsDigit(r) {
		return digitValue(r)
	}
	return r
}

// lookalikes are Cyrillic and Greek letters written like a Latin one.
var lookalikes = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O',
	'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J',
	'Ѕ': 'S', 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y',
	'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q',
	'ԝ': 'w', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I',
	'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y',
	'Χ': 'X', 'ο': 'o', 'ν': 'v', 'ρ': 'p',
}

// digitValue returns the ASCII digit of a decimal digit of another script.
// Unicode keeps every script's digits together, zero to nine, so the range
// of unicode.Nd that holds r tells its value.
func digitValue(r rune) rune {
	if r <= 0xffff {
		t := unicode.Nd.R16
		k := sort.Search(len(t), func(i int) bool { return rune(t[i].Hi) >= r })
		if k < len(t) && rune(t[k].Lo) <= r {
			return '0' + (r-rune(t[k].Lo))%10
		}
		return r
	}
	t := unicode.Nd.R32
	k := sort.Search(len(t), func(i int) bool { return rune(t[i].Hi) >= r })
	if k < len(t) && rune(t[k].Lo) <= r {
		return '0' + (r-rune(t[k].Lo))%10
	}
	return r
}

// isLookalikeDigit reports whether b is a letter often typed for a digit:
// O or o for 0, l or I for 1.
func isLookalikeDigit(b byte) bool { return b == 'O' || b == 'o' || b == 'l' || b == 'I' }

// lookalikeRuns calls f for every run of digits and look-alike letters that
// stands free of other letters and holds at least as many digits as
// look-alikes and one of each: "O6", "2O11", "l2345678", not "Olaf" or "lol".
func lookalikeRuns[T string | []byte](s T, f func(start, end int)) {
	end := 0
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) || k < end {
			continue
		}
		i, j := k, k
		for i > end && (isDigit(s[i-1]) || isLookalikeDigit(s[i-1])) {
			i--
		}
		digits, looks := 0, 0
		for j < len(s) && (isDigit(s[j]) || isLookalikeDigit(s[j])) {
			if isDigit(s[j]) {
				digits++
			} else {
				looks++
			}
			j++
		}
		looks += k - i
		end = j
		free := (i == 0 || !isLetter(s[i-1]) && s[i-1] < utf8.RuneSelf) &&
			(j == len(s) || !isLetter(s[j]) && s[j] < utf8.RuneSelf)
		if free && looks > 0 && digits >= looks {
			f(i, j)
		}
	}
}

// hasLookalikeDigits reports whether s has a run lookalikeRuns would fix.
func hasLookalikeDigits(s string) bool {
	found := false
	lookalikeRuns(s, func(int, int) { found = true })
	return found
}

// fixLookalikeDigits turns the look-alike letters of every run into digits.
func fixLookalikeDigits(b []byte) {
	lookalikeRuns(b, func(start, end int) {
		for k := start; k < end; k++ {
			switch b[k] {
			case 'O', 'o':
				b[k] = '0'
			case 'l', 'I':
				b[k] = '1'
			}
		}
	})
}

// orig returns the offset in the original text of offset i of s.
func (n normalised) orig(i int) int {
	k := sort.Search(len(n.anchors), func(k int) bool { return int(n.anchors[k].norm) > i })
	if k == 0 {
		return i
	}
	a := n.anchors[k-1]
	return int(a.orig) + i - int(a.norm)
}

// origStart returns the offset in the original text of byte i of s.
func (n normalised) origStart(i int) int { return n.orig(i) }

// origEnd returns the offset in the original text that ends a span of s
// from start to i (start already mapped): after the character that made
// byte i-1, without the invisible characters that followed it.
func (n normalised) origEnd(start, i int, orig string) int {
	end := n.orig(i)
	if len(n.anchors) == 0 {
		return end
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(orig[:end])
		if plainRune(r) != dropped {
			break
		}
		end -= size
	}
	return end
}
