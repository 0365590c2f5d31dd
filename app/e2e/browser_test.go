package e2e_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"schakel/app/demo"
	"schakel/app/i18n"
	"schakel/app/testkit"
)

// The variables that steer the browser tests.
const (
	// browserEnv set to "required" fails the tests when no Chromium is
	// found, instead of skipping them.
	browserEnv = "SCHAKEL_TEST_BROWSER"
	// chromiumEnv names the Chromium (or Chrome) binary to use.
	chromiumEnv = "SCHAKEL_CHROMIUM"
)

// waitFor bounds every wait for something a user would see. It is generous
// because the race detector slows the server several times over; a wait
// ends as soon as its condition holds.
const waitFor = 20 * time.Second

// messages are Schakel's texts, so that tests look for what the user reads
// without copying it.
var messages = func() *i18n.Bundle {
	b, err := i18n.Load()
	if err != nil {
		panic(err)
	}
	return b
}()

// nl returns a Dutch message, as a page without a chosen language shows it.
func nl(id string, args ...any) string { return messages.Translator("nl").Get(id, args...) }

// en returns an English message.
func en(id string, args ...any) string { return messages.Translator("en").Get(id, args...) }

// chromiumPath finds the browser: SCHAKEL_CHROMIUM, else chromium or
// chromium-browser on PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv(chromiumEnv); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", chromiumEnv, p, err)
		}
		return found, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found; install Debian's chromium or set " + chromiumEnv)
}

// chromium is the one headless Chromium of the test run, started by the
// first test that needs it and ended by TestMain. Every person in every
// test gets a browser context of their own in it (their own cookies and
// storage), which is cheaper than a process each and as separate.
var chromium struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	dir    string
	err    error
}

// TestMain ends the shared Chromium, if a test started it, after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if chromium.cancel != nil {
		chromium.cancel()
	}
	if chromium.dir != "" {
		os.RemoveAll(chromium.dir)
	}
	os.Exit(code)
}

// startChromium starts the shared browser with a fresh profile.
func startChromium() {
	path, err := chromiumPath()
	if err != nil {
		chromium.err = err
		return
	}
	if chromium.dir, err = os.MkdirTemp("", "schakel-chromium-"); err != nil {
		chromium.err = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Two people's pages run side by side in one browser: neither may
		// be slowed down for being in the background.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("force-color-profile", "srgb"),
		// Clicks land where an element is, not where a smooth scroll is
		// taking it: the pages scroll smoothly only for people who have not
		// asked for reduced motion.
		chromedp.Flag("force-prefers-reduced-motion", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.UserDataDir(chromium.dir),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	chromium.ctx = ctx
	chromium.cancel = func() {
		cancel()
		cancelAlloc()
	}
	// The first Do starts the browser; it must have no deadline, or the
	// browser would end with it.
	if err := chromedp.Do(ctx); err != nil {
		chromium.err = fmt.Errorf("start %s: %w", path, err)
	}
}

// browser is the shared Chromium as one test uses it.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu         sync.Mutex
	exceptions []string
}

// newBrowser gives the test the shared headless Chromium, or skips the
// test when there is none (failing it when SCHAKEL_TEST_BROWSER=required).
// An uncaught exception in any of the test's pages fails the test.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	chromium.once.Do(startChromium)
	if err := chromium.err; err != nil {
		if os.Getenv(browserEnv) == "required" {
			t.Fatalf("%v (%s=required)", err, browserEnv)
		}
		t.Skip(err.Error())
	}
	b := &browser{t: t, ctx: chromium.ctx}
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, e := range b.exceptions {
			t.Errorf("uncaught exception in the page: %s", e)
		}
	})
	return b
}

// tab is one person's page, in a browser context of their own.
type tab struct {
	t    *testing.T
	b    *browser
	ctx  context.Context
	env  *testkit.Env
	base string
	// who names the person in failure messages.
	who string
}

// open returns a new page for who, sharing no cookies with any other page,
// against the server of env.
func (b *browser) open(env *testkit.Env, who string) *tab {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		b.t.Fatalf("open a page for %s: %v", who, err)
	}
	go b.watch(ctx, who)
	return &tab{t: b.t, b: b, ctx: ctx, env: env, base: env.URL, who: who}
}

// in returns the same page for a subtest, so that a failure ends the
// subtest and not its parent.
func (p *tab) in(t *testing.T) *tab {
	c := *p
	c.t = t
	return &c
}

// watch collects uncaught exceptions of the page: a script error is a
// defect a user would run into, even when the test's own checks pass.
func (b *browser) watch(ctx context.Context, who string) {
	for m, err := range chromedp.Console(ctx) {
		if err != nil {
			return
		}
		if m.IsException() {
			b.mu.Lock()
			b.exceptions = append(b.exceptions, who+": "+m.String())
			b.mu.Unlock()
		}
	}
}

// do runs steps within waitFor, failing the test with what on error.
func (p *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, waitFor)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%s: %s: %v", p.who, what, err)
	}
}

// onElement runs steps that act on an element found by a selector, within
// waitFor. A live update can replace the element between finding it and
// acting on it; then the steps are run again on the new one.
func (p *tab) onElement(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		ctx, cancel := context.WithTimeout(p.ctx, time.Until(deadline))
		err := chromedp.Do(ctx, steps...)
		cancel()
		if err == nil {
			return
		}
		if !replaced(err) || time.Now().After(deadline) {
			p.t.Fatalf("%s: %s: %v", p.who, what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// replaced reports whether err says that the element acted on left the
// document after it was found.
func replaced(err error) bool {
	msg := err.Error()
	for _, s := range []string{"Could not find node with given id", "No node with given id found", "Node is detached from document"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// run runs one action with a value within waitFor.
func run[T any](p *tab, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, waitFor)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.t.Fatalf("%s: %s: %v", p.who, what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](p *tab, expr string) T {
	p.t.Helper()
	return run(p, "evaluate "+expr, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// js quotes a Go string as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// goTo loads a path of the server and waits for the page to be there.
func (p *tab) goTo(path string) {
	p.t.Helper()
	p.do("open "+path, chromedp.Navigate(p.base+path), chromedp.WaitReady(chromedp.CSS("body")))
}

// goToPlan loads a plan's board and waits until its live connection is
// up, which shows as this person in the list of who is looking. Only then
// does the board stand still: the list moves what is below it, and a click
// aimed before that could land on something else.
func (p *tab) goToPlan(path string) {
	p.t.Helper()
	p.goTo(path)
	p.until("the live connection (oneself among who is looking)",
		`document.querySelector('#presence-viewers li[data-user="' + document.getElementById("plan-board").dataset.user + '"]')`)
}

// reloadPlan loads the plan's board again, as the browser's reload does,
// and waits as goToPlan does.
func (p *tab) reloadPlan() {
	p.t.Helper()
	// The old document is marked, so that what follows waits for the new
	// one: a key pressed while the old one is still shown would be lost
	// with it.
	eval[bool](p, `window.schakelBeforeReload = true`)
	p.do("reload", chromedp.Reload())
	p.until("the live connection after reloading",
		`!window.schakelBeforeReload && document.readyState === "complete" && document.querySelector('#presence-viewers li[data-user="' + document.getElementById("plan-board").dataset.user + '"]')`)
}

// path is the path of the page shown, with its query.
func (p *tab) path() string {
	p.t.Helper()
	return eval[string](p, "location.pathname + location.search")
}

// until waits until the JavaScript condition holds, failing the test with
// what the user would have expected to see.
func (p *tab) until(what, cond string) {
	p.t.Helper()
	if err := p.poll(cond); err != nil {
		p.t.Fatalf("%s: waited %s for %s%v", p.who, waitFor, what, err)
	}
}

// poll asks the page again and again whether cond holds, up to waitFor,
// rather than waiting in the page, so that a navigation on the way (a form
// submitted, a redirect) does not end the wait. It returns nil when cond
// held, and otherwise an error (empty, or with the last failure to ask).
func (p *tab) poll(cond string) error {
	deadline := time.Now().Add(waitFor)
	var last error
	for {
		ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if time.Now().After(deadline) || p.ctx.Err() != nil {
			if last != nil {
				return fmt.Errorf(" (last error: %w)", last)
			}
			return errors.New("")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// textOf is the JavaScript for the visible text of the first element
// matching sel, or "" when there is none.
func textOf(sel string) string {
	return "((document.querySelector(" + js(sel) + ") || {}).innerText || '')"
}

// waitText waits until the element matching sel shows text.
func (p *tab) waitText(sel, text string) {
	p.t.Helper()
	if err := p.poll(textOf(sel) + ".includes(" + js(text) + ")"); err != nil {
		p.t.Fatalf("%s: waited %s for %s to show %q; it shows %q%v", p.who, waitFor, sel, text, p.text(sel), err)
	}
}

// waitNoText waits until the element matching sel no longer shows text
// (or is gone).
func (p *tab) waitNoText(sel, text string) {
	p.t.Helper()
	p.until(fmt.Sprintf("%s not to show %q", sel, text), "!"+textOf(sel)+".includes("+js(text)+")")
}

// waitGone waits until no element matches sel.
func (p *tab) waitGone(sel string) {
	p.t.Helper()
	p.until(sel+" to be gone", "!document.querySelector("+js(sel)+")")
}

// waitFor waits until an element matching sel is there and visible.
func (p *tab) waitVisible(sel string) {
	p.t.Helper()
	p.do("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
}

// text returns the visible text of the first element matching sel.
func (p *tab) text(sel string) string {
	p.t.Helper()
	return strings.TrimSpace(eval[string](p, textOf(sel)))
}

// exists reports whether an element matches sel.
func (p *tab) exists(sel string) bool {
	p.t.Helper()
	return eval[bool](p, "!!document.querySelector("+js(sel)+")")
}

// click clicks the element matching sel as a mouse does.
func (p *tab) click(sel string) {
	p.t.Helper()
	p.onElement("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// fill replaces the value of the field matching sel with value, typed key
// by key as a person does.
func (p *tab) fill(sel, value string) {
	p.t.Helper()
	p.onElement("fill "+sel,
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void]("document.activeElement.select()"),
		chromedp.KeyEvent(value))
}

// press sends keys to whatever has the focus; "\r" is Enter.
func (p *tab) press(keys string) {
	p.t.Helper()
	p.do("press "+js(keys), chromedp.KeyEvent(keys))
}

// focusedID is the id of the element that has the keyboard focus.
func (p *tab) focusedID() string {
	p.t.Helper()
	return eval[string](p, "document.activeElement ? document.activeElement.id : ''")
}

// signIn signs in with the demo password and waits for the start page.
func (p *tab) signIn(email string) {
	p.t.Helper()
	p.goTo("/login")
	p.fill("#f-email", email)
	p.fill("#f-password", demo.Password)
	p.do("submit the sign-in form as "+email,
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitReady(chromedp.CSS("body")))
	// A demo account that must set up two-factor puts it off, as the
	// server with the demo data allows.
	p.until("the workspace list or the two-factor set-up after signing in as "+email,
		"location.pathname === '/workspaces' || location.pathname === '/programme' || (location.pathname === '/login/two-factor/setup' && document.readyState === 'complete')")
	if p.path() == "/login/two-factor/setup" {
		p.click(`form[action="/login/two-factor/later"] button`)
	}
	// A reviewer starts on the programme overview, everyone else on the
	// workspaces.
	p.until("the start page after signing in as "+email, "location.pathname === '/workspaces' || location.pathname === '/programme'")
	p.who = email[:strings.IndexByte(email, '@')]
}

// signedIn signs in without the form, which TestSignIn covers: the
// cookies of a sign-in over HTTP go into the page's browser context. It
// returns the HTTP client, which holds the same session.
func (p *tab) signedIn(email string) *testkit.Client {
	p.t.Helper()
	c := p.env.Client(p.t)
	c.SignIn(email)
	u, err := url.Parse(p.base)
	if err != nil {
		p.t.Fatal(err)
	}
	var cookies []*network.CookieParam
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		cookies = append(cookies, &network.CookieParam{Name: ck.Name, Value: ck.Value, URL: p.base, HTTPOnly: true})
	}
	p.do("take over the session of "+email, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetCookies, network.SetCookiesParams{Cookies: cookies})
		return err
	}))
	p.who = email[:strings.IndexByte(email, '@')]
	return c
}

// viewport sets the size of the page's window, as a phone or a desktop.
func (p *tab) viewport(width, height int64, mobile bool) {
	p.t.Helper()
	if mobile {
		p.do("emulate a phone", chromedp.EmulateViewport(width, height, chromedp.EmulateMobile))
		return
	}
	p.do("set the viewport", chromedp.EmulateViewport(width, height))
}

// colorScheme makes the page prefer a dark or light colour scheme, as the
// operating system's setting does.
func (p *tab) colorScheme(scheme string) {
	p.t.Helper()
	p.do("prefer the "+scheme+" colour scheme", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
}
