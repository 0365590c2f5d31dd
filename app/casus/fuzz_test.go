package casus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// allCases are the table cases of every kind, used as the fuzz corpus.
func allCases() []testCase {
	return slices.Concat(bsnCases, dateCases, postcodeCases, phoneCases, emailCases,
		ibanCases, plateCases, nameCases, overlapCases)
}

// planted are identifiers that must be found on a line of their own,
// whatever text comes before and after.
var planted = []want{
	{BSN, "123456782"},
	{BSN, "1112.22.333"},
	{Phone, "06-12345678"},
	{Phone, "+31 20 123 4567"},
	{Email, "anna@example.nl"},
	{IBAN, "NL91 ABNA 0417 1643 00"},
	{Plate, "12-ABC-3"},
	{BirthDate, "12-03-2011"},
	{BirthDate, "12 maart 2011"},
	{Postcode, "1234 AB 12"},
	{Postcode, "Kerkstraat 12a"},
	{Phone, "06–12345678"},
	{Phone, "O6-l2345678"},
	{IBAN, "NL91-ABNA-0417-1643-00"},
	{Plate, "1-ABC-234"},
	{Plate, "GF713L"},
	{Email, "jongere123 at gmail punt com"},
	{Email, "mailmij [at] outlook [dot] com"},
	{BirthDate, "4-9-'15"},
	{Postcode, "2514 gh 18"},
	{Postcode, "dorpsstraat 17"},
}

// plain returns the letters and digits of v as the guard reads them.
func plain(v string) string {
	var b strings.Builder
	for _, r := range normalise(v).s {
		if r < 128 && isAlnum(byte(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzCheck checks, for any text and any known name, that Check does not
// panic and returns findings in order, without overlaps, within the text
// and quoting it exactly; that BSNs and IBANs found pass their checks; and
// that an identifier on a line of its own is found whatever surrounds it.
func FuzzCheck(f *testing.F) {
	for _, tc := range allCases() {
		f.Add(tc.text, "Anna de Vries")
	}
	for _, s := range oddInputs {
		if len(s) <= 4096 {
			f.Add(s, "Zoë van 't Hart-de Vries")
		}
	}
	f.Add(benchNote(2000), "Mo Bakker")
	files, _ := filepath.Glob(filepath.Join("testdata", "*.tsv"))
	for _, file := range files {
		b, _ := os.ReadFile(file)
		for _, line := range strings.Split(string(b), "\n") {
			if _, text, ok := strings.Cut(line, "\t"); ok {
				f.Add(text, "Marieke Dijkstra")
			}
		}
	}
	f.Add("Jan ’t Hart en 't Hart, bel 06-12345678", "Jan 't Hart")
	f.Add("Anna-Lisa Bakker-de Vries", "Anna-Lisa Bakker-de Vries")
	f.Add("\xff\xfe 06 1234 5678 \xff", "\xff \xfe")
	f.Fuzz(func(t *testing.T, text, name string) {
		names := []string{name, "Anna de Vries", "Mo Bakker"}
		got := Check(text, names)
		checkInvariants(t, text, got)
		for _, g := range got {
			switch {
			case g.Kind == BSN && !elfproefReference(plain(g.Text)) && !elfproefReference("0"+plain(g.Text)):
				t.Fatalf("BSN %q fails the 11-test", g.Text)
			case g.Kind == IBAN && !ibanReference(plain(g.Text)):
				t.Fatalf("IBAN %q has bad check digits", g.Text)
			}
		}

		id := planted[len(text)%len(planted)]
		doc := text + "\n" + id.text + "\n" + text
		start := len(text) + 1
		got = Check(doc, names)
		checkInvariants(t, doc, got)
		for _, g := range got {
			if g.Start <= start && g.End >= start+len(id.text) {
				return
			}
		}
		t.Fatalf("%s %q not found between %q: %v", id.kind, id.text, text, got)
	})
}
