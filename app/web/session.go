package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

const (
	userKey     = "user"
	sessionUser = "uid"
	langCookie  = "schakel_lang"
)

// currentUser returns the signed-in account of the request, or nil.
func currentUser(c *fiber.Ctx) *model.User {
	u, _ := c.Locals(userKey).(*model.User)
	return u
}

// loadUser puts the signed-in account, if any, into the request. A session
// whose account was disabled or removed is ended.
func (s *Server) loadUser(c *fiber.Ctx) error {
	if skipCSRF(c) || c.Cookies(sessionCookie) == "" {
		return c.Next()
	}
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	uid, _ := sess.Get(sessionUser).(int64)
	if uid == 0 {
		return c.Next()
	}
	u, err := s.svc.Account(c.UserContext(), uid)
	if service.IsNotFound(err) || (err == nil && u.Disabled()) {
		if err := sess.Destroy(); err != nil {
			return err
		}
		return c.Next()
	}
	if err != nil {
		return err
	}
	c.Locals(userKey, u)
	return c.Next()
}

// signIn starts a fresh session for the account: the session id changes, so
// an id planted before sign-in is worth nothing after it, and so does the
// CSRF token.
func (s *Server) signIn(c *fiber.Ctx, u *model.User) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	if err := sess.Reset(); err != nil {
		return err
	}
	sess.Set(sessionUser, u.ID)
	if err := sess.Save(); err != nil {
		return err
	}
	c.ClearCookie(csrfCookie)
	// A language chosen before signing in is the account's from now on;
	// otherwise the account's language comes with it to this browser.
	if chosen := c.Cookies(langCookie); i18n.Supported(chosen) {
		if chosen != u.Locale {
			return s.svc.SetLocale(c.UserContext(), u, chosen)
		}
	} else if i18n.Supported(u.Locale) {
		s.setLanguageCookie(c, u.Locale)
	}
	return nil
}

// signOut ends the session.
func (s *Server) signOut(c *fiber.Ctx) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	c.ClearCookie(csrfCookie)
	return sess.Destroy()
}

// language picks the request's language: the remembered choice, then the
// account's, then Dutch.
func (s *Server) language(c *fiber.Ctx) string {
	if l := c.Cookies(langCookie); i18n.Supported(l) {
		return l
	}
	if u := currentUser(c); u != nil && i18n.Supported(u.Locale) {
		return u.Locale
	}
	return i18n.Default
}

func (s *Server) translator(c *fiber.Ctx) *i18n.Translator {
	if t, ok := c.Locals("translator").(*i18n.Translator); ok {
		return t
	}
	t := s.messages.Translator(s.language(c))
	c.Locals("translator", t)
	return t
}

func (s *Server) setLanguageCookie(c *fiber.Ctx, lang string) {
	c.Cookie(&fiber.Cookie{
		Name: langCookie, Value: lang, Path: "/", Expires: time.Now().AddDate(1, 0, 0),
		Secure: s.cfg.Secure(), HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
	c.Locals("translator", nil)
}
