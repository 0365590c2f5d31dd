package casus

import "testing"

// TestPseudonymisedCorpusChecksClean pseudonymises every sentence of the
// corpora with what Check found in it and checks the result again: nothing
// may be found in a text that Schakel pseudonymised itself, in Dutch or in
// English.
func TestPseudonymisedCorpusChecksClean(t *testing.T) {
	lines := append(readCorpus(t, "testdata/probable.tsv"), readCorpus(t, "testdata/clean-names.tsv")...)
	for _, lang := range []string{"nl", "en"} {
		for _, l := range lines {
			out := Pseudonymise(l.text, Check(l.text, nil), lang)
			if got := Check(out, nil); len(got) > 0 {
				t.Errorf("%s: %q pseudonymised to %q still has %v", lang, l.text, out, got)
			}
		}
	}
}
