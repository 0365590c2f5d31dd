package casus

import (
	"strings"
	"unicode/utf8"
)

// isLocalByte reports whether b may appear in the local part of an e-mail
// address as this guard reads it.
func isLocalByte(b byte) bool {
	return isAlnum(b) || strings.IndexByte("._%+-'", b) >= 0
}

// findEmails reports e-mail addresses: a local part, an @ and a domain of at
// least two labels whose last label has two or more letters. Letters outside
// ASCII count in both parts.
func findEmails(c *collector) {
	s := c.s
	for at := strings.IndexByte(s, '@'); at >= 0; {
		start := at
		for start > 0 {
			if b := s[start-1]; b < 0x80 {
				if !isLocalByte(b) {
					break
				}
				start--
				continue
			}
			r, w := utf8.DecodeLastRuneInString(s[:start])
			if !isWordRune(r) {
				break
			}
			start -= w
		}
		for start < at && strings.IndexByte(".'-", s[start]) >= 0 {
			start++
		}
		end := at + 1
		for end < len(s) {
			if b := s[end]; b < 0x80 {
				if !isAlnum(b) && b != '-' && b != '.' {
					break
				}
				end++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[end:])
			if !isWordRune(r) {
				break
			}
			end += w
		}
		for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
			end--
		}
		if start < at && validDomain(s[at+1:end]) && !isRoleAddress(s[start:at], s[at+1:end]) {
			c.add(Email, start, end)
		}
		next := strings.IndexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
}

// roleMailboxes are the local parts of an organisation's shared mailboxes.
var roleMailboxes = words(`info contact secretariaat meldpunt helpdesk servicedesk
	klantenservice receptie administratie privacy noreply no-reply support post postbus
	communicatie pers klachten aanmelden aanmelding intake planning wijkteam zorgloket
	loket vragen bestuur directie hr facturen frontoffice backoffice advies`)

// freeMailDomains are the providers where anyone can have an address.
var freeMailDomains = words(`gmail googlemail hotmail outlook live msn yahoo icloud me mac
	protonmail proton pm ziggo kpnmail kpnplanet planet home xs4all telfort tele2 upcmail
	casema chello hetnet quicknet gmx web aol mail yandex zonnet online hotmai hotmal`)

// isRoleAddress reports whether local@domain is an organisation's shared
// mailbox (info@, meldpunt@) at a domain of its own, which identifies
// nobody.
func isRoleAddress(local, domain string) bool {
	if !roleMailboxes.has(local) {
		return false
	}
	labels := strings.Split(lower(domain), ".")
	return len(labels) >= 2 && !freeMailDomains.has(labels[len(labels)-2])
}

// validDomain reports whether d has two or more non-empty labels and a last
// label of letters only, two at least.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
	}
	tld := labels[len(labels)-1]
	n := 0
	for _, r := range tld {
		if !isWordRune(r) || (r < 0x80 && !isLetter(byte(r))) {
			return false
		}
		n++
	}
	return n >= 2
}

// atWords are the words for the at sign besides "at".
var atWords = words(`apenstaartje apestaartje`)

// knownTLDs are the top-level domains a written-out address ("naam at
// domein punt nl") may end in; only with one does "at" read as an @.
var knownTLDs = words(`nl be com org net eu de fr uk co info biz io me tv nu online
	app live email ch at es it pl tr ma sr cw aw us ca gov edu`)

// findWrittenEmails reports e-mail addresses written so that scrapers miss
// them: "naam at domein punt nl", "naam [at] domein [dot] com",
// "naam(at)domein(punt)nl", "naam(a)domein.nl", "naam apenstaartje
// domein.nl", "naam @ domein.nl", "voornaam punt achternaam at domein punt
// com". Where "at" stands as a plain word the address must end in a known
// top-level domain, since "at" is also a Dutch verb ("zij at niets").
func findWrittenEmails(c *collector, ws []word) {
	s := c.s
	for _, w := range ws {
		switch n := w.end - w.start; {
		case n == 2 && strings.EqualFold(s[w.start:w.end], "at"):
			writtenEmailAt(c, w.start, w.end, true)
		case n >= 11 && n <= 12 && atWords.has(s[w.start:w.end]):
			writtenEmailAt(c, w.start, w.end, false)
		case n == 1 && (s[w.start] == 'a' || s[w.start] == 'A') && w.start >= 2 && w.end+1 < len(s) &&
			closes(s[w.start-1], s[w.end]) && isLocalByte(s[w.start-2]) && isAlnum(s[w.end+1]):
			writtenEmailAt(c, w.start, w.end, false) // naam(a)domein.nl
		}
	}
	for at := strings.IndexByte(s, '@'); at >= 0; {
		writtenEmailAt(c, at, at+1, false)
		next := strings.IndexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
}

// writtenEmailAt reads a written-out address around the at sign or word in
// s[start:end]; word is set when that is the word "at".
func writtenEmailAt(c *collector, start, end int, word bool) {
	s := c.s
	bare := s[start] == '@' // an at sign without brackets or spaces
	// A space on one side of a bare at sign only may be a handle after a
	// word ("noemt zichzelf @boss.man") as well as a slipped address
	// ("lisa_2009 @hotmail.com"): it counts as an address only with a
	// known top-level domain, as the word "at" does.
	lopsided := bare && (start > 0 && s[start-1] == ' ') != (end < len(s) && s[end] == ' ')
	if o, e := start-1, end; o >= 0 && e < len(s) {
		if s[o] == ' ' && s[e] == ' ' && o > 0 && e+1 < len(s) {
			o, e = o-1, e+1 // "( at )"
		}
		if closes(s[o], s[e]) {
			start, end, word, bare = o, e+1, false, false
		}
	}
	// The local part, with "punt" between its words when written out.
	lend := start
	for lend > 0 && start-lend < 2 && s[lend-1] == ' ' {
		lend--
	}
	lstart := localStart(s, lend)
	if lstart == lend {
		return
	}
	for n := 0; n < 3; n++ {
		e, ok := dotMarkerBefore(s, lstart)
		if !ok || localStart(s, e) == e {
			break
		}
		lstart = localStart(s, e)
	}
	// The domain: labels split by dots, written out or not.
	j := skipSpaces(s, end, 2)
	domain := j
	labels, literal := 0, true
	tld := ""
	for labels < 6 {
		le := labelEnd(s, j)
		if le == j {
			break
		}
		labels++
		tld, end = s[j:le], le
		next, lit, ok := dotMarkerAfter(s, le)
		if !ok || labelEnd(s, next) == next {
			break
		}
		literal = literal && lit
		j = next
	}
	if labels < 2 || !isTLD(tld) || bare && literal && lend == start && domain == start+1 {
		return // a plain address, which findEmails reads
	}
	if !knownTLDs.has(tld) && (word || lopsided || !literal) {
		return
	}
	if literal && isRoleAddress(s[lstart:lend], s[domain:end]) {
		return
	}
	c.add(Email, lstart, end)
}

// isTLD reports whether v may be a top-level domain: two to six letters.
func isTLD(v string) bool {
	if len(v) < 2 || len(v) > 6 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isLetter(v[i]) {
			return false
		}
	}
	return true
}

// closes reports whether open and shut are a pair of brackets.
func closes(open, shut byte) bool {
	switch open {
	case '[':
		return shut == ']'
	case '(':
		return shut == ')'
	case '{':
		return shut == '}'
	case '<':
		return shut == '>'
	}
	return false
}

// localStart returns where the local part of an address that ends at i
// begins, or i when there is none.
func localStart(s string, i int) int {
	j := i
	for j > 0 && i-j < 64 {
		if b := s[j-1]; b < utf8.RuneSelf {
			if !isLocalByte(b) {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !isWordRune(r) {
			break
		}
		j -= size
	}
	for j < i && strings.IndexByte(".'-", s[j]) >= 0 {
		j++
	}
	return j
}

// labelEnd returns the end of the domain label at s[i], or i.
func labelEnd(s string, i int) int {
	j := i
	for j < len(s) && j-i < 64 {
		if b := s[j]; b < utf8.RuneSelf {
			if !isAlnum(b) && !(b == '-' && j > i) {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		j += size
	}
	for j > i && s[j-1] == '-' {
		j--
	}
	return j
}

// dotWord reports whether w is a dot written as a word.
func dotWord(w string) bool {
	w = lower(w)
	return w == "punt" || w == "dot"
}

// dotMarkerAfter reads a dot after a domain label ending at i: ".", " . ",
// "punt", "dot", or one of them in brackets. It returns where the next label
// may begin and whether the dot was a plain full stop.
func dotMarkerAfter(s string, i int) (next int, literal, ok bool) {
	if i+1 < len(s) && s[i] == '.' && isAlnum(s[i+1]) {
		return i + 1, true, true
	}
	j := skipSpaces(s, i, 2)
	open := byte(0)
	if j < len(s) && strings.IndexByte("[({<", s[j]) >= 0 {
		open = s[j]
		j = skipSpaces(s, j+1, 1)
	}
	k := j
	if k < len(s) && s[k] == '.' {
		k++
	} else {
		for k < len(s) && isLetter(s[k]) && k-j < 4 {
			k++
		}
		if k == j || wordAt(s, k) || !dotWord(s[j:k]) {
			return 0, false, false
		}
	}
	if open != 0 {
		k = skipSpaces(s, k, 1)
		if k >= len(s) || !closes(open, s[k]) {
			return 0, false, false
		}
		k++
	} else if k == j+1 && s[j] == '.' && j == i {
		return 0, false, false // a full stop, then a space: the sentence ends
	}
	return skipSpaces(s, k, 2), false, true
}

// dotMarkerBefore reads a written dot ("punt", "dot", "[.]") that ends just
// before the local part word at i, and returns where the word before it
// ends.
func dotMarkerBefore(s string, i int) (int, bool) {
	j := i
	for j > 0 && i-j < 2 && s[j-1] == ' ' {
		j--
	}
	if j == i {
		return 0, false
	}
	shut := byte(0)
	if j > 0 && strings.IndexByte("])}>", s[j-1]) >= 0 {
		shut = s[j-1]
		j--
	}
	k := j
	for k > 0 && isLetter(s[k-1]) && j-k < 4 {
		k--
	}
	if k == j || wordBefore(s, k) || !dotWord(s[k:j]) {
		return 0, false
	}
	if shut != 0 {
		if k == 0 || !closes(s[k-1], shut) {
			return 0, false
		}
		k--
	}
	e := k
	for e > 0 && k-e < 2 && s[e-1] == ' ' {
		e--
	}
	if e == k {
		return 0, false
	}
	return e, true
}
