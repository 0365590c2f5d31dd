package casus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// handleCues are the platforms and words after which a user name follows:
// "Snapchat: lisa_x03", "haar insta is noor.xx", "gebruikersnaam
// dreamgirl". Keys are in lower case.
var handleCues = set(`
snapchat snap snapnaam instagram insta instanaam ig tiktok telegram whatsapp whatsapp-naam facebook fb
discord twitter onlyfans kik wickr signal threads twitch roblox fortnite
gebruikersnaam gebruikersnamen username usernaam accountnaam account profielnaam profiel nickname gamertag schermnaam
`)

// nameCues are the cues that say by themselves that a name follows,
// unlike a platform ("op Snapchat gezet").
var nameCues = set(`snapnaam instanaam whatsapp-naam gebruikersnaam gebruikersnamen username usernaam accountnaam profielnaam nickname gamertag schermnaam`)

// handleLinks are the words between a cue and the name: "Snapchat is
// lisa_x", "account onder de naam noor.xx", "op TikTok als dreamgirl".
var handleLinks = set(`is was heet heette luidt onder de het naam met als account profiel genaamd ze zij hij die zich`)

// findHandles reports user names on social media and chat services: an
// @name that is no part of an e-mail address, a name with an underscore
// ("lisa_x03"), and a name after a platform or a word such as
// "gebruikersnaam". After a platform the name must look like a user name
// (digits, an underscore, a dot or capitals inside it) unless a colon,
// quotes or a word such as "is" or "heet" introduce it; an ordinary word
// never counts then ("op Snapchat gezet", "Instagram: geen account").
func findHandles(c *collector, p *textScan) {
	s := c.s
	for i := 0; i < len(s); i++ {
		at := strings.IndexByte(s[i:], '@')
		if at < 0 {
			break
		}
		i += at
		if isWordRune(runeBefore(s, i)) {
			continue
		}
		if end := handleEnd(s, i+1); end-(i+1) >= 2 && hasLetter(s[i+1:end]) {
			c.add(Handle, i, end)
			i = end - 1
		}
	}
	for i := 0; i < len(p.ws); i++ {
		w := p.ws[i]
		if w.end < len(s) && s[w.end] == '_' {
			if b := runeBefore(s, w.start); b != '_' && b != '.' && b != '@' && !isWordRune(b) {
				if end := handleEnd(s, w.start); hasLower(s[w.start:end]) && !fileName(s[w.start:end]) {
					c.add(Handle, w.start, end) // "lisa_x03"
				}
			}
		}
		if p.trig[i]&trigHandleCue == 0 {
			continue
		}
		cue := p.lower(i)
		named := nameCues[cue]
		if i+1 < len(p.ws) && p.gap(i+1) == "-" && strings.EqualFold(p.text(i+1), "naam") {
			named = true // "WhatsApp-naam", "Telegram-naam"
			i++
		}
		if !handleCues[cue] || runeBefore(s, p.ws[i].start) == '[' {
			continue
		}
		p.handleAfter(c, i, named)
	}
}

// handleAfter reports the user name that follows the cue at word i.
func (p *textScan) handleAfter(c *collector, i int, named bool) {
	s := p.s
	introduced := named
	at := p.ws[i].end
	for k := 0; k < 6; k++ {
		j := skipSpaces(s, at, 3)
		switch {
		case j < len(s) && strings.IndexByte(":(\"'", s[j]) >= 0:
			introduced = true
			at = j + 1
			continue
		case strings.HasPrefix(s[j:], "‘") || strings.HasPrefix(s[j:], "“") || strings.HasPrefix(s[j:], "-"):
			_, size := utf8.DecodeRuneInString(s[j:])
			introduced = introduced || s[j] != '-'
			at = j + size
			continue
		}
		end := handleEnd(s, j)
		if end == j {
			return
		}
		tok := s[j:end]
		if handleLinks[strings.ToLower(tok)] && !strings.ContainsAny(tok, "._0123456789") {
			introduced = true
			at = end
			continue
		}
		if tok[0] == '@' || !hasLetter(tok) {
			return // an @name is found on its own
		}
		ordinary := p.isOrdinary(strings.ToLower(tok))
		if named {
			ordinary = p.l.isWord(tok) // "gebruikersnaam kleinemeid"
		}
		if handleLike(tok) || introduced && !ordinary && !notNames[fold(tok)] && !p.commonWord(tok) {
			c.add(Handle, j, end)
		}
		return
	}
}

// commonWord reports whether tok is a function word or a name that is
// also an ordinary word, which an introduced user name is not.
func (p *textScan) commonWord(tok string) bool {
	n := p.l.name(fold(tok))
	return n != nil && n.common
}

// handleEnd returns the end of a user name starting at s[i]: letters,
// digits, underscores, dots and dashes inside it; a dot at its end is
// punctuation.
func handleEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '@' && j == i {
			j += size
			continue
		}
		if !(isWordRune(r) || r == '_' || r == '.' || r == '-') {
			break
		}
		j += size
	}
	for j > i && (s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	return j
}

// handleLike reports whether tok looks like a user name rather than a
// word: it has a digit, an underscore or a dot, or a capital after a small
// letter ("xXLisaXx").
func handleLike(tok string) bool {
	if strings.ContainsAny(tok, "_.0123456789") {
		return true
	}
	lower := false
	for _, r := range tok {
		if unicode.IsLower(r) {
			lower = true
		} else if lower && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasLetter reports whether s has a letter.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// hasLower reports whether s has a small letter: "SCHAKEL_SMTP_HOST" is
// a setting, no user name.
func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// fileName reports whether tok ends in a file extension ("verslag_2024.pdf").
func fileName(tok string) bool {
	dot := strings.LastIndexByte(tok, '.')
	if dot < 0 {
		return false
	}
	switch strings.ToLower(tok[dot+1:]) {
	case "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "jpg", "jpeg", "png", "gif", "zip", "ppt", "pptx", "odt", "mp4", "heic":
		return true
	}
	return false
}
