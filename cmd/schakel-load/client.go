package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// session is one signed-in browser: cookies and the CSRF token of the last
// page it loaded.
type session struct {
	base  string
	email string
	http  *http.Client
	csrf  string
}

func newSession(base string) *session {
	jar, _ := cookiejar.New(nil)
	return &session{base: base, http: &http.Client{
		Jar:     jar,
		Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Transport: &http.Transport{MaxIdleConnsPerHost: 64},
	}}
}

type page struct {
	status   int
	location string
	doc      *goquery.Document
}

func (s *session) do(ctx context.Context, method, path string, form url.Values, htmx bool) (*page, error) {
	var body io.Reader
	if form != nil {
		if !htmx {
			form.Set("_csrf", s.csrf)
		}
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, body)
	if err != nil {
		return nil, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if htmx {
		req.Header.Set("HX-Request", "true")
		req.Header.Set("X-Csrf-Token", s.csrf)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		return nil, err
	}
	if tok, ok := doc.Find(`input[name="_csrf"]`).First().Attr("value"); ok && tok != "" {
		s.csrf = tok
	}
	return &page{status: resp.StatusCode, location: resp.Header.Get("Location"), doc: doc}, nil
}

func (s *session) get(ctx context.Context, path string) (*page, error) {
	p, err := s.do(ctx, http.MethodGet, path, nil, false)
	if err == nil && p.status != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", path, p.status)
	}
	return p, err
}

// post submits a form; it expects a redirect (303) or 200.
func (s *session) post(ctx context.Context, path string, form url.Values) (*page, error) {
	p, err := s.do(ctx, http.MethodPost, path, form, false)
	if err == nil && p.status != http.StatusSeeOther && p.status != http.StatusOK {
		alert := strings.TrimSpace(p.doc.Find("[role=alert]").First().Text())
		err = fmt.Errorf("POST %s: status %d %s", path, p.status, alert)
	}
	return p, err
}

func (s *session) signIn(ctx context.Context, email, password string) error {
	if _, err := s.get(ctx, "/login"); err != nil {
		return err
	}
	p, err := s.do(ctx, http.MethodPost, "/login", url.Values{"email": {email}, "password": {password}}, false)
	if err != nil {
		return err
	}
	if p.status != http.StatusSeeOther {
		return fmt.Errorf("sign in as %s: status %d", email, p.status)
	}
	s.email = email
	_, err = s.get(ctx, "/workspaces")
	return err
}

// cookieHeader is the Cookie header for a websocket dial.
func (s *session) cookieHeader() string {
	u, _ := url.Parse(s.base)
	var parts []string
	for _, c := range s.http.Jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}
