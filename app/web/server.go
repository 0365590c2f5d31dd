// Package web is Schakel's HTTP layer: routes, middleware, one handler file
// per entity and action, rendering and error pages. Handlers are thin: they
// parse, call the service, and render or redirect.
package web

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/session"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/config"
	"schakel/app/i18n"
	"schakel/app/realtime"
	"schakel/app/service"
)

// Deps is what the web layer is built from.
type Deps struct {
	Config   config.Config
	DB       *bun.DB
	Service  *service.Service
	Authz    *authz.Authorizer
	Messages *i18n.Bundle
	// Sessions keeps the sessions (store.NewSessionStorage).
	Sessions fiber.Storage
	// Hub carries live updates to the pages' websockets.
	Hub    *realtime.Hub
	Logger *slog.Logger
	// Registry receives the HTTP metrics; nil makes a fresh one.
	Registry *prometheus.Registry
}

// Server holds the Fiber app and what its handlers share.
type Server struct {
	App      *fiber.App
	cfg      config.Config
	db       *bun.DB
	svc      *service.Service
	authz    *authz.Authorizer
	messages *i18n.Bundle
	log      *slog.Logger
	sessions *session.Store
	registry *prometheus.Registry

	// boards keeps the rendered rows of plan boards (board_cache.go).
	boards *boardCache

	hub         *realtime.Hub
	liveUpgrade fiber.Handler
}

// contentSecurityPolicy allows scripts, styles and connections from Schakel
// itself only: no inline script anywhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// New builds the app with every route.
func New(d Deps) (*Server, error) {
	if d.Registry == nil {
		d.Registry = prometheus.NewRegistry()
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	s := &Server{
		cfg: d.Config, db: d.DB, svc: d.Service, authz: d.Authz, messages: d.Messages,
		log: d.Logger, registry: d.Registry, boards: newBoardCache(boardCacheBytes),
	}
	s.App = fiber.New(fiber.Config{
		ErrorHandler:          s.handleError,
		DisableStartupMessage: true,
		BodyLimit:             1 << 20,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           120 * time.Second,
		// Behind a reverse proxy the client's address (for the sign-in
		// limits and the log) comes from the proxy's header, and only
		// from the proxies named.
		ProxyHeader:             d.Config.ProxyHeader,
		EnableTrustedProxyCheck: d.Config.ProxyHeader != "",
		TrustedProxies:          d.Config.TrustedProxies,
		EnableIPValidation:      true,
	})
	s.sessions = session.New(session.Config{
		Storage:        d.Sessions,
		Expiration:     d.Config.SessionLifetime,
		KeyLookup:      "cookie:" + sessionCookie,
		CookieSecure:   d.Config.Secure(),
		CookieHTTPOnly: true,
		CookieSameSite: fiber.CookieSameSiteLaxMode,
	})
	s.hub = d.Hub
	s.liveUpgrade = websocket.New(s.serveLive, liveSocketConfig(d.Config.BaseURL))
	metrics, err := newMetrics(d.Registry)
	if err != nil {
		return nil, err
	}
	s.App.Use(recover.New())
	s.App.Use(metrics.middleware)
	s.App.Use(s.logRequests)
	s.App.Use(helmet.New(helmet.Config{
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "same-origin",
		HSTSMaxAge:            31536000,
		PermissionPolicy:      "camera=(), microphone=(), geolocation=()",
	}))
	s.App.Use(noStore)
	s.App.Use(s.loadUser)
	s.App.Use(csrf.New(csrf.Config{
		Next:           skipCSRF,
		Session:        s.sessions,
		CookieName:     csrfCookie,
		CookieSecure:   d.Config.Secure(),
		CookieHTTPOnly: true,
		CookieSameSite: fiber.CookieSameSiteLaxMode,
		Expiration:     d.Config.SessionLifetime,
		ContextKey:     csrfKey,
		Extractor:      csrfFromHeaderOrForm,
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return apperr.Wrap(http.StatusForbidden, "error.csrf", err)
		},
	}))
	s.App.Use(s.guardAnswers)
	if err := s.routes(); err != nil {
		return nil, err
	}
	return s, nil
}

const (
	sessionCookie = "schakel_session"
	csrfCookie    = "schakel_csrf"
	csrfKey       = "csrf"
	csrfFormField = "_csrf"
)

// skipCSRF leaves out the machine endpoints, static files and calendar
// feeds, which change nothing and need no session: a calendar app polling
// its feed must not leave a new session behind on every visit.
func skipCSRF(c *fiber.Ctx) bool {
	p := c.Path()
	return strings.HasPrefix(p, "/static/") || p == "/healthz" || p == "/readyz" ||
		(strings.HasPrefix(p, "/calendar/") && strings.HasSuffix(p, ".ics"))
}

// csrfFromHeaderOrForm takes the token from the header htmx sends, or else
// from the hidden field in the body of a plain form, and never from the
// query string: a token in an address ends up in logs, the history and
// Referer headers. (Fiber's FormValue would look in the query string
// first, so the body is read directly.)
func csrfFromHeaderOrForm(c *fiber.Ctx) (string, error) {
	if t := c.Get(csrf.HeaderName); t != "" {
		return t, nil
	}
	if t := csrfFromBody(c); t != "" {
		return t, nil
	}
	return "", csrf.ErrTokenNotFound
}

// csrfFromBody reads the token field from a url-encoded or multipart body.
func csrfFromBody(c *fiber.Ctx) string {
	ct := string(c.Request().Header.ContentType())
	switch {
	case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
		return string(c.Request().PostArgs().Peek(csrfFormField))
	case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
		if form, err := c.MultipartForm(); err == nil && len(form.Value[csrfFormField]) > 0 {
			return form.Value[csrfFormField][0]
		}
	}
	return ""
}

// logRequests writes one log line per request.
func (s *Server) logRequests(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if e, ok := apperr.As(err); ok {
		status = e.Status
	} else if fe, ok := err.(*fiber.Error); ok {
		status = fe.Code
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(c.UserContext(), level, "request", "method", c.Method(), "path", loggedPath(c),
		"status", status, "duration", time.Since(start).Round(time.Microsecond))
	return err
}

// loggedPath is the request's path as the log may keep it: where the
// path carries a secret (an invitation link, a calendar feed's address),
// the route's pattern with the secret's name in its place.
func loggedPath(c *fiber.Ctx) string {
	if r := c.Route(); r != nil && strings.Contains(r.Path, ":token") {
		return r.Path
	}
	return c.Path()
}
