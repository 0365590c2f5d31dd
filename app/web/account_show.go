package web

import (
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"

	"schakel/views"
)

// accountShow is the page of one's own account.
func (s *Server) accountShow(c *fiber.Ctx) error {
	u := currentUser(c)
	return s.renderAccount(c, http.StatusOK, views.AccountView{Name: u.Name, Locale: u.Locale})
}

// renderAccount answers with the account page; d brings the values and
// errors of a form that was sent, the rest is read here.
func (s *Server) renderAccount(c *fiber.Ctx, status int, d views.AccountView) error {
	ctx, u := c.UserContext(), currentUser(c)
	sessions, err := s.svc.AccountSessions(ctx, u)
	if err != nil {
		return err
	}
	current := currentSessionID(c)
	for _, ss := range sessions {
		browser, system := describeUserAgent(ss.UserAgent)
		d.Sessions = append(d.Sessions, views.SessionRow{ID: ss.ID, Browser: browser, System: system,
			Started: ss.CreatedAt, LastSeen: ss.LastSeenAt, Current: ss.ID == current})
	}
	d.TwoFactor = u.TwoFactor()
	d.TwoFactorRequired = s.svc.TwoFactorRequired(u)
	if d.TwoFactor {
		if d.RecoveryLeft, err = s.svc.RecoveryCodesLeft(ctx, u); err != nil {
			return err
		}
	}
	if d.SoleCoordinator, err = s.svc.SoleCoordinatorOf(ctx, u); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("account.title")}, views.AccountPage(d))
}

// userAgents maps what a User-Agent says to the name of a browser or a
// system, first match wins (Edge and Opera also say Chrome, Chrome also
// says Safari, Android also says Linux).
var (
	browsers = []struct{ token, name string }{
		{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"},
		{"Chromium/", "Chromium"}, {"HeadlessChrome/", "Chrome"}, {"Chrome/", "Chrome"},
		{"CriOS/", "Chrome"}, {"FxiOS/", "Firefox"}, {"Safari/", "Safari"},
	}
	systems = []struct{ token, name string }{
		{"Windows", "Windows"}, {"Android", "Android"}, {"iPhone", "iOS"}, {"iPad", "iPadOS"},
		{"CrOS", "ChromeOS"}, {"Mac OS X", "macOS"}, {"Macintosh", "macOS"}, {"Linux", "Linux"},
	}
)

// describeUserAgent names the browser and system of a User-Agent, each
// "" when it is not recognised.
func describeUserAgent(ua string) (browser, system string) {
	for _, b := range browsers {
		if strings.Contains(ua, b.token) {
			browser = b.name
			break
		}
	}
	for _, o := range systems {
		if strings.Contains(ua, o.token) {
			system = o.name
			break
		}
	}
	return browser, system
}

// personName is a person's name as an author or owner, "deleted user"
// for an account its owner deleted (as views.PersonName).
func personName(t *i18n.Translator, name string) string {
	if name == "" {
		return t.Get("account.deleted_user")
	}
	return name
}
