package casus

import (
	"strings"
	"unicode"
)

// Pseudonymise returns text with every finding replaced by a placeholder in
// the language lang ("nl" or "en"; anything else reads as "nl"). A person
// (a name or initials) becomes "jongere A", "jongere B", … ("young person A"
// in English), the same person the same letter throughout the text, told
// apart by their words in any case and spacing; every other kind becomes a
// word in brackets, such as "[school]" or "[account]". Findings must be
// those Check returned for text: in order and without overlaps; one that
// does not match the text at its offsets is left as it is.
func Pseudonymise(text string, found []Finding, lang string) string {
	words := placeholders["nl"]
	if p, ok := placeholders[lang]; ok {
		words = p
	}
	people := map[string]string{}
	var b strings.Builder
	b.Grow(len(text))
	at := 0
	for _, f := range found {
		if f.Start < at || f.End > len(text) || f.Start >= f.End || text[f.Start:f.End] != f.Text {
			continue
		}
		b.WriteString(text[at:f.Start])
		switch f.Kind {
		case Name, Initials:
			key := personKey(f.Text)
			p, ok := people[key]
			if !ok {
				p, ok = samePerson(people, key)
			}
			if !ok {
				p = words.person + " " + letter(len(people))
			}
			people[key] = p
			b.WriteString(p)
		default:
			b.WriteString("[" + words.kinds[f.Kind] + "]")
		}
		at = f.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// placeholderWords are a language's words for what was taken out.
type placeholderWords struct {
	person string
	kinds  map[Kind]string
}

var placeholders = map[string]placeholderWords{
	"nl": {person: "jongere", kinds: map[Kind]string{
		BSN: "BSN", BirthDate: "datum", Postcode: "adres", Phone: "telefoonnummer", Email: "e-mailadres",
		IBAN: "rekeningnummer", Plate: "kenteken", School: "school", Handle: "account", Street: "straat",
	}},
	"en": {person: "young person", kinds: map[Kind]string{
		BSN: "BSN", BirthDate: "date", Postcode: "address", Phone: "phone number", Email: "e-mail address",
		IBAN: "bank account", Plate: "licence plate", School: "school", Handle: "account", Street: "street",
	}},
}

// samePerson returns the placeholder of a person named before whose name
// holds every word of key, or whose words key holds: "Lisa" after "Lisa de
// Vries", "Lisa de Vries" after "Lisa". Among several it takes none, as
// "de Vries" after "Lisa de Vries" and "Tom de Vries" may be either.
func samePerson(people map[string]string, key string) (string, bool) {
	words := strings.Fields(key)
	found, n := "", 0
	for k, p := range people {
		have := strings.Fields(k)
		if containsAll(have, words) || containsAll(words, have) {
			if p != found {
				n++
			}
			found = p
		}
	}
	return found, n == 1
}

// containsAll reports whether every word of part is in all.
func containsAll(all, part []string) bool {
	for _, w := range part {
		if len(w) < 2 && len(part) > 1 {
			continue
		}
		found := false
		for _, a := range all {
			if a == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// personKey tells people apart: their words, lower case, single-spaced,
// without dots.
func personKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return unicode.IsSpace(r) || r == '.' })
	return strings.Join(f, " ")
}

// letter is the n-th person's letter: A … Z, then AA, AB, ….
func letter(n int) string {
	if n < 26 {
		return string(rune('A' + n))
	}
	return letter(n/26-1) + string(rune('A'+n%26))
}
