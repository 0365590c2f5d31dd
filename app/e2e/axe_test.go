package e2e_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the pages must pass: WCAG 2.1 levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeScript is axe-core as npm installed it (make assets).
var axeScript = sync.OnceValues(func() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	src, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return "", fmt.Errorf("axe-core is not installed (run make assets, which runs npm ci): %w", err)
	}
	return string(src), nil
})

// moduleRoot is the directory of go.mod; tests run in their package's
// directory below it.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// axeViolation is one rule a page breaks, with the elements that break it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// colourRules are the axe rules whose outcome depends on the colours: all
// that can change when the colour scheme does, since the markup does not.
var colourRules = []string{"color-contrast", "link-in-text-block"}

// checkAccessibility runs axe-core on the page as it is now and fails the
// test with every WCAG 2.1 A or AA violation, naming the elements.
func (p *tab) checkAccessibility(state string) {
	p.t.Helper()
	tags, _ := json.Marshal(axeTags)
	p.axe(state, `{type: 'tag', values: `+string(tags)+`}`)
}

// checkColours runs only the rules that depend on colour, for the same page
// in another colour scheme.
func (p *tab) checkColours(state string) {
	p.t.Helper()
	rules, _ := json.Marshal(colourRules)
	p.axe(state, `{type: 'rule', values: `+string(rules)+`}`)
}

// axe runs axe-core with the runOnly option given and reports violations.
func (p *tab) axe(state, runOnly string) {
	p.t.Helper()
	src, err := axeScript()
	if err != nil {
		p.t.Fatal(err)
	}
	if !eval[bool](p, "typeof window.axe === 'object'") {
		p.do("load axe-core", chromedp.Evaluate[chromedp.Void](src))
	}
	violations := eval[[]axeViolation](p, `axe.run(document, {
		runOnly: `+runOnly+`,
		resultTypes: ['violations']
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
	})))`)
	for _, v := range violations {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s (%s, %s)", state, v.ID, v.Help, v.Impact)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n\t%s\n\t\t%s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
		p.t.Error(b.String())
	}
}
