package service

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"schakel/app/casus"
)

// guestPersonName is the part of a guest's name, as typed on a meeting's
// list, that names a person, or "" when it names none. A guest is often
// put down by role or organisation ("Ervaringsdeskundige (gast)",
// "Jongerenwerker", "GGD"): such words would make the guard warn about
// every mention of a role. What is in brackets and role words are left
// out, and an organisation (an organisation word or an abbreviation) ends
// the name ("Iris namens GGD Kustland" is Iris; "GGD Kustland" nobody);
// what remains counts when every word of it looks like part of a name
// (capitalised letters, or a tussenvoegsel: "van der") and casus, which
// knows names and ordinary words, takes it for a person's name.
func guestPersonName(s string) string {
	var words []string
	for _, w := range strings.Fields(withoutBrackets(s)) {
		w = strings.Trim(w, ",;:·-–—/")
		if w == "" {
			continue
		}
		if isOrganisationWord(w) || casus.IsAbbreviation(w) {
			break
		}
		if !isRoleWord(w) {
			words = append(words, w)
		}
	}
	name := false
	for _, w := range words {
		switch {
		case isTussenvoegsel(w):
		case !looksLikeNamePart(w):
			return ""
		default:
			name = true
		}
	}
	joined := strings.Join(words, " ")
	if !name || !casus.LooksLikeName(joined) {
		return ""
	}
	return joined
}

// leadingNameEnd is where the name a guest's entry starts with ends: the
// words up to the first that is no part of a name (a role word, a word in
// lower case, something in brackets), a comma included. "Iris Smit (GGD)"
// starts with "Iris Smit"; "Moeder van Lisa" with no name at all.
func leadingNameEnd(s string) int {
	end, i := 0, 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if i == j {
			break
		}
		w := s[i:j]
		last := strings.HasSuffix(w, ",")
		w = strings.TrimRight(w, ",;:")
		if strings.HasPrefix(w, "(") || strings.HasPrefix(w, "[") || isRoleWord(w) || isOrganisationWord(w) ||
			!(isTussenvoegsel(w) || looksLikeNamePart(w)) {
			break
		}
		end = j
		if last {
			break
		}
		i = j
	}
	return end
}

// withoutBrackets drops what is between round or square brackets.
func withoutBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
			b.WriteByte(' ')
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// looksLikeNamePart reports whether w could be a given name or surname:
// letters (an apostrophe or hyphen between them), starting with a capital,
// and not all capitals.
func looksLikeNamePart(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsLetter(r), r == '-', r == '\'', r == '’', r == '.':
		default:
			return false
		}
	}
	return lower || utf8.RuneCountInString(w) <= 2
}

// isTussenvoegsel reports whether w is a particle of a Dutch surname.
func isTussenvoegsel(w string) bool {
	switch strings.ToLower(w) {
	case "van", "de", "der", "den", "het", "'t", "’t", "te", "ter", "ten", "in", "op", "onder", "bij", "aan", "uit", "la", "le", "du", "da", "di", "del", "el", "al", "von", "zu", "vd", "v.d.":
		return true
	}
	return false
}

// isRoleWord reports whether w names a role, a profession or an
// organisation rather than a person, in Dutch or English: whole words and
// the endings of compounds ("jongerenwerker", "ervaringsdeskundige").
func isRoleWord(w string) bool {
	l := strings.ToLower(strings.Trim(w, ".'’"))
	if roleWords[l] {
		return true
	}
	for _, end := range roleEndings {
		if strings.HasSuffix(l, end) {
			return true
		}
	}
	return false
}

// isOrganisationWord reports whether w names an organisation or leads to
// one ("namens", "vanuit").
func isOrganisationWord(w string) bool {
	l := strings.ToLower(strings.Trim(w, ".'’"))
	if organisationWords[l] {
		return true
	}
	for _, end := range organisationEndings {
		if strings.HasSuffix(l, end) {
			return true
		}
	}
	return false
}

var roleWords = map[string]bool{
	// Dutch roles and the words around them.
	"gast": true, "gasten": true, "namens": true, "vanuit": true, "en": true, "of": true,
	"agent": true, "wijkagent": true, "politie": true, "rechercheur": true, "officier": true, "justitie": true,
	"advocaat": true, "rechter": true, "voogd": true, "mentor": true, "docent": true, "leerkracht": true,
	"trainer": true, "trainster": true, "tolk": true, "notulist": true, "voorzitter": true, "spreker": true,
	"gastspreker": true, "onderzoeker": true, "arts": true, "huisarts": true, "psycholoog": true,
	"psychiater": true, "pedagoog": true, "orthopedagoog": true, "verpleegkundige": true, "consulent": true,
	"adviseur": true, "wethouder": true, "burgemeester": true, "ambtenaar": true, "stagiair": true,
	"stagiaire": true, "vrijwilliger": true, "vertegenwoordiger": true, "directeur": true, "manager": true,
	"teamleider": true, "leidinggevende": true, "coach": true, "begeleider": true, "hulpverlener": true,
	"maatschappelijk": true, "werker": true, "expert": true, "deskundige": true, "medewerker": true,
	"medewerkers": true, "collega": true, "coördinator": true, "coordinator": true, "regisseur": true, "observator": true,
	"moeder": true, "vader": true, "ouder": true, "ouders": true, "pleegouder": true, "pleegouders": true,
	// English.
	"guest": true, "by": true, "experience": true, "youth": true, "worker": true,
	"police": true, "officer": true, "interpreter": true, "lawyer": true, "teacher": true, "speaker": true,
	"chair": true, "counsellor": true, "social": true, "representative": true, "volunteer": true,
}

// organisationWords name organisations, or lead to one.
var organisationWords = map[string]bool{
	"namens": true, "vanuit": true, "gemeente": true, "school": true, "jeugdzorg": true, "jeugdbescherming": true,
	"veilig": true, "raad": true, "kinderbescherming": true, "openbaar": true, "ministerie": true, "fier": true,
	"comensha": true, "leger": true, "zorg": true, "veiligheidshuis": true, "centrum": true, "stichting": true,
	"bureau": true, "team": true, "wijkteam": true, "jeugdteam": true, "marechaussee": true, "koninklijke": true,
	"reclassering": true, "politie": true, "justitie": true, "jeugdhulp": true, "ggz": true, "ggd": true,
	"municipality": true, "police": true, "on": true, "from": true, "foundation": true,
	// Parts of a town, as teams and officers are named by them.
	"noord": true, "oost": true, "zuid": true, "west": true, "midden": true,
}

// organisationEndings end compound organisation words: "jeugdbescherming",
// "wijkteam", "veiligheidshuis".
var organisationEndings = []string{"bescherming", "team", "huis", "dienst", "bureau", "centrum", "hulp"}

// roleEndings end compound role words: "jongerenwerker",
// "ervaringsdeskundige", "beleidsmedewerker", "zorgcoördinator".
var roleEndings = []string{
	"werker", "deskundige", "medewerker", "coördinator", "coordinator", "functionaris", "regisseur",
	"agent", "begeleider", "verlener", "beschermer", "voogd", "trainer", "adviseur", "consulent",
	"kundige", "pedagoog", "psycholoog", "spreker", "voorzitter", "vertegenwoordiger",
}
