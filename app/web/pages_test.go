package web_test

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
	"schakel/app/web"
)

// TestEveryPageRendersForEveryRole asks every page and fragment that a GET
// reaches, with every field an editor can open, as every role, as a whole
// page and as htmx asks for it. Whatever the role may or may not see, no
// answer is a server error, and every page it may see is whole.
func TestEveryPageRendersForEveryRole(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		plans, err := store.Plans(ctx, db, ws)
		if err != nil || len(plans) == 0 {
			t.Fatalf("no plan in Havenstad: %v", err)
		}
		actions, err := store.Actions(ctx, db, ws, plans[0].ID)
		if err != nil || len(actions) == 0 {
			t.Fatalf("no action in Havenstad's plan: %v", err)
		}
		meetings, err := store.Meetings(ctx, db, ws)
		if err != nil || len(meetings) == 0 {
			t.Fatalf("no meeting in Havenstad: %v", err)
		}
		items, err := store.Items(ctx, db, ws, meetings[0].ID)
		if err != nil || len(items) == 0 {
			t.Fatalf("no agenda item in Havenstad's meeting: %v", err)
		}
		params := map[string][]string{
			":wid": {itoa(ws)}, ":pid": {itoa(plans[0].ID)}, ":aid": {itoa(actions[0].ID)},
			":mid": {itoa(meetings[0].ID)}, ":iid": {itoa(items[0].ID)},
			":doc": {"agenda", "minutes", "decisions", "actions"},
		}
		fields := map[string][]string{
			"/plans/:pid/": service.PlanFields, "/actions/:aid/": service.ActionFields,
			"/meetings/:mid/": service.MeetingFields, "/items/:iid/": service.ItemFields,
		}
		var paths []string
		for route := range web.Routes {
			method, path, _ := strings.Cut(route, " ")
			// Websockets, machine endpoints, static files and the calendar
			// feed (its address is a secret of its own) are tested elsewhere.
			if method != http.MethodGet || strings.HasSuffix(path, "/live") || strings.HasPrefix(path, "/static/") ||
				path == "/healthz" || path == "/readyz" || strings.HasPrefix(path, "/calendar/") {
				continue
			}
			paths = append(paths, expand(path, params, fields)...)
		}
		sort.Strings(paths)
		if len(paths) < 60 {
			t.Fatalf("only %d pages to ask for; the route walk is broken", len(paths))
		}
		for _, who := range []string{coordinator, editor, contributor, viewer, outsider, reviewer, admin} {
			t.Run(who, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(who)
				for _, p := range paths {
					page := c.Get(p)
					fragment := c.GetHTMX(p)
					for _, r := range []*testkit.Response{page, fragment} {
						if r.Status >= 500 {
							t.Errorf("%s: %d", p, r.Status)
						}
					}
					// Case notes open in place, by htmx only: the button that
					// asks for them does nothing without it.
					htmxOnly := strings.HasSuffix(p, "/case")
					if page.Status == http.StatusOK && !htmxOnly && strings.HasPrefix(page.Header.Get("Content-Type"), "text/html") {
						if page.Doc.Find("main#main").Length() != 1 || page.Doc.Find("footer.schakel-footer").Length() != 1 {
							t.Errorf("%s: a page without its main part or footer", p)
						}
					}
				}
			})
		}
	})
}

// expand fills in a route's parameters in every way given, and a field
// route with every field of its object.
func expand(path string, params map[string][]string, fields map[string][]string) []string {
	out := []string{path}
	if strings.Contains(path, ":field") {
		out = nil
		for prefix, names := range fields {
			if strings.Contains(path, prefix) {
				for _, f := range names {
					out = append(out, strings.Replace(path, ":field", f, 1))
				}
			}
		}
	}
	for name, values := range params {
		var next []string
		for _, p := range out {
			if !strings.Contains(p, name) {
				next = append(next, p)
				continue
			}
			for _, v := range values {
				next = append(next, strings.Replace(p, name, v, 1))
			}
		}
		out = next
	}
	return out
}
