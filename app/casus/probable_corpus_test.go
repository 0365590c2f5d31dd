package casus

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// corpusLine is one sentence of a corpus file and the kinds it holds.
type corpusLine struct {
	file, text string
	kinds      []Kind // nil for a clean sentence
}

// readCorpus reads a corpus file: labels<TAB>sentence, '#' comments.
func readCorpus(t *testing.T, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		labels, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", path, n)
		}
		cl := corpusLine{file: path, text: text}
		if labels != "clean" {
			for _, l := range strings.Split(labels, ",") {
				cl.kinds = append(cl.kinds, Kind(strings.TrimSpace(l)))
			}
		}
		out = append(out, cl)
	}
	return out
}

// TestProbableCorpus measures the probable tier on its corpus: the share of
// sentences with a kind in which that kind is found (recall), and the share
// of clean sentences with any finding (false warnings). It prints both as
// a table and fails below 95 % recall for a probable kind or above 5 %
// false warnings.
func TestProbableCorpus(t *testing.T) {
	lines := append(readCorpus(t, "testdata/probable.tsv"), readCorpus(t, "testdata/clean-names.tsv")...)
	labelled, found := map[Kind]int{}, map[Kind]int{}
	clean, warned := 0, 0
	for _, l := range lines {
		got := Check(l.text, nil)
		if l.kinds == nil {
			clean++
			if len(got) > 0 {
				warned++
				t.Logf("false warning: %q: %v", l.text, got)
			}
			continue
		}
		for _, k := range l.kinds {
			labelled[k]++
			if slices.ContainsFunc(got, func(f Finding) bool { return f.Kind == k }) {
				found[k]++
			} else {
				t.Logf("missed %s: %q: %v", k, l.text, got)
			}
		}
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-10s %8s %8s %8s\n", "kind", "labelled", "found", "recall")
	kinds := make([]Kind, 0, len(labelled))
	for k := range labelled {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		r := 100 * float64(found[k]) / float64(labelled[k])
		fmt.Fprintf(&table, "%-10s %8d %8d %7.1f%%\n", k, labelled[k], found[k], r)
		if k.Tier() == Probable && r < 95 {
			t.Errorf("recall of %s is %.1f%%, want at least 95%%", k, r)
		}
	}
	fw := 100 * float64(warned) / float64(clean)
	fmt.Fprintf(&table, "%-10s %8d %8d %7.1f%% false warnings\n", "clean", clean, warned, fw)
	t.Log(table.String())
	if fw > 5 {
		t.Errorf("false warnings on clean sentences %.1f%%, want at most 5%%", fw)
	}
}
