package web

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
)

// The htmx request and response headers Schakel reads and sets.
const (
	HeaderHXRequest  = "HX-Request"
	HeaderHXBoosted  = "HX-Boosted"
	HeaderHXTarget   = "HX-Target"
	HeaderHXRetarget = "HX-Retarget"
	HeaderHXReswap   = "HX-Reswap"
	HeaderHXRedirect = "HX-Redirect"
)

const layout = "layouts/main"

// requiredTemplates are checked at start, so a missing file stops the
// server instead of a user's request.
var requiredTemplates = []string{
	layout,
	"pages/login", "pages/error", "pages/workspace_list", "pages/workspace_show", "pages/member_list",
	"pages/admin_organisations", "pages/admin_workspaces", "pages/admin_accounts",
	"partials/alert", "partials/member_table", "partials/member_add_form", "partials/field",
}

// isHTMX reports whether the request came from htmx and wants a fragment,
// not a whole page (boosted navigation wants the whole page).
func isHTMX(c *fiber.Ctx) bool {
	return c.Get(HeaderHXRequest) == "true" && c.Get(HeaderHXBoosted) != "true"
}

// view is the data every template gets, with the page's own under Data.
type view struct {
	T       *i18n.Translator
	CSRF    string
	User    any
	Path    string
	Title   string
	Notice  string
	IsAdmin bool
	Data    fiber.Map
}

func (s *Server) view(c *fiber.Ctx, title string, data fiber.Map) view {
	u := currentUser(c)
	v := view{
		T:     s.translator(c),
		Path:  c.Path(),
		Title: title,
		Data:  data,
	}
	if tok, ok := c.Locals(csrfKey).(string); ok {
		v.CSRF = tok
	}
	if u != nil {
		v.User = u
		v.IsAdmin = s.authz.CanPlatform(u, authz.ObjPlatform, authz.ActManage)
	}
	if n := c.Query("notice"); n != "" && v.T.Has("notice."+n) {
		v.Notice = "notice." + n
	}
	return v
}

// render answers with the partial for an htmx request that targets it, and
// with the whole page otherwise. partial may be empty for pages without one.
func (s *Server) render(c *fiber.Ctx, status int, page, partial, title string, data fiber.Map) error {
	v := s.view(c, title, data)
	c.Status(status)
	if partial != "" && isHTMX(c) {
		return c.Render(partial, v)
	}
	return c.Render(page, v, layout)
}

// redirect sends the browser on with 303 See Other, so that a form POST
// becomes a GET; for htmx it asks htmx to do the same.
func redirect(c *fiber.Ctx, to string) error {
	if isHTMX(c) {
		c.Set(HeaderHXRedirect, to)
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
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

func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"hasPrefix": strings.HasPrefix,
		// dict builds a map for passing several values to a partial.
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				if k, ok := kv[i].(string); ok {
					m[k] = kv[i+1]
				}
			}
			return m
		},
	}
}
