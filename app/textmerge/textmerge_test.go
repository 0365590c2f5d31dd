package textmerge

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// description is a realistic action description: three paragraphs of Dutch.
const (
	par1        = "Het buurtcomité organiseert op zaterdag een opruimactie in het park. Iedereen is welkom."
	par2        = "We verzamelen om tien uur bij de ingang aan de Vondelstraat. Handschoenen en vuilniszakken zijn aanwezig."
	par3        = "Na afloop is er koffie, thee en appeltaart in het buurthuis."
	description = par1 + "\n\n" + par2 + "\n\n" + par3
)

// replace applies each old, new pair to s once, and fails the test at once
// if an old text does not occur, so that a typo cannot make a case vacuous.
func replace(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%q not in %q", pairs[i], s)
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestMerge(t *testing.T) {
	d := description
	cases := []struct {
		name               string
		base, mine, theirs string
		want               string // expected merged text when ok
		ok                 bool
	}{
		{
			name:   "two people edit different paragraphs: both survive",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag"),
			theirs: replace(t, d, "appeltaart", "cake"),
			want:   replace(t, d, "zaterdag", "zondag", "appeltaart", "cake"),
			ok:     true,
		},
		{
			name:   "different sentences in one paragraph: both survive",
			base:   d,
			mine:   replace(t, d, "tien uur", "half elf"),
			theirs: replace(t, d, "Handschoenen en", "Grijpers, handschoenen en"),
			want:   replace(t, d, "tien uur", "half elf", "Handschoenen en", "Grijpers, handschoenen en"),
			ok:     true,
		},
		{
			name:   "same word changed differently: conflict",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag"),
			theirs: replace(t, d, "zaterdag", "vrijdag"),
		},
		{
			name:   "same word changed the same way, plus another edit: applied once",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag", "koffie", "espresso"),
			theirs: replace(t, d, "zaterdag", "zondag"),
			want:   replace(t, d, "zaterdag", "zondag", "koffie", "espresso"),
			ok:     true,
		},
		{
			name:   "one deletes a sentence the other edits: conflict",
			base:   d,
			mine:   replace(t, d, " Iedereen is welkom.", ""),
			theirs: replace(t, d, "welkom", "van harte welkom"),
		},
		{
			name:   "both delete the same sentence, one also edits elsewhere: deleted once",
			base:   d,
			mine:   replace(t, d, " Iedereen is welkom.", ""),
			theirs: replace(t, d, " Iedereen is welkom.", "", "buurthuis", "clubhuis"),
			want:   replace(t, d, " Iedereen is welkom.", "", "buurthuis", "clubhuis"),
			ok:     true,
		},
		{
			name:   "both add the same sentence, one also edits elsewhere: added once",
			base:   d,
			mine:   replace(t, d, "aanwezig.", "aanwezig. Neem een jas mee.", "zaterdag", "zondag"),
			theirs: replace(t, d, "aanwezig.", "aanwezig. Neem een jas mee."),
			want:   replace(t, d, "aanwezig.", "aanwezig. Neem een jas mee.", "zaterdag", "zondag"),
			ok:     true,
		},
		{
			name:   "both append different text at the end: conflict, the order would be a guess",
			base:   d,
			mine:   d + " Tot zaterdag!",
			theirs: d + "\n\nContact: Els.",
		},
		{
			name:   "both insert different sentences at the same place: conflict",
			base:   d,
			mine:   replace(t, d, "park.", "park. Kinderen mogen mee."),
			theirs: replace(t, d, "park.", "park. Honden niet."),
		},
		{
			name:   "edits at the very start and the very end: both survive",
			base:   d,
			mine:   replace(t, d, "Het buurtcomité", "Ons buurtcomité"),
			theirs: d + " Tot dan!",
			want:   replace(t, d, "Het buurtcomité", "Ons buurtcomité") + " Tot dan!",
			ok:     true,
		},
		{
			name:   "both append the same sentence, one also edits elsewhere: appended once",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag") + " Tot dan!",
			theirs: d + " Tot dan!",
			want:   replace(t, d, "zaterdag", "zondag") + " Tot dan!",
			ok:     true,
		},
		{
			// The added copy could be the first, second or third sentence;
			// which one decides whether it reads "Bel Piet" or "Bel Jan", so
			// this is left to the people rather than guessed.
			name:   "repeated sentence added next to a copy the other edits: conflict, the position is ambiguous",
			base:   "Bel Jan. Bel Jan.",
			mine:   "Bel Jan. Bel Jan. Bel Jan.",
			theirs: "Bel Piet. Bel Jan.",
		},
		{
			name:   "insertion at the start next to an edit of the first word: conflict",
			base:   d,
			mine:   "Let op: " + d,
			theirs: replace(t, d, "Het buurtcomité", "Ons buurtcomité"),
		},
		{
			name:   "neighbouring words changed by different people: conflict",
			base:   d,
			mine:   replace(t, d, "ingang", "poort"),
			theirs: replace(t, d, "ingang aan", "ingang op"),
		},
		{
			name:   "list items edited by different people, comma in between: both survive",
			base:   d,
			mine:   replace(t, d, "koffie,", "espresso,"),
			theirs: replace(t, d, "thee", "kruidenthee"),
			want:   replace(t, d, "koffie,", "espresso,", "thee", "kruidenthee"),
			ok:     true,
		},
		{
			name:   "one deletes a paragraph, the other edits another paragraph: both survive",
			base:   d,
			mine:   replace(t, d, "\n\n"+par3, ""),
			theirs: replace(t, d, "zaterdag", "zondag"),
			want:   replace(t, d, "\n\n"+par3, "", "zaterdag", "zondag"),
			ok:     true,
		},
		{
			name:   "one rewrites a paragraph, the other fixes a word in it: conflict",
			base:   d,
			mine:   replace(t, d, par2, "Verzamelen om elf uur bij het hek. Neem zelf handschoenen mee."),
			theirs: replace(t, d, "vuilniszakken", "afvalzakken"),
		},
		{
			name:   "one edits, the other empties the text: conflict",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag"),
			theirs: "",
		},
		{
			name:   "Dutch diacritics in different sentences: both survive",
			base:   "Één ruïne wordt geïnventariseerd. De coördinator regelt de café-inrichting.",
			mine:   "Één kerkruïne wordt geïnventariseerd. De coördinator regelt de café-inrichting.",
			theirs: "Één ruïne wordt geïnventariseerd. De coördinatrice regelt de café-inrichting.",
			want:   "Één kerkruïne wordt geïnventariseerd. De coördinatrice regelt de café-inrichting.",
			ok:     true,
		},
		{
			name:   "Dutch word with diacritics changed differently: conflict",
			base:   "De reünie in België wordt geïnventariseerd.",
			mine:   "De reünie in België wordt geëvalueerd.",
			theirs: "De reünie in België wordt geïnspecteerd.",
		},
		{
			name:   "decomposed accent belongs to its word: changing it and the word conflicts",
			base:   "Het cafe\u0301 is open. Kom langs.",
			mine:   "Het cafetaria is open. Kom langs.",
			theirs: "Het cafe\u0300 is open. Kom langs.",
		},
		{
			name:   "emoji added and replaced in different sentences: both survive",
			base:   "Feest voor 👨‍👩‍👧 in de zaal. Iedereen is welkom.",
			mine:   "Feest voor 👩‍👩‍👦 in de zaal. Iedereen is welkom.",
			theirs: "Feest voor 👨‍👩‍👧 in de zaal. Iedereen is welkom 🎉.",
			want:   "Feest voor 👩‍👩‍👦 in de zaal. Iedereen is welkom 🎉.",
			ok:     true,
		},
		{
			name:   "invalid UTF-8 is carried through byte for byte",
			base:   "a\xffb. c d.",
			mine:   "a\xffb. c e.",
			theirs: "a\xfeb. c d.",
			want:   "a\xfeb. c e.",
			ok:     true,
		},
		{
			name:   "both made the same change: taken as is",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag"),
			theirs: replace(t, d, "zaterdag", "zondag"),
			want:   replace(t, d, "zaterdag", "zondag"),
			ok:     true,
		},
		{
			name:   "only the stored text changed: theirs kept",
			base:   d,
			mine:   d,
			theirs: replace(t, d, "zaterdag", "zondag"),
			want:   replace(t, d, "zaterdag", "zondag"),
			ok:     true,
		},
		{
			name:   "only the incoming text changed: mine taken",
			base:   d,
			mine:   replace(t, d, "zaterdag", "zondag"),
			theirs: d,
			want:   replace(t, d, "zaterdag", "zondag"),
			ok:     true,
		},
		{
			name:   "both fill an empty description differently: conflict",
			base:   "",
			mine:   "Opruimen.",
			theirs: "Schoonmaken.",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Merge(c.base, c.mine, c.theirs)
			if ok != c.ok {
				t.Fatalf("Merge ok = %v, want %v; merged = %q", ok, c.ok, got)
			}
			if ok && got != c.want {
				t.Fatalf("Merge =\n%q\nwant\n%q", got, c.want)
			}
			if !ok && got != c.theirs {
				t.Fatalf("on conflict Merge returned %q, want the stored text %q", got, c.theirs)
			}
			got2, ok2 := Merge(c.base, c.theirs, c.mine)
			if ok2 != ok || (ok && got2 != got) {
				t.Fatalf("not symmetric: swapped sides give (%q, %v), want (%q, %v)", got2, ok2, got, ok)
			}
		})
	}
}

// checkProperties asserts what must hold for every input.
func checkProperties(t *testing.T, base, mine, theirs string) {
	t.Helper()
	if got, ok := Merge(base, mine, base); !ok || got != mine {
		t.Fatalf("Merge(b, m, b) = (%q, %v), want (%q, true); b = %q", got, ok, mine, base)
	}
	if got, ok := Merge(base, base, theirs); !ok || got != theirs {
		t.Fatalf("Merge(b, b, t) = (%q, %v), want (%q, true); b = %q", got, ok, theirs, base)
	}
	if got, ok := Merge(base, mine, mine); !ok || got != mine {
		t.Fatalf("Merge(b, x, x) = (%q, %v), want (%q, true); b = %q", got, ok, mine, base)
	}
	got, ok := Merge(base, mine, theirs)
	got2, ok2 := Merge(base, theirs, mine)
	if ok != ok2 || (ok && got != got2) {
		t.Fatalf("Merge(%q, %q, %q) = (%q, %v) but swapped = (%q, %v)", base, mine, theirs, got, ok, got2, ok2)
	}
	if !ok && got != theirs {
		t.Fatalf("conflict must return the stored text %q, got %q", theirs, got)
	}
	// Tokens split at rune boundaries, so valid text cannot be broken.
	if ok && utf8.ValidString(base) && utf8.ValidString(mine) && utf8.ValidString(theirs) && !utf8.ValidString(got) {
		t.Fatalf("Merge(%q, %q, %q) = %q, not valid UTF-8", base, mine, theirs, got)
	}
}

// pieces are the building blocks of generated texts: Dutch words with
// diacritics, emoji (one a ZWJ sequence), punctuation, whitespace, a
// combining mark and invalid UTF-8 bytes.
var pieces = []string{
	"de", "het", "een", "één", "ruïne", "café", "coördinator", "België",
	"vergadering", "🙂", "👨‍👩‍👧", ".", ",", " ", " ", " ", "\n\n", "\u0301", "\xff", "\xc3",
}

func randomPieces(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = pieces[rng.IntN(len(pieces))]
	}
	return out
}

// mutate applies a few random insertions, deletions and replacements.
func mutate(rng *rand.Rand, p []string) []string {
	p = append([]string(nil), p...)
	for range 1 + rng.IntN(3) {
		i := rng.IntN(len(p) + 1)
		j := min(len(p), i+rng.IntN(4))
		p = append(p[:i], append(randomPieces(rng, rng.IntN(3)), p[j:]...)...)
	}
	return p
}

func TestMergeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	merged := 0
	for range 20000 {
		base := randomPieces(rng, rng.IntN(40))
		b := strings.Join(base, "")
		m := strings.Join(mutate(rng, base), "")
		th := strings.Join(mutate(rng, base), "")
		checkProperties(t, b, m, th)
		if _, ok := Merge(b, m, th); ok && m != th && m != b && th != b {
			merged++
		}
	}
	// Guard against a vacuous test where everything conflicts.
	t.Logf("%d of 20000 real three-way merges succeeded", merged)
	if merged < 1000 {
		t.Fatalf("only %d real three-way merges succeeded", merged)
	}
}

var words = []string{
	"de", "het", "een", "en", "van", "met", "voor", "wij", "één", "ruïne", "café",
	"coördinator", "geïnteresseerd", "financiële", "reünie", "België", "zeeën",
	"naïef", "overleg", "planning", "budget", "vergadering", "actie", "🙂",
}

func sentence(rng *rand.Rand) []string {
	s := make([]string, 4+rng.IntN(4))
	for i := range s {
		s[i] = words[rng.IntN(len(words))]
	}
	return s
}

// change edits one sentence the way a person might: replace, insert or delete
// a word, rewrite it, delete it ("") or add an emoji.
func change(rng *rand.Rand, s []string) string {
	s = append([]string(nil), s...)
	i := rng.IntN(len(s))
	switch rng.IntN(6) {
	case 0:
		s[i] = words[rng.IntN(len(words))] + "x"
	case 1:
		s = append(s[:i], append([]string{"nieuw"}, s[i:]...)...)
	case 2:
		s = append(s[:i], s[i+1:]...)
	case 3:
		s = sentence(rng)
	case 4:
		return ""
	case 5:
		s[i] += " 🎉"
	}
	return strings.Join(s, " ")
}

// renderDoc joins the present sentences into paragraphs of five.
func renderDoc(sentences []string) string {
	var b strings.Builder
	for i, s := range sentences {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			if i%5 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(s + ".")
	}
	return b.String()
}

// TestMergeKeepsEveryEdit generates descriptions in which two people edit
// sentences at least four apart, so the right merge is known: every edit of
// both, shared edits once. It checks that nothing either side wrote is lost.
func TestMergeKeepsEveryEdit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := 8 + rng.IntN(25)
		base := make([]string, n+1) // the extra slot is for appending
		for i := range n {
			base[i] = strings.Join(sentence(rng), " ")
		}
		mine := append([]string(nil), base...)
		theirs := append([]string(nil), base...)
		want := append([]string(nil), base...)
		for i := rng.IntN(4); i <= n; i += 4 + rng.IntN(3) {
			var edited string
			if i == n {
				edited = strings.Join(sentence(rng), " ") // appended at the end
			} else {
				edited = change(rng, strings.Fields(base[i]))
			}
			switch rng.IntN(3) {
			case 0:
				mine[i] = edited
			case 1:
				theirs[i] = edited
			case 2:
				mine[i], theirs[i] = edited, edited
			}
			want[i] = edited
		}
		b, m, th := renderDoc(base), renderDoc(mine), renderDoc(theirs)
		got, ok := Merge(b, m, th)
		if !ok || got != renderDoc(want) {
			t.Fatalf("Merge(\n%q,\n%q,\n%q) =\n(%q, %v), want\n%q", b, m, th, got, ok, renderDoc(want))
		}
		checkProperties(t, b, m, th)
	}
}

func FuzzMerge(f *testing.F) {
	d := description
	f.Add(d, strings.Replace(d, "zaterdag", "zondag", 1), strings.Replace(d, "koffie", "thee", 1))
	f.Add(d, strings.Replace(d, "zaterdag", "zondag", 1), strings.Replace(d, "zaterdag", "vrijdag", 1))
	f.Add(d, d+" Tot zaterdag!", d+" Tot dan!")
	f.Add("Één ruïne. De coördinator.", "Één kerkruïne. De coördinator.", "Één ruïne. De coördinatrice.")
	f.Add("Feest 👨‍👩‍👧. Welkom.", "Feest 👩‍👩‍👦. Welkom.", "Feest 👨‍👩‍👧. Welkom 🎉.")
	f.Add("a\xffb. c d.", "a\xffb. c e.", "a\xfeb. c d.")
	f.Add("cafe\u0301 \xc3", "\xc3 cafe", "\u0301\u0301")
	f.Add("", "x", "y")
	f.Fuzz(func(t *testing.T, base, mine, theirs string) {
		checkProperties(t, base, mine, theirs)
	})
}

func BenchmarkMerge(b *testing.B) {
	var paras []string
	for i := 0; len(strings.Join(paras, "\n\n")) < 4000; i++ {
		paras = append(paras, strings.Replace(description, "zaterdag", "dag "+string(rune('a'+i%26)), 1))
	}
	base := strings.Join(paras, "\n\n")
	mine := strings.Replace(base, "tien uur", "elf uur", 1)
	theirs := base[:len(base)-100] + strings.Replace(base[len(base)-100:], "appeltaart", "cake", 1)
	if _, ok := Merge(base, mine, theirs); !ok || mine == base || theirs == base {
		b.Fatal("benchmark input does not merge cleanly")
	}
	b.SetBytes(int64(len(base)))
	b.ReportAllocs()
	for b.Loop() {
		Merge(base, mine, theirs)
	}
}
