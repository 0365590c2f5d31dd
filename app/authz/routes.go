package authz

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/model"
)

// Access says who may reach a route at all.
type Access int

// Kinds of access.
const (
	// Public routes need no account.
	Public Access = iota
	// SignedIn routes need an account and nothing more.
	SignedIn
	// InWorkspace routes carry a :wid parameter and need Object/Action in
	// that workspace.
	InWorkspace
	// OnPlatform routes need Object/Action across the platform.
	OnPlatform
)

// Permission is what one route requires.
type Permission struct {
	Access Access
	Object string
	Action string
}

func workspace(obj, act string) Permission { return Permission{InWorkspace, obj, act} }

var (
	public   = Permission{Access: Public}
	signedIn = Permission{Access: SignedIn}
	admin    = Permission{OnPlatform, ObjPlatform, ActManage}
)

// Routes declares the permission of every route, keyed by "METHOD path" as
// registered with Fiber. A route missing here cannot be registered, and a
// test walks the registered routes to make sure none slipped past.
var Routes = map[string]Permission{
	"GET /static/*":   public,
	"GET /healthz":    public,
	"GET /readyz":     public,
	"GET /metrics":    public,
	"GET /":           public,
	"GET /login":      public,
	"POST /login":     public,
	"POST /language":  public,
	"POST /logout":    signedIn,
	"GET /workspaces": signedIn,

	// The accessibility statement is for everyone, signed in or not.
	"GET /toegankelijkheid": public,

	"GET /workspaces/:wid":                      workspace(ObjWorkspace, ActRead),
	"GET /workspaces/:wid/members":              workspace(ObjMembers, ActRead),
	"POST /workspaces/:wid/members":             workspace(ObjMembers, ActManage),
	"POST /workspaces/:wid/members/:mid/role":   workspace(ObjMembers, ActManage),
	"POST /workspaces/:wid/members/:mid/delete": workspace(ObjMembers, ActManage),

	"GET /workspaces/:wid/plans":                                workspace(ObjPlan, ActRead),
	"POST /workspaces/:wid/plans":                               workspace(ObjPlan, ActManage),
	"GET /workspaces/:wid/plans/:pid":                           workspace(ObjPlan, ActRead),
	"GET /workspaces/:wid/plans/:pid/live":                      workspace(ObjPlan, ActRead),
	"GET /workspaces/:wid/plans/:pid/fields/:field/edit":        workspace(ObjPlan, ActManage),
	"POST /workspaces/:wid/plans/:pid/fields/:field":            workspace(ObjPlan, ActManage),
	"POST /workspaces/:wid/plans/:pid/actions":                  workspace(ObjAction, ActEdit),
	"GET /workspaces/:wid/meetings":                             workspace(ObjMeeting, ActRead),
	"POST /workspaces/:wid/meetings":                            workspace(ObjMeeting, ActManage),
	"GET /workspaces/:wid/meetings/:mid":                        workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/meetings/:mid/live":                   workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/meetings/:mid/fields/:field":          workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/meetings/:mid/fields/:field/edit":     workspace(ObjMeeting, ActManage),
	"POST /workspaces/:wid/meetings/:mid/fields/:field":         workspace(ObjMeeting, ActManage),
	"POST /workspaces/:wid/meetings/:mid/current":               workspace(ObjMeeting, ActManage),
	"POST /workspaces/:wid/meetings/:mid/items":                 workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/meetings/:mid/template":              workspace(ObjTemplate, ActManage),
	"POST /workspaces/:wid/meetings/:mid/attendees":             workspace(ObjMeeting, ActManage),
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/answer": workspace(ObjMeeting, ActRead),
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/delete": workspace(ObjMeeting, ActManage),
	"POST /workspaces/:wid/meetings/:mid/outcomes/:oid/delete":  workspace(ObjAgenda, ActEdit),
	"GET /workspaces/:wid/items/:iid/case":                      workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/items/:iid/fields/:field":             workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/items/:iid/fields/:field/edit":        workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/items/:iid/fields/:field":            workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/items/:iid/move":                     workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/items/:iid/delete":                   workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/items/:iid/restore":                  workspace(ObjAgenda, ActEdit),
	"POST /workspaces/:wid/items/:iid/outcomes":                 workspace(ObjAgenda, ActEdit),
	"GET /workspaces/:wid/actions/:aid":                         workspace(ObjPlan, ActRead),
	"GET /workspaces/:wid/actions/:aid/item":                    workspace(ObjPlan, ActRead),
	"GET /workspaces/:wid/actions/:aid/fields/:field":           workspace(ObjPlan, ActRead),
	"GET /workspaces/:wid/actions/:aid/fields/:field/edit":      workspace(ObjAction, ActEdit),
	"POST /workspaces/:wid/actions/:aid/fields/:field":          workspace(ObjAction, ActEdit),
	"POST /workspaces/:wid/actions/:aid/move":                   workspace(ObjAction, ActEdit),
	"POST /workspaces/:wid/actions/:aid/delete":                 workspace(ObjAction, ActEdit),
	"POST /workspaces/:wid/actions/:aid/restore":                workspace(ObjAction, ActEdit),
	"POST /workspaces/:wid/actions/:aid/history/:cid/restore":   workspace(ObjAction, ActEdit),

	// Exports of a meeting: printable pages, Markdown and iCalendar. None
	// of them holds case material, so reading the meeting is enough.
	"GET /workspaces/:wid/meetings/:mid/export/:doc.md": workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/meetings/:mid/export/:doc":    workspace(ObjMeeting, ActRead),
	"GET /workspaces/:wid/meetings/:mid/invite.ics":     workspace(ObjMeeting, ActRead),

	// One's personal calendar address. The feed's secret token is its
	// credential: calendar apps send no session.
	"GET /calendar":            signedIn,
	"POST /calendar":           signedIn,
	"POST /calendar/revoke":    signedIn,
	"GET /calendar/:token.ics": public,

	"GET /admin":                        admin,
	"GET /admin/organisations":          admin,
	"POST /admin/organisations":         admin,
	"GET /admin/workspaces":             admin,
	"POST /admin/workspaces":            admin,
	"GET /admin/accounts":               admin,
	"POST /admin/accounts":              admin,
	"POST /admin/accounts/:uid/disable": admin,
	"POST /admin/accounts/:uid/enable":  admin,
}

// WorkspaceIDKey is the Locals key under which the guard leaves the
// workspace id it checked.
const WorkspaceIDKey = "authz.workspace"

// WorkspaceID returns the workspace id the guard checked for this request.
func WorkspaceID(c *fiber.Ctx) int64 {
	id, _ := c.Locals(WorkspaceIDKey).(int64)
	return id
}

// Guard returns the middleware that enforces the declared permission of the
// route "METHOD path"; it fails for an undeclared route. user returns the
// signed-in account of a request, or nil.
func (a *Authorizer) Guard(method, path string, user func(*fiber.Ctx) *model.User) (fiber.Handler, error) {
	perm, ok := Routes[method+" "+path]
	if !ok {
		return nil, fmt.Errorf("authz: route %s %s has no declared permission in authz.Routes", method, path)
	}
	switch perm.Access {
	case Public:
		return func(c *fiber.Ctx) error { return c.Next() }, nil
	case SignedIn:
		return func(c *fiber.Ctx) error {
			if user(c) == nil {
				return apperr.New(http.StatusUnauthorized, "error.signin_required")
			}
			return c.Next()
		}, nil
	case OnPlatform:
		return func(c *fiber.Ctx) error {
			u := user(c)
			if u == nil {
				return apperr.New(http.StatusUnauthorized, "error.signin_required")
			}
			if !a.CanPlatform(u, perm.Object, perm.Action) {
				return apperr.Forbidden()
			}
			return c.Next()
		}, nil
	case InWorkspace:
		return func(c *fiber.Ctx) error {
			u := user(c)
			if u == nil {
				return apperr.New(http.StatusUnauthorized, "error.signin_required")
			}
			wid, err := strconv.ParseInt(c.Params("wid"), 10, 64)
			if err != nil || wid <= 0 {
				return apperr.NotFound()
			}
			// Whoever may not see the workspace learns nothing of it, not
			// even that it exists.
			if !a.Can(u, wid, ObjWorkspace, ActRead) {
				return apperr.NotFound()
			}
			if !a.Can(u, wid, perm.Object, perm.Action) {
				return apperr.Forbidden()
			}
			c.Locals(WorkspaceIDKey, wid)
			return c.Next()
		}, nil
	}
	return nil, fmt.Errorf("authz: route %s %s has an unknown access kind", method, path)
}
