package web

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/bytebufferpool"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/views"
)

// viewContext is the request's context with what every component reads
// from it: the translator and the views.Env.
func (s *Server) viewContext(c *fiber.Ctx) context.Context {
	env := views.Env{Path: c.Path()}
	if tok, ok := c.Locals(csrfKey).(string); ok {
		env.CSRF = tok
	}
	t := s.translator(c)
	if u := currentUser(c); u != nil {
		env.User = u
		env.IsAdmin = s.authz.CanPlatform(u, authz.ObjPlatform, authz.ActManage)
		env.Signals = s.authz.ReadsSomeWorkspace(u)
	}
	if n := c.Query("notice"); n != "" && t.Has("notice."+n) {
		env.Notice = "notice." + n
	}
	return views.WithEnv(i18n.NewContext(c.UserContext(), t), env)
}

// renderPage answers with a whole page: the layout around body.
func (s *Server) renderPage(c *fiber.Ctx, status int, p views.Page, body templ.Component) error {
	return s.renderFragments(c, status, templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return views.Layout(p).Render(templ.WithChildren(ctx, body), w)
	}))
}

// renderFragments answers an htmx request with components in a row: the
// swap target first, then out-of-band updates. Everything is rendered into
// a pooled buffer before a byte is sent, so a failing component gives the
// error page with its status, never half an answer.
func (s *Server) renderFragments(c *fiber.Ctx, status int, parts ...templ.Component) error {
	ctx := s.viewContext(c)
	buf := bytebufferpool.Get()
	defer bytebufferpool.Put(buf)
	for _, p := range parts {
		if err := p.Render(ctx, buf); err != nil {
			return fmt.Errorf("render %s: %w", c.Path(), err)
		}
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Response().SetBody(buf.B)
	return nil
}

// withNotice adds a notice (a key under "notice.") to a local URL.
func withNotice(path, notice string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "notice=" + url.QueryEscape(notice)
}

// localPath returns p when it is a path on this site, and "" for anything
// that could lead elsewhere.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return ""
	}
	u, err := url.Parse(p)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return ""
	}
	return p
}

// fieldErrors returns the field messages of a validation error, or nil.
func fieldErrors(err error) map[string]string {
	if e, ok := apperr.As(err); ok && e.Fields != nil {
		return e.Fields
	}
	return nil
}
