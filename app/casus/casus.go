// Package casus guards the free text professionals type (case notes,
// minutes, actions, plans) before it is stored. Nothing in it may give a
// child away. Check finds the identifiers that would, in two tiers: certain
// ones (citizen service numbers, full dates and birthdays, addresses, phone
// numbers, e-mail addresses, bank accounts, licence plates), which are
// refused in every field, and probable ones (names, initials, schools,
// handles, streets without a number), which the writer confirms or removes.
//
// Before matching, the text is normalised: every dash (en dash, em dash,
// minus sign, non-breaking hyphen) reads as "-", every space (no-break,
// narrow, thin) as " ", zero-width characters and soft hyphens are ignored,
// full-width forms and digits of other scripts read as ASCII, Cyrillic and
// Greek letters that look Latin as Latin, and an O or l typed among digits
// ("O6-l2345678") as a digit. Case does not matter where writers vary it.
// Findings still quote the original text at its own offsets.
//
// The guard leans towards refusing: when a span looks like an identifier and
// passes its checksum or calendar test, it is reported, even if the writer
// meant something else (a full date of a meeting is reported like a date of
// birth). It deliberately lets pass what identifies no one: a year ("2024"),
// a month and year ("maart 2024"), a day and month ("op 12 maart") unless a
// birthday is spoken of, amounts, percentages, times, week numbers, ages,
// article numbers ("art. 273f Sr"), a year before an agency's abbreviation
// ("in 2023 JB"), a number followed by a count ("Kerkstraat 3 keer"),
// organisation numbers (088) and helplines (112, 113, 116 111, 0800, 0900),
// and the shared mailboxes of organisations (info@, meldpunt@ at their own
// domain).
//
// Choices a caller should know:
//   - A BSN is nine digits that pass the elfproef, written together or in
//     groups of two to five digits split by a space, dot or dash; or eight
//     such digits, which pass with a zero in front, when a BSN is named in
//     the words just before them (a spreadsheet drops the leading zero). A
//     number after a currency sign, before "euro" or with decimals reads as
//     an amount; after the name of another number ("KvK", "RSIN",
//     "zaaknummer") as that number, unless a BSN is named too.
//   - A date needs a day, a month and a year. Numeric dates are read day
//     first (12-03-2011, 12.03.11, 4-9-'15), year first when the year comes
//     first (2011-03-12), and, with slashes only, month first when day first
//     is no date (03/25/2011). Written months may be split off by spaces,
//     dashes, slashes or dots (12 mrt. 2011, 3-mrt-11, 12/mrt/2011, de 3e
//     van maart 2011). Four-digit years must lie in 1900–2099; two-digit
//     years count in numeric dates (with dots only after a two-digit day and
//     month, so that "versie 2.1.10" passes, unless a birth is named) and in
//     written ones as '11, between equal separators, or after "geboren".
//     After "geboren", "geb." or "geboortedatum" also eight or six digits in
//     a row (12032011, 120311) and a date split by spaces count. A day and
//     month without a year count when a birthday is spoken of: "jarig op 12
//     maart", "verjaardag 3-5", "wordt op 22 december 16".
//   - A full postcode (1234 AB, 1234ab, 1234-AB) is refused also without a
//     house number; the house number after it joins the finding, as does a
//     street and number before it. With small letters and a space (1234 ab),
//     or with digits that could be a year and letters of an agency or a word
//     in small letters after it, a postcode needs a house number, a place
//     next to it or a word such as "postcode" or "woont" before it. A street
//     address is a street name ending in a street word (Kerkstraat, Laan van
//     Meerdervoort, Oude Gracht, "Kerkstr."; in small letters too, when the
//     word is longer than the street word: "dorpsstraat 17") followed by a
//     house number; any name and number after "woont", "adres",
//     "verblijft" and the like ("woont op Rokin 75"); and the number before
//     the street ("nummer 14 van de Molenstraat"). A number followed by a
//     count ("3 keer", "2 agenten", "15-jarige") is no house number. Public
//     buildings are not told apart ("Stationsplein 1").
//   - Phone numbers are Dutch numbers of ten digits in the national form
//     (area codes 01–07, 084, 085, 087, 091), with any separators, the same
//     numbers after +31, (+31), 0031 or as 316... in a link, and numbers in
//     the international form (+32 (0)470 12 34 56, 0044 ...) of 9 to 15
//     digits.
//   - E-mail addresses are found also when written out against scrapers:
//     "naam at domein punt nl", "naam [at] domein [dot] com",
//     "naam(at)domein(punt)nl", "naam apenstaartje domein.nl"; with the plain
//     word "at" only when the address ends in a known top-level domain.
//   - Bank accounts are IBANs with valid check digits, in any case, grouped
//     by spaces, dashes or dots.
//   - Licence plates are the Dutch sidecodes 1 to 14 and the Belgian plate
//     (1-ABC-234): with two dashes always; without dashes (12ABC3) or with
//     spaces (12 ABC 3) when a vehicle is named just before them or, in
//     capitals, their letters are those Dutch plates use and no agency's.
//   - Names: see Check.
//   - Not recognised at all: user names on social media (@naam).
package casus

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind names a sort of identifier.
type Kind string

// The kinds of identifier Check reports.
const (
	// BSN is a citizen service number: nine digits passing the elfproef.
	BSN Kind = "bsn"
	// BirthDate is a full calendar date with day, month and year. Any such
	// date is reported, since a note cannot tell a birth date from another.
	BirthDate Kind = "date"
	// Postcode is a Dutch postcode, with or without a house number, or a
	// street address with a house number.
	Postcode Kind = "postcode"
	// Phone is a personal phone number.
	Phone Kind = "phone"
	// Email is an e-mail address.
	Email Kind = "email"
	// IBAN is an international bank account number with valid check digits.
	IBAN Kind = "iban"
	// Plate is a Dutch licence plate.
	Plate Kind = "plate"
	// Name is the name of a person known to the workspace.
	Name Kind = "name"
	// Initials are a person's initials ("J.v.d.B.", "JvdB").
	Initials Kind = "initials"
	// School is the name of a school or a class at one.
	School Kind = "school"
	// Handle is a user name on social media or a chat service.
	Handle Kind = "handle"
	// Street is a street named without a house number.
	Street Kind = "street"
)

// Tier says how sure the guard is that a finding gives someone away.
type Tier int

// Tiers of findings.
const (
	// Certain identifiers (BSN, IBAN, phone, e-mail, licence plate, postcode
	// or address with a house number, full dates) are refused in every
	// field.
	Certain Tier = iota
	// Probable identifiers (names, initials, schools, handles, streets
	// without a number) are shown before saving, masked; the writer removes
	// them, has them pseudonymised or confirms that they identify nobody.
	// Case notes refuse them too.
	Probable
)

// Tier is how sure a finding of this kind is.
func (k Kind) Tier() Tier {
	switch k {
	case Name, Initials, School, Handle, Street:
		return Probable
	}
	return Certain
}

// priority orders kinds for two overlapping candidates of equal length: the
// more specific, checksummed kind wins.
func (k Kind) priority() int {
	switch k {
	case Email:
		return 0
	case IBAN:
		return 1
	case BSN:
		return 2
	case Phone:
		return 3
	case BirthDate:
		return 4
	case Plate:
		return 5
	case Postcode:
		return 6
	case Handle, Initials, School, Street:
		return 7 // more specific than a name found in the same words
	default:
		return 8
	}
}

// Finding is one identifier found in a text.
type Finding struct {
	Kind  Kind
	Text  string // exactly text[Start:End]
	Start int    // byte offsets into the checked text
	End   int
}

// Tier is how sure the finding is.
func (f Finding) Tier() Tier { return f.Kind.Tier() }

// Masked returns the found text with every character but the first and the
// last replaced by '•', so that an error message can point at the identifier
// without repeating it ("123456782" becomes "1•••••••2"). Characters are
// runes; a text of one or two characters is returned as it is.
func (f Finding) Masked() string {
	s := f.Text
	if s == "" {
		return ""
	}
	_, first := utf8.DecodeRuneInString(s)
	_, last := utf8.DecodeLastRuneInString(s)
	if first >= len(s) || first+last > len(s) {
		return s
	}
	n := utf8.RuneCountInString(s[first : len(s)-last])
	return s[:first] + strings.Repeat("•", n) + s[len(s)-last:]
}

// Check returns every identifier in text, in order of appearance, without
// overlaps: when two candidates overlap the longer one is kept, and of two
// equally long ones the more specific kind (e-mail, IBAN, BSN, phone, date,
// plate, postcode, name, in that order).
//
// names are full names of people known to the workspace, e.g. "Anna de
// Vries" or "Mo Bakker". A full name is matched case-insensitively as whole
// words, with any run of white space between its words. Its first name (and
// any further given names) and its last name are matched on their own when
// they are written capitalised and are at least three letters long; a last
// name with a tussenvoegsel ("de Vries", "van der Berg") counts as one last
// name, whose tussenvoegsel may be written in either case ("De Vries"), and
// its bare surname ("Vries") is matched too when capitalised. Each part of a
// double name ("Anna-Lisa", "Bakker-de Vries") counts on its own as well. A
// name of one word is matched like a first name. Matching ignores the accents
// of Latin letters ("Zoe" matches "Zoë"). Empty names are ignored.
//
// Check never panics, whatever the input (invalid UTF-8 included), and takes
// time linear in the length of text and the number of names.
func Check(text string, names []string) []Finding {
	c := newCollector(text)
	findEmails(c)
	findIBANs(c)
	findBSNs(c)
	findPhones(c)
	findNumericDates(c)
	findBirthNumbers(c)
	findPlates(c)
	findPostcodes(c)
	buf := wordBufs.Get().(*[]word)
	defer func() { wordBufs.Put(buf) }()
	words := appendWords((*buf)[:0], c.s)
	*buf = words
	findTextDates(c, words)
	findWrittenEmails(c, words)
	findStreets(c, words)
	findCuedAddresses(c, words)
	if pats := compileNames(names); pats.n > 0 {
		findNames(c, words, pats)
	}
	findProbable(c, words)
	return c.resolve()
}

// wordBufs keeps the word lists of checks for the next: a long note has
// tens of thousands of words.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

// candidate is a possible finding before overlaps are resolved.
type candidate struct {
	kind       Kind
	start, end int
}

// collector gathers the candidates of every detector for one text. The
// detectors read s, the normalised text, and give offsets into it; resolve
// maps them back onto the original.
type collector struct {
	s     string
	orig  string
	norm  normalised
	cands []candidate
	runs  []word // the runs of ASCII digits in s, once asked for
}

// newCollector returns a collector for text.
func newCollector(text string) *collector {
	n := normalise(text)
	return &collector{s: n.s, orig: text, norm: n}
}

// add records text[start:end] as a candidate of kind k; spans out of range or
// empty are dropped, so that a detector's mistake cannot break an offset.
func (c *collector) add(k Kind, start, end int) {
	if start < 0 || end > len(c.s) || start >= end {
		return
	}
	c.cands = append(c.cands, candidate{k, start, end})
}

// resolve keeps the longest (then most specific, then earliest) of every set
// of overlapping candidates and returns them as findings in text order.
func (c *collector) resolve() []Finding {
	if len(c.cands) == 0 {
		return nil
	}
	slices.SortFunc(c.cands, func(a, b candidate) int {
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return lb - la
		}
		if pa, pb := a.kind.priority(), b.kind.priority(); pa != pb {
			return pa - pb
		}
		return a.start - b.start
	})
	taken := make([]uint64, len(c.s)/64+1)
	var kept []candidate
	for _, cd := range c.cands {
		if anySet(taken, cd.start, cd.end) {
			continue
		}
		setRange(taken, cd.start, cd.end)
		kept = append(kept, cd)
	}
	slices.SortFunc(kept, func(a, b candidate) int { return a.start - b.start })
	out := make([]Finding, 0, len(kept))
	for _, cd := range kept {
		start := c.norm.origStart(cd.start)
		end := c.norm.origEnd(start, cd.end, c.orig)
		if start < end {
			out = append(out, Finding{Kind: cd.kind, Text: c.orig[start:end], Start: start, End: end})
		}
	}
	return out
}

// anySet reports whether a bit in [start, end) is set.
func anySet(bits []uint64, start, end int) bool {
	for i := start; i < end; {
		if i%64 == 0 && end-i >= 64 {
			if bits[i/64] != 0 {
				return true
			}
			i += 64
			continue
		}
		if bits[i/64]&(1<<(i%64)) != 0 {
			return true
		}
		i++
	}
	return false
}

// setRange sets the bits in [start, end).
func setRange(bits []uint64, start, end int) {
	for i := start; i < end; i++ {
		bits[i/64] |= 1 << (i % 64)
	}
}

// Text helpers shared by the detectors. Offsets are byte offsets; runeBefore
// and runeAt return -1 at the ends of the text and utf8.RuneError for invalid
// bytes, neither of which is a letter or digit.

func runeBefore(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAt(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isWordRune reports whether r belongs to a word: a letter, digit or mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && (isDigit(byte(r)) || isLetter(byte(r)))
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// wordBefore and wordAt report whether a word character touches offset i.
func wordBefore(s string, i int) bool { return isWordRune(runeBefore(s, i)) }
func wordAt(s string, i int) bool     { return isWordRune(runeAt(s, i)) }

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isUpper(b byte) bool  { return 'A' <= b && b <= 'Z' }
func isLower(b byte) bool  { return 'a' <= b && b <= 'z' }
func isLetter(b byte) bool { return isUpper(b) || isLower(b) }
func isAlnum(b byte) bool  { return isDigit(b) || isLetter(b) }

// digitAt reports whether s[i] is an ASCII digit.
func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && isDigit(s[i]) }

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// spaceAt returns the length of the horizontal space (space, tab or no-break
// space) at s[i], or 0.
func spaceAt(s string, i int) int {
	if i < 0 || i >= len(s) {
		return 0
	}
	switch {
	case s[i] == ' ' || s[i] == '\t':
		return 1
	case s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
		return 2
	}
	return 0
}

// skipSpaces skips at most max horizontal spaces from i and returns the new
// offset.
func skipSpaces(s string, i, max int) int {
	for n := 0; n < max; n++ {
		w := spaceAt(s, i)
		if w == 0 {
			break
		}
		i += w
	}
	return i
}
