// Package textmerge merges two concurrent edits of one long text field, such
// as an action's description, against the version both editors started from.
// Edits that do not touch merge; edits that overlap or touch are reported as a
// conflict so that the caller can show a conflict view: nothing an editor
// wrote may be lost or silently overwritten.
package textmerge

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffTimeout bounds each of the two diffs, so that a huge or wholly
// rewritten text costs a request at most about half a second. When it runs
// out, go-diff falls back to a coarser (still exact) diff, which can only turn
// a merge into a conflict, never lose text. Ordinary descriptions take well
// under a millisecond.
const diffTimeout = 250 * time.Millisecond

// zwj is the zero-width joiner that glues emoji into one visible character.
const zwj = '\u200d'

// region is one side's edit: the base tokens [start, end) become repl. It is
// kept at its leftmost position; an edit that repeats the text beside it can
// slide without changing the side's result (inserting " mee." after "mee." or
// before it), and reach is the furthest base token its end could slide to.
// The conflict check covers every position an edit might mean, so two diffs
// that place the same edit differently cannot make it appear twice.
type region struct {
	start, end, reach int
	repl              string
	mine              bool // mine's edit, else theirs'
}

// text is one input split into tokens. Diffing tokens instead of characters
// keeps merges intuitive for prose: a changed word is one replaced token, so
// two people changing the same word always overlap.
type text struct {
	s    string
	ids  []rune // one rune per token; equal tokens get equal runes
	offs []int  // byte offset of each token start, plus len(s) at the end
}

// Merge merges the edits base→mine and base→theirs, where base is the version
// both writers started from, mine the incoming write and theirs the text
// stored now. It returns the merged text and ok == true when the edits can be
// combined without guessing.
//
// Rule (documented because it decides what users see): the texts are split
// into words, whitespace runs and single other characters (punctuation,
// emoji). Two edits of different sides conflict when they overlap, insert at
// the same position, or are separated in base by nothing but whitespace;
// an edit that could equally be placed elsewhere (an inserted " mee." next
// to "mee.") counts at every such place. Only an unchanged word or
// punctuation mark between them fixes their order and keeps them apart, so
// edits of different sentences or paragraphs merge, while edits of the same
// or adjacent words, or two texts appended at the end, conflict. Where both
// sides wrote the very same text, it is taken once and is no conflict.
//
// On conflict Merge returns theirs, the stored text, with ok == false, so a
// caller that forgets to check ok still cannot wipe or overwrite what is
// stored. Merge works on arbitrary bytes: invalid UTF-8 is carried through
// unchanged.
func Merge(base, mine, theirs string) (merged string, ok bool) {
	switch {
	case mine == theirs:
		return mine, true
	case mine == base:
		return theirs, true
	case theirs == base:
		return mine, true
	}
	enc := encoder{ids: make(map[string]rune)}
	b, m, t := enc.split(base), enc.split(mine), enc.split(theirs)
	if enc.overflow {
		return theirs, false
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	mr, okm := regions(dmp, b, m, true)
	tr, okt := regions(dmp, b, t, false)
	if !okm || !okt {
		return theirs, false
	}

	all := append(mr, tr...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })

	// solid[i] counts the non-whitespace tokens in base[:i], so a gap holds
	// an unchanged word or punctuation mark iff solid differs at its ends.
	solid := make([]int, len(b.ids)+1)
	for i := range b.ids {
		solid[i+1] = solid[i]
		if !isSpaceToken(b.token(i)) {
			solid[i+1]++
		}
	}

	// Sweep the regions in base order, grouping those not kept apart by
	// solid base text into clusters. A cluster with edits of one side takes
	// that side's text; with edits of both, it merges only if both sides
	// wrote the same text there (however their diffs split it up).
	var out strings.Builder
	out.Grow(max(len(mine), len(theirs)))
	pos := 0 // base tokens consumed
	for k := 0; k < len(all); {
		n, end, reach := k+1, all[k].end, all[k].reach
		for n < len(all) && (all[n].start < reach || solid[all[n].start] == solid[reach]) {
			end, reach = max(end, all[n].end), max(reach, all[n].reach)
			n++
		}
		cl, start := all[k:n], all[k].start
		mt, hasMine := render(base, b, cl, true, start, end)
		tt, hasTheirs := render(base, b, cl, false, start, end)
		if hasMine && hasTheirs && mt != tt {
			return theirs, false
		}
		out.WriteString(base[b.offs[pos]:b.offs[start]])
		if hasMine {
			out.WriteString(mt)
		} else {
			out.WriteString(tt)
		}
		pos, k = end, n
	}
	out.WriteString(base[b.offs[pos]:])
	return out.String(), true
}

// render returns the text one side made of the base tokens [start, end),
// which hold all of its regions in cl, and whether it edited them at all.
// The regions of one side are ordered and separated by unchanged tokens.
func render(base string, b text, cl []region, mine bool, start, end int) (string, bool) {
	var sb strings.Builder
	pos, edited := start, false
	for _, r := range cl {
		if r.mine == mine {
			sb.WriteString(base[b.offs[pos]:b.offs[r.start]])
			sb.WriteString(r.repl)
			pos, edited = r.end, true
		}
	}
	sb.WriteString(base[b.offs[pos]:b.offs[end]])
	return sb.String(), edited
}

// span is one edit of a side: base tokens [i0, i1) became other tokens [j0, j1).
type span struct{ i0, i1, j0, j1 int }

// size is the larger of the deleted and inserted token counts.
func (s span) size() int { return max(s.i1-s.i0, s.j1-s.j0) }

// regions expresses the edit base→other as regions of base. Each region is a
// maximal run of non-equal diff operations, so the regions of one side never
// overlap or touch. The diff is checked rather than trusted: every equality
// must really match and the lengths must add up, or the side is reported as
// unmergeable, so a diff library quirk can cause a conflict but never a wrong
// merge.
func regions(dmp *diffmatchpatch.DiffMatchPatch, base, other text, mine bool) ([]region, bool) {
	var spans []span
	i, j := 0, 0 // tokens consumed of base and other
	open := false
	for _, d := range dmp.DiffMainRunes(base.ids, other.ids, false) {
		n := utf8.RuneCountInString(d.Text)
		switch {
		case n == 0:
			continue
		case d.Type == diffmatchpatch.DiffEqual:
			if i+n > len(base.ids) || j+n > len(other.ids) ||
				!slices.Equal(base.ids[i:i+n], other.ids[j:j+n]) {
				return nil, false
			}
			i, j, open = i+n, j+n, false
			continue
		case !open:
			spans = append(spans, span{i, i, j, j})
			open = true
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
		} else {
			j += n
		}
		spans[len(spans)-1].i1, spans[len(spans)-1].j1 = i, j
	}
	if i != len(base.ids) || j != len(other.ids) {
		return nil, false
	}

	// Like DiffCleanupSemantic (whose word-boundary step miscounts
	// multi-byte runes, so it is not used on our token runes): an unchanged
	// stretch no longer than the edits on both sides of it is coincidence,
	// such as "de" kept in a rewritten sentence, so the edits around it
	// become one. Merging can make an earlier stretch small enough too.
	var merged []span
	for _, sp := range spans {
		for n := len(merged); n > 0; n-- {
			prev := merged[n-1]
			if gap := sp.i0 - prev.i1; gap > prev.size() || gap > sp.size() {
				break
			}
			sp = span{prev.i0, sp.i1, prev.j0, sp.j1}
			merged = merged[:n-1]
		}
		merged = append(merged, sp)
	}
	// Slide each edit as far as it goes without changing the side's text,
	// keeping one unchanged token to the side's neighbouring edits: left for
	// its canonical position, right for its reach. A step is possible when
	// the token leaving the edit equals the one entering it.
	out := make([]region, len(merged))
	for k, sp := range merged {
		lo, hi := 0, len(base.ids)
		if k > 0 {
			lo = merged[k-1].i1 + 1
		}
		if k+1 < len(merged) {
			hi = merged[k+1].i0 - 1
		}
		r := sp
		for r.i1 < hi && r.j1 < len(other.ids) && base.ids[r.i0] == other.ids[r.j0] && base.ids[r.i1] == other.ids[r.j1] {
			r = span{r.i0 + 1, r.i1 + 1, r.j0 + 1, r.j1 + 1}
		}
		reach := r.i1
		for r = sp; r.i0 > lo && r.j0 > 0 && base.ids[r.i0-1] == other.ids[r.j0-1] && base.ids[r.i1-1] == other.ids[r.j1-1]; {
			r = span{r.i0 - 1, r.i1 - 1, r.j0 - 1, r.j1 - 1}
		}
		out[k] = region{r.i0, r.i1, reach, other.s[other.offs[r.j0]:other.offs[r.j1]], mine}
	}
	return out, true
}

// encoder gives every distinct token a rune of its own, so that go-diff, which
// works on runes, diffs tokens. Only valid, non-surrogate runes are used:
// go-diff converts runes to strings internally, and an invalid rune would
// become U+FFFD and make different tokens look equal.
type encoder struct {
	ids      map[string]rune
	next     rune
	overflow bool // more distinct tokens than there are runes
}

// split cuts s into tokens and encodes them, sharing ids across the three
// texts so that a token means the same rune in each.
func (e *encoder) split(s string) text {
	t := text{s: s, ids: make([]rune, 0, len(s)/4), offs: make([]int, 0, len(s)/4+1)}
	for p := 0; p < len(s); {
		n := tokenLen(s[p:])
		tok := s[p : p+n]
		id, seen := e.ids[tok]
		if !seen {
			if e.next == 0xD800 {
				e.next = 0xE000
			}
			if e.next > unicode.MaxRune {
				e.overflow = true
			}
			id = e.next
			e.ids[tok] = id
			e.next++
		}
		t.ids = append(t.ids, id)
		t.offs = append(t.offs, p)
		p += n
	}
	t.offs = append(t.offs, len(s))
	return t
}

// token returns the text of token i.
func (t text) token(i int) string { return t.s[t.offs[i]:t.offs[i+1]] }

// tokenLen returns the byte length of the first token of a non-empty s: a
// word (letters, digits and combining marks, so decomposed é stays whole), a
// run of whitespace, or one other character with the marks and zero-width
// joins that belong to it. An invalid byte is a token of its own, so it is
// carried through unchanged.
func tokenLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case isWord(r):
		return n + runLen(s[n:], isWord)
	case unicode.IsSpace(r):
		return n + runLen(s[n:], unicode.IsSpace)
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case unicode.IsMark(r):
			n += size
		case r == zwj:
			n += size
			if n < len(s) {
				_, size = utf8.DecodeRuneInString(s[n:])
				n += size
			}
		default:
			return n
		}
	}
	return n
}

// runLen returns the byte length of the prefix of s whose runes satisfy in.
// Invalid bytes decode as U+FFFD, which no class used here accepts, so they
// always end a run.
func runLen(s string, in func(rune) bool) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !in(r) {
			break
		}
		n += size
	}
	return n
}

// isWord reports whether r belongs in a word token.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isSpaceToken reports whether tok is a whitespace run, which does not keep
// two edits apart.
func isSpaceToken(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsSpace(r)
}
