package casus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
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
	// current is set for a given name in use in the Netherlands today,
	// which is read as a name first ("Eva heeft", "Max zit").
	current bool
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
	words map[string]struct{}  // ordinary words
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
		words := gunzip(wordsGz)
		l.words = make(map[string]struct{}, strings.Count(words, "\n"))
		for line := range strings.SplitSeq(words, "\n") {
			if line != "" && line[0] != '#' {
				l.words[line] = struct{}{}
			}
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
		n.current = n.current || strings.Contains(flags, "n")
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
	_, ok := l.words[strings.ToLower(w)]
	return ok
}

// isOrdinary reports whether w is an ordinary Dutch word: on the word
// list, an inflected form or diminutive of one ("ouders", "zusje",
// "meiden"), or a compound of two or three of them ("supermarkt",
// "jeugdbeschermer", "kinderrechtenverdrag"), with a linking s, e or en.
func (l *nameLists) isOrdinary(w string) bool {
	return l.ordinaryDepth(strings.ToLower(w), 2)
}

func (l *nameLists) ordinaryDepth(w string, depth int) bool {
	if l.isWord(w) || l.isInflected(w) {
		return true
	}
	if depth == 0 {
		return false
	}
	for j := 3; j <= len(w)-3; j++ {
		if !utf8.RuneStart(w[j]) {
			continue
		}
		tail := w[j:]
		if len(tail) == 3 {
			// a short last word only after a long first one: "moederdag"
			if j >= 4 && l.isWord(tail) && l.isWord(w[:j]) {
				return true
			}
			continue
		}
		if !l.isWord(tail) && !l.isInflected(tail) {
			continue
		}
		head := w[:j]
		if l.isWord(head) || l.ordinaryDepth(head, depth-1) {
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

// isInflected reports whether w is a plural, an inflected form or a
// diminutive of a word on the list: "broers", "voeten", "lieve", "zusje",
// "meisjes".
func (l *nameLists) isInflected(w string) bool {
	if len(w) < 4 || !inflectionLast[w[len(w)-1]] {
		return false
	}
	for _, suffix := range []string{"'s", "jes", "tjes", "etjes", "je", "tje", "etje", "pje", "en", "s", "e", "t", "n"} {
		base, ok := strings.CutSuffix(w, suffix)
		if !ok || len(base) < 3 {
			continue
		}
		if l.isWord(base) {
			return true
		}
		n := len(base)
		if base[n-1] == base[n-2] && l.isWord(base[:n-1]) {
			return true // "ballen": bal
		}
		switch base[n-1] {
		case 'v':
			if l.isWord(base[:n-1] + "f") {
				return true // "lieve": lief
			}
		case 'z':
			if l.isWord(base[:n-1] + "s") {
				return true
			}
		}
	}
	return false
}

// inflectionLast are the last letters of the endings isInflected strips.
var inflectionLast = [256]bool{'s': true, 'e': true, 't': true, 'n': true}

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
