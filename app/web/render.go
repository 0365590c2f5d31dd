package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/bytebufferpool"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/views"
)

// The htmx request and response headers Schakel reads and sets.
const (
	HeaderHXRequest  = "HX-Request"
	HeaderHXBoosted  = "HX-Boosted"
	HeaderHXTarget   = "HX-Target"
	HeaderHXRetarget = "HX-Retarget"
	HeaderHXReswap   = "HX-Reswap"
	HeaderHXRedirect = "HX-Redirect"
	// HeaderHXCurrentURL names the page an htmx request came from.
	HeaderHXCurrentURL = "HX-Current-URL"
)

const layout = "layouts/main"

// requiredTemplates are checked at start, so a missing file stops the
// server instead of a user's request.
var requiredTemplates = []string{
	layout,
	"pages/login", "pages/error", "pages/accessibility", "pages/workspace_list", "pages/workspace_show", "pages/member_list",
	"pages/admin_organisations", "pages/admin_workspaces", "pages/admin_accounts",
	"partials/alert", "partials/member_table", "partials/member_add_form", "partials/field",
	"pages/plan_list", "pages/plan_show", "pages/action_show",
	"partials/plan_field", "partials/plan_field_edit", "partials/field_conflict", "partials/notice_oob",
	"partials/plan_rollups", "partials/plan_rollup_plan", "partials/plan_rollup_theme", "partials/plan_theme",
	"partials/action_add_form", "partials/action_item", "partials/action_tools", "partials/action_deleted",
	"partials/action_field", "partials/action_field_edit", "partials/action_history",
	"pages/export", "partials/export_agenda", "partials/export_minutes", "partials/export_decisions",
	"partials/export_actions", "pages/calendar",
	"pages/meeting_list", "pages/meeting_show", "partials/meeting_field", "partials/meeting_field_edit",
	"partials/agenda_now", "partials/agenda_list", "partials/agenda_item", "partials/item_field",
	"partials/item_field_edit", "partials/item_add_form", "partials/item_deleted", "partials/item_outcomes",
	"partials/meeting_actions", "partials/meeting_attendees", "partials/raw",
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

// part is one partial of a response made of several, with its own data.
type part struct {
	name string
	data fiber.Map
}

// renderParts answers an htmx request with several partials in a row: the
// swap target first, then out-of-band updates. It renders into a buffer,
// so a failing partial leaves no half-written answer.
func (s *Server) renderParts(c *fiber.Ctx, status int, parts ...part) error {
	var buf bytes.Buffer
	for _, p := range parts {
		if err := s.App.Config().Views.Render(&buf, p.name, s.view(c, "", p.data)); err != nil {
			return err
		}
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(buf.Bytes())
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
		"withData": withData,
		"list":     func(xs ...any) []any { return xs },
		"deref": func(p *int64) int64 {
			if p == nil {
				return 0
			}
			return *p
		},
		"presenterKey": presenterKey,
		"minutesLeft": func(secs int) int {
			if secs <= 0 {
				return 0
			}
			return (secs + 59) / 60
		},
		"formatDate": formatDate,
		"formatTime": formatTime,
		"csvHas":     csvHas,
	}
}

// presenterKey names an item's presenter as meetingParts' People map
// does: a user id, or "g" and a guest attendee's id.
func presenterKey(v any) string {
	var it *model.AgendaItem
	switch x := v.(type) {
	case *model.AgendaItem:
		it = x
	case model.AgendaItem:
		it = &x
	default:
		return ""
	}
	if it.PresenterAttendeeID != nil {
		return "g" + strconv.FormatInt(*it.PresenterAttendeeID, 10)
	}
	if it.PresenterUserID != nil {
		return strconv.FormatInt(*it.PresenterUserID, 10)
	}
	return ""
}

// withData returns a copy of the view whose Data holds the page's data and
// the given key, value pairs (or the entries of a single map), so that a
// page can include a partial that reads its own keys from .Data, exactly as
// when the partial is rendered alone.
func withData(v view, kv ...any) view {
	data := make(fiber.Map, len(v.Data)+len(kv)/2)
	for k, x := range v.Data {
		data[k] = x
	}
	if len(kv) == 1 {
		if m, ok := kv[0].(fiber.Map); ok {
			for k, x := range m {
				data[k] = x
			}
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			// A range over a slice of actions yields values; the partials
			// take *model.Action, as the live pushes give them.
			if a, ok := kv[i+1].(model.Action); ok {
				kv[i+1] = &a
			}
			data[k] = kv[i+1]
		}
	}
	v.Data = data
	return v
}

// amsterdam is the time zone in which Schakel shows times.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// formatDate writes a YYYY-MM-DD date as "15 maart 2027" (or "15 March
// 2027"); anything else is shown as it is.
func formatDate(t *i18n.Translator, s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return strconv.Itoa(d.Day()) + " " + t.Get("month."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year())
}

// formatTime writes a moment as "28 november 2026, 16:56", Dutch time.
func formatTime(t *i18n.Translator, at time.Time) string {
	at = at.In(amsterdam)
	return formatDate(t, at.Format(time.DateOnly)) + ", " + at.Format("15:04")
}

// csvHas reports whether the comma-separated list holds n, as in the
// articles of an action.
func csvHas(list string, n any) bool {
	want := fmt.Sprint(n)
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == want {
			return true
		}
	}
	return false
}
