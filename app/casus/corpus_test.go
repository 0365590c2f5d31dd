package casus_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"schakel/app/casus"
)

// corpusMembers are the names of workspace members the app would pass to
// Check: the professionals at the table, none of whom the corpus mentions.
var corpusMembers = []string{
	"Marieke Dijkstra",
	"Youssef Benali",
	"Ingrid van der Meulen",
	"Thijs de Groot",
	"Priya Ramdin",
}

// corpusKinds are the labels a corpus sentence may carry besides "clean".
var corpusKinds = []casus.Kind{
	casus.BSN, casus.BirthDate, casus.Postcode, casus.Phone, casus.Email, casus.IBAN, casus.Plate,
	casus.Name, casus.Initials, casus.School, casus.Handle, casus.Street,
}

// sentence is one line of the corpus.
type sentence struct {
	where  string // file:line
	text   string
	labels []casus.Kind // empty when clean
}

// readCorpus reads every testdata/*.tsv: "labels<TAB>sentence" per line,
// labels "clean" or kinds separated by commas, "#" starting a comment.
func readCorpus(t *testing.T) []sentence {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata: %v", err)
	}
	var out []sentence
	seen := map[string]string{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			where := fmt.Sprintf("%s:%d", filepath.Base(file), n)
			labels, text, ok := strings.Cut(line, "\t")
			if !ok || strings.TrimSpace(text) == "" {
				t.Fatalf("%s: want labels, a tab and a sentence: %q", where, line)
			}
			if prev, dup := seen[text]; dup {
				t.Fatalf("%s: the same sentence as %s", where, prev)
			}
			seen[text] = where
			s := sentence{where: where, text: text}
			if labels != "clean" {
				for _, l := range strings.Split(labels, ",") {
					k := casus.Kind(strings.TrimSpace(l))
					if !slices.Contains(corpusKinds, k) {
						t.Fatalf("%s: unknown label %q", where, l)
					}
					s.labels = append(s.labels, k)
				}
			}
			out = append(out, s)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return out
}

// tally counts the sentences of one label and those caught; named counts
// those in which a finding of the label's own kind was made (which decides
// the placeholder that pseudonymisation puts in).
type tally struct{ total, caught, named int }

func (t tally) rate() float64 {
	if t.total == 0 {
		return 0
	}
	return float64(t.caught) / float64(t.total)
}

// describe lists findings for a failure message.
func describe(found []casus.Finding) string {
	if len(found) == 0 {
		return "nothing found"
	}
	parts := make([]string, len(found))
	for i, f := range found {
		tier := "certain"
		if f.Tier() == casus.Probable {
			tier = "probable"
		}
		parts[i] = fmt.Sprintf("%s/%s %q", f.Kind, tier, f.Text)
	}
	return strings.Join(parts, ", ")
}

// TestCorpus measures the guard on the sentences in testdata: recall per
// kind (a sentence with a certain kind is caught when Check returns a
// certain finding; with a probable kind, when it returns any finding), and
// on clean sentences the share refused (a certain finding) and warned about
// (a probable finding). It prints the table and fails below the targets of
// the guard: 99 % recall of certain kinds, 95 % of probable kinds, at most
// 5 % false refusals and 5 % false warnings; and below 95 % for any kind
// found as its own kind ("as kind"), which decides its placeholder.
func TestCorpus(t *testing.T) {
	corpus := readCorpus(t)
	perKind := map[casus.Kind]*tally{}
	var certain, probable, refused, warned tally
	var misses, falseHits []string
	for _, s := range corpus {
		found := casus.Check(s.text, corpusMembers)
		anyCertain := slices.ContainsFunc(found, func(f casus.Finding) bool { return f.Tier() == casus.Certain })
		anyProbable := slices.ContainsFunc(found, func(f casus.Finding) bool { return f.Tier() == casus.Probable })
		if len(s.labels) == 0 {
			refused.total++
			warned.total++
			if anyCertain {
				refused.caught++
			}
			if anyProbable {
				warned.caught++
			}
			if len(found) > 0 {
				falseHits = append(falseHits, fmt.Sprintf("%s: %s\n    in %q", s.where, describe(found), s.text))
			}
			continue
		}
		for _, k := range s.labels {
			caught := len(found) > 0
			sum := &probable
			if k.Tier() == casus.Certain {
				caught = anyCertain
				sum = &certain
			}
			if perKind[k] == nil {
				perKind[k] = &tally{}
			}
			perKind[k].total++
			sum.total++
			if slices.ContainsFunc(found, func(f casus.Finding) bool { return f.Kind == k }) {
				perKind[k].named++
			}
			if caught {
				perKind[k].caught++
				sum.caught++
			} else {
				misses = append(misses, fmt.Sprintf("%s: %s missed (%s)\n    in %q", s.where, k, describe(found), s.text))
			}
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\n%-10s %-9s %9s %7s %8s %8s\n", "kind", "tier", "sentences", "caught", "recall", "as kind")
	for _, k := range corpusKinds {
		if tl := perKind[k]; tl != nil {
			tier := "certain"
			if k.Tier() == casus.Probable {
				tier = "probable"
			}
			named := 100 * float64(tl.named) / float64(tl.total)
			fmt.Fprintf(&b, "%-10s %-9s %9d %7d %7.1f%% %7.1f%%\n", k, tier, tl.total, tl.caught, 100*tl.rate(), named)
			if named < 95 {
				t.Errorf("%s is found as %s in %.1f%% of its sentences, want at least 95%%", k, k, named)
			}
		}
	}
	fmt.Fprintf(&b, "%-10s %-9s %9d %7d %7.1f%%\n", "all", "certain", certain.total, certain.caught, 100*certain.rate())
	if probable.total > 0 {
		fmt.Fprintf(&b, "%-10s %-9s %9d %7d %7.1f%%\n", "all", "probable", probable.total, probable.caught, 100*probable.rate())
	}
	fmt.Fprintf(&b, "\n%d sentences, %d clean (%.0f%%)\n", len(corpus), refused.total, 100*float64(refused.total)/float64(len(corpus)))
	fmt.Fprintf(&b, "clean sentences refused (certain finding): %d (%.1f%%)\n", refused.caught, 100*refused.rate())
	fmt.Fprintf(&b, "clean sentences warned (probable finding): %d (%.1f%%)\n", warned.caught, 100*warned.rate())
	t.Log(b.String())

	if len(misses) > 0 {
		t.Logf("missed:\n  %s", strings.Join(misses, "\n  "))
	}
	if len(falseHits) > 0 {
		t.Logf("found in clean sentences:\n  %s", strings.Join(falseHits, "\n  "))
	}
	if certain.total == 0 || certain.rate() < 0.99 {
		t.Errorf("recall of certain identifiers %.1f%%, want at least 99%%", 100*certain.rate())
	}
	if probable.total > 0 && probable.rate() < 0.95 {
		t.Errorf("recall of probable identifiers %.1f%%, want at least 95%%", 100*probable.rate())
	}
	if refused.total == 0 || refused.rate() > 0.05 {
		t.Errorf("%.1f%% of clean sentences refused, want at most 5%%", 100*refused.rate())
	}
	if warned.rate() > 0.05 {
		t.Errorf("%.1f%% of clean sentences warned about, want at most 5%%", 100*warned.rate())
	}
	if len(corpus) < 400 || 10*refused.total < 4*len(corpus) {
		t.Errorf("the corpus has %d sentences, %d clean; want at least 400, 40%% clean", len(corpus), refused.total)
	}
}

// TestPseudonymisedCorpusChecksClean pseudonymises every sentence of the
// corpus with what Check found in it and checks the result again: nothing
// may be found in a text that Schakel pseudonymised itself, in Dutch or in
// English.
func TestPseudonymisedCorpusChecksClean(t *testing.T) {
	corpus := readCorpus(t)
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			for _, s := range corpus {
				out := casus.Pseudonymise(s.text, casus.Check(s.text, corpusMembers), lang)
				if got := casus.Check(out, corpusMembers); len(got) > 0 {
					t.Errorf("%s: %q pseudonymised to %q still has %s", s.where, s.text, out, describe(got))
				}
			}
		})
	}
}
