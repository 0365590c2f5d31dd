package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
	"schakel/app/web"
)

func TestPlatformPagesOnlyForAdministrators(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		for _, tt := range []struct {
			name  string
			email string
			want  int
		}{
			{"administrator", admin, http.StatusOK},
			{"reviewer", reviewer, http.StatusForbidden},
			{"coordinator", coordinator, http.StatusForbidden},
			{"viewer", viewer, http.StatusForbidden},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				for _, p := range []string{"/admin/accounts", "/admin/organisations", "/admin/workspaces", "/admin/workspaces/new"} {
					if r := c.Get(p); r.Status != tt.want {
						t.Errorf("GET %s: %d, want %d", p, r.Status, tt.want)
					}
				}
				before := count(t, db, (*model.Workspace)(nil))
				r := c.Post("/admin/workspaces", url.Values{
					"name": {"Proefdorp " + tt.name}, "kind": {"gemeente"}, "new_organisation": {"Gemeente Proefdorp " + tt.name},
					"new_organisation_kind": {"gemeente"}, "coordinator": {"regisseur@proefdorp.example"}, "language": {"nl"},
				})
				after := count(t, db, (*model.Workspace)(nil))
				if tt.want == http.StatusOK {
					if r.Status != http.StatusSeeOther || after != before+1 {
						t.Fatalf("administrator create: %d, %d new", r.Status, after-before)
					}
				} else if r.Status != http.StatusForbidden || after != before {
					t.Fatalf("%s create: %d, %d new", tt.name, r.Status, after-before)
				}
			})
		}
	})
}

func TestForeignAndUnknownWorkspacesAreNotFound(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		havenstad := workspaceID(t, db, "Havenstad")
		c := env.Client(t)
		c.SignIn(outsider)
		notFound := c.Get("/workspaces/999999").Text("[role=alert]")
		for _, tt := range []struct{ name, path string }{
			{"another municipality's workspace", wsPath(havenstad, "")},
			{"its members", wsPath(havenstad, "/members")},
			{"a workspace that does not exist", "/workspaces/999999/members"},
			{"an id that is no number", "/workspaces/havenstad"},
			{"a negative id", "/workspaces/-1"},
			{"an unknown page", "/plannen"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Get(tt.path)
				if r.Status != http.StatusNotFound {
					t.Fatalf("status %d, want 404", r.Status)
				}
				// The same answer whether the workspace exists or not.
				if got := r.Text("[role=alert]"); got != notFound || !strings.Contains(got, "bestaat niet") {
					t.Fatalf("message %q, want %q", got, notFound)
				}
			})
		}
		// A member of another workspace cannot reach in by naming a membership id.
		theirs := membershipID(t, db, havenstad, editor)
		lindendal := workspaceID(t, db, "Lindendal")
		c.Get(wsPath(lindendal, "/members"))
		r := c.Post(wsPath(lindendal, "/members/"+itoa(theirs)+"/delete"), nil)
		if r.Status != http.StatusNotFound {
			t.Fatalf("deleting another workspace's membership through one's own: %d, want 404", r.Status)
		}
		membershipID(t, db, havenstad, editor) // still there
	})
}

// TestEveryRouteDeclaresItsPermission walks the routes Fiber registered.
func TestEveryRouteDeclaresItsPermission(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	registered := map[string]bool{}
	for _, r := range env.Server.App.GetRoutes(true) {
		if r.Method == http.MethodHead || r.Method == "USE" {
			continue
		}
		key := r.Method + " " + r.Path
		registered[key] = true
		if _, ok := web.Routes[key]; !ok {
			t.Errorf("route %s has no permission in web.Routes", key)
		}
	}
	for key := range web.Routes {
		if !registered[key] {
			t.Errorf("web.Routes declares %s, which is not registered", key)
		}
	}
	if len(registered) < 20 {
		t.Fatalf("only %d routes found; the walk is not seeing the app", len(registered))
	}
	if _, err := env.Server.Guard("GET", "/undeclared"); err == nil {
		t.Fatal("an undeclared route got a guard")
	}
}
