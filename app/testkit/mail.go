package testkit

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"schakel/app/mail"
)

// Outbox returns every message in the outbox, oldest first: what Schakel
// has sent or is about to send. Without a mail server configured (as
// Start runs by default) nothing leaves it, and the bodies stay.
func (e *Env) Outbox(t testing.TB) []mail.Message {
	t.Helper()
	var list []mail.Message
	if err := e.DB.NewSelect().Model(&list).OrderExpr("id").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	return list
}

// MailLink returns the first link to this server in the newest message to
// address, as a path for a Client to Get (such as /uitnodiging/abc). It
// fails the test when there is no such message or link.
func (e *Env) MailLink(t testing.TB, address string) string {
	t.Helper()
	list := e.Outbox(t)
	for i := len(list) - 1; i >= 0; i-- {
		m := list[i]
		if !strings.EqualFold(m.To, address) {
			continue
		}
		if link := FirstLink(e.URL, m.HTML, m.Text); link != "" {
			return link
		}
		t.Fatalf("the newest message to %s (%s, %q) has no link to %s", address, m.Kind, m.Subject, e.URL)
	}
	t.Fatalf("no message to %s in the outbox", address)
	return ""
}

var textLink = regexp.MustCompile(`https?://[^\s<>"]+`)

// FirstLink returns the first link under base in an e-mail's HTML body,
// or else in its text body, as the path after base; "" when there is none.
func FirstLink(base, html, text string) string {
	var links []string
	if doc, err := goquery.NewDocumentFromReader(strings.NewReader(html)); err == nil {
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			links = append(links, a.AttrOr("href", ""))
		})
	}
	links = append(links, textLink.FindAllString(text, -1)...)
	for _, l := range links {
		if rest, ok := strings.CutPrefix(l, base); ok && strings.HasPrefix(rest, "/") {
			return rest
		}
	}
	return ""
}
