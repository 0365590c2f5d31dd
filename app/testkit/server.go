package testkit

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/authz"
	"schakel/app/config"
	"schakel/app/demo"
	"schakel/app/mail"
	"schakel/app/password"
	"schakel/app/service"
	"schakel/app/web"
)

// FastHashing keeps argon2id cheap in tests; the format and code path stay
// those of production.
var FastHashing = password.Params{Memory: 64, Time: 1, Threads: 1}

// Env is a running Schakel server over a seeded database.
type Env struct {
	DB     *bun.DB
	Authz  *authz.Authorizer
	Svc    *service.Service
	Server *web.Server
	Config config.Config
	// Mail delivers the outbox when a mail server is configured; nil
	// otherwise.
	Mail *mail.Sender
	// URL is the server's base URL, such as http://127.0.0.1:41234.
	URL string
	// MetricsURL is the address of /metrics when the configuration has a
	// metrics address (tune MetricsAddr to "127.0.0.1:0"), else empty.
	MetricsURL string

	addr    string
	dataDir string
	logs    logBuffer
	tune    []func(*config.Config)
	stop    func()

	// clock is the sign-in limits' clock: the moment the environment
	// started, moved on only by Advance.
	clockStart time.Time
	clockShift atomic.Int64
}

// Advance moves the clock of the sign-in limits on by d, as if that much
// time had passed; without it the clock stands still, so that no wait
// runs out while a test runs, however slow the machine.
func (e *Env) Advance(d time.Duration) { e.clockShift.Add(int64(d)) }

// now is the time on the sign-in limits' clock.
func (e *Env) now() time.Time { return e.clockStart.Add(time.Duration(e.clockShift.Load())) }

// Start seeds the demo data into db and serves Schakel on a loopback port
// until the test ends. tune, if given, changes the configuration first.
func Start(t testing.TB, db *bun.DB, tune ...func(*config.Config)) *Env {
	t.Helper()
	ctx := context.Background()
	if err := demo.Seed(ctx, db, FastHashing); err != nil {
		t.Fatalf("seed: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{DB: db, URL: "http://" + ln.Addr().String(), addr: ln.Addr().String(), dataDir: t.TempDir(), tune: tune, clockStart: time.Now()}
	e.serve(t, ln)
	return e
}

// Client is a browser stand-in: it keeps cookies, does not follow
// redirects (so tests see them), and sends the CSRF token of the last page
// it loaded, as a form field or, for htmx requests, as the header.
type Client struct {
	t    testing.TB
	env  *Env
	HTTP *http.Client
	// CSRF is the token of the last page loaded.
	CSRF string
}

// Client returns a new client without a session.
func (e *Env) Client(t testing.TB) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: t, env: e, HTTP: &http.Client{
		Jar:     jar,
		Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}}
}

// Response is an answer with its parsed page.
type Response struct {
	Status int
	Header http.Header
	Body   string
	Doc    *goquery.Document
}

// Text returns the trimmed text of the first element matching selector.
func (r *Response) Text(selector string) string {
	return strings.TrimSpace(r.Doc.Find(selector).First().Text())
}

// Location is the path a redirect points to.
func (r *Response) Location() string {
	if l := r.Header.Get("Location"); l != "" {
		return l
	}
	return r.Header.Get("HX-Redirect")
}

// Do sends a request and parses the answer.
func (c *Client) Do(req *http.Request) *Response {
	c.t.Helper()
	resp, err := c.HTTP.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		c.t.Fatal(err)
	}
	if tok, ok := doc.Find(`input[name="_csrf"]`).First().Attr("value"); ok && tok != "" {
		c.CSRF = tok
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: string(body), Doc: doc}
}

// Get loads a page.
func (c *Client) Get(path string) *Response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.env.URL+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.Do(req)
}

// GetHTMX loads a fragment as htmx does, with the HX-Request header set.
func (c *Client) GetHTMX(path string) *Response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.env.URL+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("HX-Request", "true")
	return c.Do(req)
}

// Post submits a form as a browser without JavaScript does, adding the
// CSRF token of the last page unless the form has a _csrf field already.
func (c *Client) Post(path string, form url.Values) *Response {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", c.CSRF)
	}
	req, err := http.NewRequest(http.MethodPost, c.env.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Do(req)
}

// PostHTMX submits a form as htmx does: the CSRF token in the header and the
// HX-Request header set.
func (c *Client) PostHTMX(path string, form url.Values) *Response {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	req, err := http.NewRequest(http.MethodPost, c.env.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("X-Csrf-Token", c.CSRF)
	return c.Do(req)
}

// SignIn loads the sign-in page and signs in; it fails the test unless the
// sign-in succeeds. An account that must set up two-factor puts it off, as
// the demo accounts may on a server with the demo data.
func (c *Client) SignIn(email string) {
	c.t.Helper()
	c.SignInWith(email, demo.Password)
}

// SignInWith is SignIn with another password.
func (c *Client) SignInWith(email, password string) {
	c.t.Helper()
	c.Get("/login")
	r := c.Post("/login", url.Values{"email": {email}, "password": {password}})
	if r.Status != http.StatusSeeOther {
		c.t.Fatalf("sign in as %s: status %d: %s", email, r.Status, r.Text("[role=alert]"))
	}
	if r.Location() == "/login/two-factor/setup" {
		c.Get(r.Location())
		if r = c.Post("/login/two-factor/later", nil); r.Status != http.StatusSeeOther {
			c.t.Fatalf("sign in as %s: putting off two-factor: status %d: %s", email, r.Status, r.Text("[role=alert]"))
		}
	}
	c.Get("/workspaces")
}

// Cookie returns the value of the named cookie the client holds for the server.
func (c *Client) Cookie(name string) string {
	u, _ := url.Parse(c.env.URL)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// Env returns the environment the client talks to.
func (c *Client) Env() *Env { return c.env }

// logBuffer keeps what the server logs, for tests that read it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Logs returns what the server has logged so far.
func (e *Env) Logs() string {
	e.logs.mu.Lock()
	defer e.logs.mu.Unlock()
	return e.logs.buf.String()
}
