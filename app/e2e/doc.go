// Package e2e holds Schakel's browser tests: a real Chromium, driven with
// chromedp, against a real server over a real database (see app/testkit).
// They sign in, edit plans live from two browsers at once, reorder actions
// by keyboard and by drag and drop, restart the server under an open page,
// and check every main page with axe-core for WCAG 2.1 A and AA.
//
// The tests run in parallel with each other: each has its own server and
// database, and its people their own browser contexts in one Chromium.
//
// Without a Chromium the tests skip, unless SCHAKEL_TEST_BROWSER=required
// asks for them, as CI does; SCHAKEL_CHROMIUM names the browser to use.
// With SCHAKEL_SCREENSHOTS=1 they also write docs/screenshots/*.png.
package e2e
