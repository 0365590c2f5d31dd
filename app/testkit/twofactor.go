package testkit

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPCode is the code an authenticator app shows at the moment at for
// the secret.
func TOTPCode(secret string, at time.Time) string {
	code, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		panic(err)
	}
	return code
}

// SignInSettingUpTwoFactor signs in as an account that must set up
// two-factor at this sign-in: it reads the secret from the set-up page as
// a person types it into their app, confirms with the app's code, and
// returns the secret and the recovery codes shown.
func (c *Client) SignInSettingUpTwoFactor(email, password string) (secret string, recovery []string) {
	c.t.Helper()
	c.Get("/login")
	r := c.Post("/login", url.Values{"email": {email}, "password": {password}})
	if r.Status != http.StatusSeeOther || r.Location() != "/login/two-factor/setup" {
		c.t.Fatalf("sign in as %s: %d to %q, want the two-factor set-up", email, r.Status, r.Location())
	}
	page := c.Get("/login/two-factor/setup")
	secret = page.Text("#two-factor-secret")
	if secret == "" {
		c.t.Fatalf("sign in as %s: the set-up page shows no secret", email)
	}
	r = c.Post("/login/two-factor/setup", url.Values{"code": {TOTPCode(secret, time.Now())}})
	if r.Status != http.StatusOK {
		c.t.Fatalf("sign in as %s: confirming two-factor: %d %s", email, r.Status, r.Text("[role=alert]"))
	}
	r.Doc.Find("#recovery-codes code").Each(func(_ int, s *goquery.Selection) {
		recovery = append(recovery, strings.TrimSpace(s.Text()))
	})
	c.Get("/workspaces")
	return secret, recovery
}
