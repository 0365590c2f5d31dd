package casus_test

import (
	"testing"

	"schakel/app/casus"
)

// find returns the findings of the given kinds at the first occurrence of
// each text, as Check would report them.
func find(t *testing.T, text string, spans ...any) []casus.Finding {
	t.Helper()
	var out []casus.Finding
	from := 0
	for i := 0; i+1 < len(spans); i += 2 {
		k, s := spans[i].(casus.Kind), spans[i+1].(string)
		at := indexFrom(text, s, from)
		if at < 0 {
			t.Fatalf("%q not in %q", s, text)
		}
		out = append(out, casus.Finding{Kind: k, Text: s, Start: at, End: at + len(s)})
		from = at + len(s)
	}
	return out
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestPseudonymise(t *testing.T) {
	tests := []struct {
		name, text, lang string
		spans            []any
		want             string
	}{
		{"the same name is the same young person throughout", "Lisa vertelde dat LISA en Bram samen waren; Bram zweeg.", "nl",
			[]any{casus.Name, "Lisa", casus.Name, "LISA", casus.Name, "Bram", casus.Name, "Bram"},
			"jongere A vertelde dat jongere A en jongere B samen waren; jongere B zweeg."},
		{"other kinds become a word in brackets", "Zit op het Erasmus College, Snapchat @lisa_x, bel 06-12345678.", "nl",
			[]any{casus.School, "Erasmus College", casus.Handle, "@lisa_x", casus.Phone, "06-12345678"},
			"Zit op het [school], Snapchat [account], bel [telefoonnummer]."},
		{"English placeholders", "Lisa (14) lives on Kerkstraat.", "en",
			[]any{casus.Name, "Lisa", casus.Street, "Kerkstraat"},
			"young person A (14) lives on [street]."},
		{"initials with and without dots are one person when written alike", "J.v.d.B. en J.v.d.B. zijn dezelfde.", "nl",
			[]any{casus.Initials, "J.v.d.B.", casus.Initials, "J.v.d.B."},
			"jongere A en jongere A zijn dezelfde."},
		{"a first name after the full name is the same person", "Lisa de Vries (14) is terug. Lisa wil praten, de Vries niet.", "nl",
			[]any{casus.Name, "Lisa de Vries", casus.Name, "Lisa", casus.Name, "de Vries"},
			"jongere A (14) is terug. jongere A wil praten, jongere A niet."},
		{"a surname shared by two is nobody's in particular", "Lisa de Vries en Tom de Vries; de Vries belde.", "nl",
			[]any{casus.Name, "Lisa de Vries", casus.Name, "Tom de Vries", casus.Name, "de Vries"},
			"jongere A en jongere B; jongere C belde."},
		{"a finding that does not match the text is left alone", "Lisa en Bram.", "nl",
			[]any{casus.Name, "Lisa"},
			"jongere A en Bram."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := find(t, tt.text, tt.spans...)
			if got := casus.Pseudonymise(tt.text, found, tt.lang); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("a stale finding is skipped, not spliced", func(t *testing.T) {
		stale := []casus.Finding{{Kind: casus.Name, Text: "Bram", Start: 0, End: 4}}
		if got := casus.Pseudonymise("Lisa en Bram.", stale, "nl"); got != "Lisa en Bram." {
			t.Errorf("got %q", got)
		}
	})
}
