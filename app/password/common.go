package password

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// commonList is the list of common and breached passwords that new
// passwords are checked against: the 47,023 passwords of the "passwords"
// frequency list of zxcvbn (the most frequent passwords of Mark Burnett's
// ten million leaked passwords, as Dropbox's zxcvbn ranks them), taken from
// data/passwords.txt of the Go module github.com/trustelem/zxcvbn v1.0.1
// (MIT licence, Copyright (c) 2018 Vincent Vanackere and Trustelem),
// lower-cased, without the counts and without repeats, one per line, in
// order of frequency.
//
//go:embed common.txt.gz
var commonList []byte

// common is the set of commonList, read once when first asked.
var common = sync.OnceValue(func() map[string]struct{} {
	r, err := gzip.NewReader(bytes.NewReader(commonList))
	if err != nil {
		panic("password: common.txt.gz: " + err.Error())
	}
	set := make(map[string]struct{}, 48000)
	s := bufio.NewScanner(r)
	for s.Scan() {
		if w := s.Text(); w != "" {
			set[w] = struct{}{}
		}
	}
	if err := s.Err(); err != nil {
		panic("password: common.txt.gz: " + err.Error())
	}
	return set
})

// CommonCount is how many passwords the shipped list holds.
func CommonCount() int { return len(common()) }

// Common reports whether pw is a password that guessers try first: one
// on the shipped list of common and breached passwords (compared without
// regard to case), or one made of a short run of characters repeated
// ("abcabcabcabc") or of a plain sequence ("123456789012", "abcdefghijkl"),
// which NIST SP 800-63B names beside the breached ones. It makes no rule
// about which kinds of characters a password must hold.
func Common(pw string) bool {
	lower := strings.ToLower(pw)
	if _, ok := common()[lower]; ok {
		return true
	}
	return repeated(lower) || sequence(lower)
}

// repeated reports whether s is a run of at most four characters repeated
// over its whole length.
func repeated(s string) bool {
	r := []rune(s)
	for period := 1; period <= 4 && period < len(r); period++ {
		if len(r)%period != 0 {
			continue
		}
		same := true
		for i := period; i < len(r) && same; i++ {
			same = r[i] == r[i-period]
		}
		if same {
			return true
		}
	}
	return false
}

// sequence reports whether s climbs or descends one character at a time,
// digits going round from 9 to 0 ("789012").
func sequence(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	r := []rune(s)
	for _, step := range [2]int{1, -1} {
		ok := true
		for i := 1; i < len(r) && ok; i++ {
			ok = next(r[i-1], step) == r[i]
		}
		if ok {
			return true
		}
	}
	return false
}

func next(c rune, step int) rune {
	if c >= '0' && c <= '9' {
		return '0' + (c-'0'+rune(step)+10)%10
	}
	return c + rune(step)
}
