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
	// sessionRefKey is the Locals key of the signed-in session's id.
	sessionRefKey = "session.id"
)

// The half signed-in state between the password and the second step: the
// session knows whose password was right and when, and whether the second
// step is a code or setting up two-factor, and where to go afterwards. It
// gives access to nothing but the second step.
const (
	sessionPending      = "pending_uid"
	sessionPendingAt    = "pending_at"
	sessionPendingSetup = "pending_setup"
	sessionNext         = "next"
	// pendingLifetime is how long the second step waits after the password.
	pendingLifetime = 10 * time.Minute
)

// currentUser returns the signed-in account of the request, or nil.
func currentUser(c *fiber.Ctx) *model.User {
	u, _ := c.Locals(userKey).(*model.User)
	return u
}

// currentSessionID returns the id of the signed-in session, or 0.
func currentSessionID(c *fiber.Ctx) int64 {
	id, _ := c.Locals(sessionRefKey).(int64)
	return id
}

// loadUser puts the signed-in account, if any, into the request. A session
// whose account was disabled or removed is ended, and so is one whose row
// no longer names the account its data names (it was ended while a
// request that wrote it back was under way).
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
	ref, ok, err := s.svc.Session(sess.ID())
	if err != nil {
		return err
	}
	if !ok || ref.UserID != uid {
		if err := sess.Destroy(); err != nil {
			return err
		}
		return c.Next()
	}
	u, err := s.svc.Account(c.UserContext(), uid)
	if service.IsNotFound(err) || (err == nil && (u.Disabled() || u.Deleted())) {
		if err := sess.Destroy(); err != nil {
			return err
		}
		return c.Next()
	}
	if err != nil {
		return err
	}
	c.Locals(userKey, u)
	c.Locals(sessionRefKey, ref.ID)
	return c.Next()
}

// signIn starts a fresh session for the account: the session id changes, so
// an id planted before sign-in is worth nothing after it, and so does the
// CSRF token. The session row names the account and the browser, for the
// account's list of sessions.
func (s *Server) signIn(c *fiber.Ctx, u *model.User) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	if err := sess.Reset(); err != nil {
		return err
	}
	sess.Set(sessionUser, u.ID)
	key := sess.ID()
	if err := sess.Save(); err != nil {
		return err
	}
	if _, err := s.svc.StartSession(c.UserContext(), u, key, c.Get(fiber.HeaderUserAgent)); err != nil {
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

// signInHalfway starts a fresh session that only remembers that the
// account's password was right: the second step (a code, or setting up
// two-factor) is still to come, and nothing else opens to it.
func (s *Server) signInHalfway(c *fiber.Ctx, u *model.User, setup bool, next string) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	if err := sess.Reset(); err != nil {
		return err
	}
	sess.Set(sessionPending, u.ID)
	sess.Set(sessionPendingAt, time.Now().Unix())
	sess.Set(sessionPendingSetup, setup)
	sess.Set(sessionNext, next)
	if err := sess.Save(); err != nil {
		return err
	}
	c.ClearCookie(csrfCookie)
	return nil
}

// halfway is the half signed-in state of the request: whose password was
// right, whether two-factor is to be set up, and where to go next. ok is
// false when there is none, or it is too old.
type halfway struct {
	userID int64
	setup  bool
	next   string
}

func (s *Server) pendingSignIn(c *fiber.Ctx) (halfway, bool, error) {
	if c.Cookies(sessionCookie) == "" {
		return halfway{}, false, nil
	}
	sess, err := s.sessions.Get(c)
	if err != nil {
		return halfway{}, false, err
	}
	uid, _ := sess.Get(sessionPending).(int64)
	at, _ := sess.Get(sessionPendingAt).(int64)
	if uid == 0 || time.Since(time.Unix(at, 0)) > pendingLifetime {
		return halfway{}, false, nil
	}
	setup, _ := sess.Get(sessionPendingSetup).(bool)
	next, _ := sess.Get(sessionNext).(string)
	return halfway{userID: uid, setup: setup, next: localPath(next)}, true, nil
}

// signOut ends the session, and with it its live connections everywhere.
func (s *Server) signOut(c *fiber.Ctx) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	if u := currentUser(c); u != nil {
		if err := s.svc.SignOut(c.UserContext(), u, sess.ID()); err != nil {
			return err
		}
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
