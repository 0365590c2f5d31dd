package casus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/namegen -out namedata

// The lists the probable tier is built on; namedata/README.md says where
// they come from and under which licences.
var (
	//go:embed namedata/names.txt.gz
	namesGz []byte
	//go:embed namedata/words.txt.gz
	wordsGz []byte
)

// nameInfo says what the name list knows of a word.
type nameInfo struct {
	given   bool // a given name
	surname bool // a surname written as this one word ("Bakker")
	// common is set for a name that is also a frequent ordinary word
	// ("Roos", "Storm", "Bakker").
	common bool
	// particles are the tussenvoegsels this word takes as the last word of
	// a surname ("de" and "van der" for "vries"), as folded words joined by
	// single spaces.
	particles []string
}

// listed reports whether the word is a name on its own.
func (n nameInfo) listed() bool { return n.given || n.surname }

// nameLists holds the lists once they are read.
type nameLists struct {
	names map[string]*nameInfo // by folded word
	words string               // ordinary words, sorted, one a line
	lines []int32              // the offset of every line of words
}

var (
	listsOnce sync.Once
	lists     *nameLists
)

// loadLists reads the embedded lists on first use.
func loadLists() *nameLists {
	listsOnce.Do(func() {
		l := &nameLists{names: map[string]*nameInfo{}}
		for _, line := range strings.Split(gunzip(namesGz), "\n") {
			name, flags, ok := strings.Cut(line, "\t")
			if !ok || strings.HasPrefix(name, "#") {
				continue
			}
			l.addName(name, flags)
		}
		l.words = gunzip(wordsGz)
		for i := 0; i < len(l.words); {
			end := strings.IndexByte(l.words[i:], '\n')
			if end < 0 {
				end = len(l.words) - i
			}
			if l.words[i] != '#' {
				l.lines = append(l.lines, int32(i))
			}
			i += end + 1
		}
		lists = l
	})
	return lists
}

// addName records one entry of the name list.
func (l *nameLists) addName(name, flags string) {
	parts := strings.Fields(name)
	if len(parts) == 0 {
		return
	}
	get := func(k string) *nameInfo {
		n := l.names[k]
		if n == nil {
			n = &nameInfo{}
			l.names[k] = n
		}
		return n
	}
	last := fold(parts[len(parts)-1])
	if len(parts) == 1 {
		n := get(last)
		n.given = n.given || strings.Contains(flags, "g")
		n.surname = n.surname || strings.Contains(flags, "s")
		n.common = n.common || strings.Contains(flags, "c")
		return
	}
	// "de vries", "van 't hof": tussenvoegsels and a last word. Names of
	// several capitalised words ("de la cruz" aside) are rare and dropped.
	prefix := parts[:len(parts)-1]
	for i, p := range prefix {
		p = strings.Trim(p, "'")
		if !tussenvoegsels[p] {
			return
		}
		prefix[i] = fold(strings.TrimLeft(prefix[i], "'"))
	}
	n := get(last)
	n.particles = append(n.particles, strings.Join(prefix, " "))
}

// gunzip returns the text of gzipped data; the data are embedded and
// tested, so a broken file is a programming error.
func gunzip(b []byte) string {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		panic("casus: embedded list: " + err.Error())
	}
	var out strings.Builder
	if _, err := io.Copy(&out, bufio.NewReader(r)); err != nil {
		panic("casus: embedded list: " + err.Error())
	}
	return out.String()
}

// name returns what the list knows of a folded word, or nil.
func (l *nameLists) name(key string) *nameInfo { return l.names[key] }

// isWord reports whether w, in lower case, is an ordinary Dutch word.
func (l *nameLists) isWord(w string) bool {
	w = strings.ToLower(w)
	i := sort.Search(len(l.lines), func(i int) bool { return l.line(i) >= w })
	return i < len(l.lines) && l.line(i) == w
}

// isOrdinary reports whether w is an ordinary Dutch word or a compound of
// two ("supermarkt", "jeugdbeschermer": "jeugd" and "beschermer"), with a
// linking s or e between them ("zorgsverzekeraar").
func (l *nameLists) isOrdinary(w string) bool {
	w = strings.ToLower(w)
	if l.isWord(w) {
		return true
	}
	for j := 3; j <= len(w)-4; j++ {
		if !utf8.RuneStart(w[j]) || !l.isWord(w[j:]) {
			continue
		}
		head := w[:j]
		if l.isWord(head) {
			return true
		}
		for _, link := range []string{"s", "e", "en"} {
			if h, ok := strings.CutSuffix(head, link); ok && len(h) >= 3 && l.isWord(h) {
				return true
			}
		}
	}
	return false
}

// line returns line i of the word list.
func (l *nameLists) line(i int) string {
	start := int(l.lines[i])
	end := strings.IndexByte(l.words[start:], '\n')
	if end < 0 {
		return l.words[start:]
	}
	return l.words[start : start+end]
}

// tussenvoegsels are the lower-case words between a given name and a
// surname ("van der", "'t", "el"), as they are written in the name list.
var tussenvoegsels = map[string]bool{
	"van": true, "de": true, "der": true, "den": true, "het": true, "t": true,
	"ter": true, "ten": true, "te": true, "in": true, "op": true, "aan": true,
	"uit": true, "onder": true, "bij": true, "vanden": true, "vander": true,
	"vande": true, "ver": true, "le": true, "la": true, "du": true, "da": true,
	"dos": true, "das": true, "di": true, "del": true, "el": true, "al": true,
	"ben": true, "von": true, "zu": true, "s": true, "d": true,
}
