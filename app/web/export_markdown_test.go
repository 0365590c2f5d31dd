package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// markupAttempts are texts people might type, on purpose or not, that
// Markdown would take for markup.
var markupAttempts = []struct{ name, text string }{
	{"heading", "# Kop"},
	{"heading closing sequence", "Titel ##"},
	{"link", "[klik hier](javascript:alert(1))"},
	{"image", "![beeld](https://voorbeeld.nl/x.png)"},
	{"reference definition", "[ref]: https://voorbeeld.nl"},
	{"autolink", "<https://voorbeeld.nl>"},
	{"raw html", "<script>alert(1)</script>"},
	{"html comment", "<!-- verborgen -->"},
	{"entities", "&lt;b&gt; en &amp; en &#60;"},
	{"emphasis", "*vet* en _schuin_ en **heel vet** en __ook__"},
	{"code", "`code` en ``meer``"},
	{"fenced code", "```\ncode\n```"},
	{"tilde fence", "~~~\ncode\n~~~"},
	{"strikethrough", "~~weg~~"},
	{"ordered list", "1. eerste"},
	{"ordered list with parenthesis", "2) tweede"},
	{"bullet list", "- punt"},
	{"plus list", "+ punt"},
	{"star list", "* punt"},
	{"task list", "[ ] taak"},
	{"quote", "> citaat"},
	{"indented code", "    ingesprongen"},
	{"setext heading", "Kop\n==="},
	{"setext heading with dashes", "Kop\n---"},
	{"thematic break", "***"},
	{"table", "| a | b |\n|---|---|\n| c | d |"},
	{"backslashes", `C:\map\*bestand\*`},
	{"hard break by spaces", "regel  \nvolgende"},
	{"hard break by backslash", "regel\\\nvolgende"},
	{"paragraphs", "Regel één\nRegel twee\n\n\nNieuwe alinea"},
	{"plain text", "Afspraak: 3 scholen, 12 professionals (2027)."},
}

// renderMarkdown renders md as CommonMark with GitHub's tables,
// strikethrough and task lists, passing raw HTML through as a careless
// renderer would.
func renderMarkdown(t *testing.T, md string) *goquery.Selection {
	t.Helper()
	var out bytes.Buffer
	g := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	if err := g.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Find("body")
}

func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// elements lists the tag names of every element under s.
func elements(s *goquery.Selection) []string {
	var names []string
	s.Find("*").Each(func(_ int, e *goquery.Selection) { names = append(names, goquery.NodeName(e)) })
	return names
}

func TestMarkdownShowsTypedTextAsTyped(t *testing.T) {
	for _, tt := range markupAttempts {
		t.Run(tt.name, func(t *testing.T) {
			body := renderMarkdown(t, mdText(tt.text))
			for _, name := range elements(body) {
				if name != "p" && name != "br" {
					t.Errorf("%q became <%s>: %s", tt.text, name, mdText(tt.text))
				}
			}
			if got := words(body.Text()); got != words(tt.text) {
				t.Errorf("%q shows as %q", tt.text, got)
			}
		})
	}
}

func TestMarkdownInlineStaysInItsPlace(t *testing.T) {
	for _, tt := range markupAttempts {
		t.Run(tt.name, func(t *testing.T) {
			doc := "# Titel\n\n- **Label:** " + mdInline(tt.text) + "\n\n" +
				"| Nr. | Tekst |\n| --- | --- |\n| 1 | " + mdInline(tt.text) + " |\n\n### 1. " + mdInline(tt.text) + "\n"
			body := renderMarkdown(t, doc)
			want := []string{"h1", "ul", "li", "strong", "table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td", "h3"}
			if got := elements(body); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("%q broke the document's structure: %v\n%s", tt.text, got, doc)
			}
			text := words(tt.text)
			if got := words(body.Find("li").Text()); got != "Label: "+text {
				t.Errorf("list item shows %q", got)
			}
			if got := words(body.Find("td").Last().Text()); got != text {
				t.Errorf("table cell shows %q", got)
			}
			if got := words(body.Find("h3").Text()); got != "1. "+text {
				t.Errorf("heading shows %q", got)
			}
		})
	}
}

func TestFileSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Casusoverleg", "casusoverleg"},
		{"Training (dagdeel) — Café Zeeën", "training-dagdeel-cafe-zeeen"},
		{"  ../../etc/passwd  ", "etc-passwd"},
		{`"Netwerk"; rm -rf`, "netwerk-rm-rf"},
		{"Ω≈ç√", "c"},
		{"!!!", "overleg"},
		{strings.Repeat("overleg ", 20), "overleg-overleg-overleg-overleg-overleg-overleg-overleg-over"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fileSlug(tt.in); got != tt.want {
				t.Errorf("fileSlug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
