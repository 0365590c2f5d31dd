package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/authz"
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
	admin    = Permission{OnPlatform, authz.ObjPlatform, authz.ActManage}
	// guideEdit is Defence for Children's and the administrators' edit
	// of the children's-rights guide.
	guideEdit = Permission{OnPlatform, authz.ObjGuide, authz.ActEdit}
)

// Routes declares the permission of every route, keyed by "METHOD path" as
// registered with Fiber. A route missing here cannot be registered, and a
// test walks the registered routes to make sure none slipped past.
var Routes = map[string]Permission{
	"GET /static/*":   public,
	"GET /healthz":    public,
	"GET /readyz":     public,
	"GET /":           public,
	"GET /login":      public,
	"POST /login":     public,
	"POST /language":  public,
	"POST /logout":    signedIn,
	"GET /workspaces": signedIn,

	// The accessibility statement and the privacy statement are for
	// everyone, signed in or not.
	"GET /toegankelijkheid": public,
	"GET /privacy":          public,

	// The second step of signing in needs the half sign-in of a right
	// password, which its handlers ask for; a reset link is its own
	// credential.
	"GET /login/two-factor":        public,
	"POST /login/two-factor":       public,
	"GET /login/two-factor/setup":  public,
	"POST /login/two-factor/setup": public,
	"POST /login/two-factor/later": public,
	"GET /password/forgot":         public,
	"POST /password/forgot":        public,
	"GET /password/reset":          public,
	"POST /password/reset":         public,

	// One's own account: every signed-in person, about themselves only.
	"GET /account":                            signedIn,
	"POST /account/profile":                   signedIn,
	"POST /account/password":                  signedIn,
	"POST /account/sessions/:sid/revoke":      signedIn,
	"GET /account/two-factor":                 signedIn,
	"POST /account/two-factor":                signedIn,
	"POST /account/two-factor/off":            signedIn,
	"POST /account/two-factor/recovery-codes": signedIn,
	"POST /account/data":                      signedIn,
	"POST /account/delete":                    signedIn,

	"GET /workspaces/:wid":                      workspace(authz.ObjWorkspace, authz.ActRead),
	"GET /workspaces/:wid/members":              workspace(authz.ObjMembers, authz.ActRead),
	"POST /workspaces/:wid/members":             workspace(authz.ObjMembers, authz.ActManage),
	"POST /workspaces/:wid/members/:mid/role":   workspace(authz.ObjMembers, authz.ActManage),
	"POST /workspaces/:wid/members/:mid/delete": workspace(authz.ObjMembers, authz.ActManage),

	// Invitations: whoever manages the members invites by e-mail, to the
	// workspace or as a guest to one meeting. The link's secret token is
	// its credential; accepting with an account takes that account's
	// session.
	"POST /workspaces/:wid/invitations":               workspace(authz.ObjMembers, authz.ActManage),
	"POST /workspaces/:wid/invitations/:iid/resend":   workspace(authz.ObjMembers, authz.ActManage),
	"POST /workspaces/:wid/invitations/:iid/revoke":   workspace(authz.ObjMembers, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/invitations": workspace(authz.ObjMembers, authz.ActManage),
	"GET /invitations/:token":                         public,
	"POST /invitations/:token":                        public,
	"POST /invitations/:token/accept":                 signedIn,

	"GET /workspaces/:wid/plans":                                workspace(authz.ObjPlan, authz.ActRead),
	"POST /workspaces/:wid/plans":                               workspace(authz.ObjPlan, authz.ActManage),
	"GET /workspaces/:wid/plans/:pid":                           workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/plans/:pid/live":                      workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/plans/:pid/coverage":                  workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/plans/:pid/fields/:field/edit":        workspace(authz.ObjPlan, authz.ActManage),
	"POST /workspaces/:wid/plans/:pid/fields/:field":            workspace(authz.ObjPlan, authz.ActManage),
	"POST /workspaces/:wid/plans/:pid/actions":                  workspace(authz.ObjAction, authz.ActEdit),
	"GET /workspaces/:wid/meetings":                             workspace(authz.ObjMeeting, authz.ActRead),
	"POST /workspaces/:wid/meetings":                            workspace(authz.ObjMeeting, authz.ActManage),
	"GET /workspaces/:wid/meetings/:mid":                        workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/meetings/:mid/live":                   workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/meetings/:mid/fields/:field":          workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/meetings/:mid/fields/:field/edit":     workspace(authz.ObjMeeting, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/fields/:field":         workspace(authz.ObjMeeting, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/current":               workspace(authz.ObjMeeting, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/items":                 workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/meetings/:mid/template":              workspace(authz.ObjTemplate, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/attendees":             workspace(authz.ObjMeeting, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/answer": workspace(authz.ObjMeeting, authz.ActRead),
	"POST /workspaces/:wid/meetings/:mid/attendees/:aid/delete": workspace(authz.ObjMeeting, authz.ActManage),
	"POST /workspaces/:wid/meetings/:mid/outcomes/:oid/delete":  workspace(authz.ObjAgenda, authz.ActEdit),
	"GET /workspaces/:wid/items/:iid/case":                      workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/items/:iid/fields/:field":             workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/items/:iid/fields/:field/edit":        workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/items/:iid/fields/:field":            workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/items/:iid/move":                     workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/items/:iid/delete":                   workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/items/:iid/restore":                  workspace(authz.ObjAgenda, authz.ActEdit),
	"POST /workspaces/:wid/items/:iid/outcomes":                 workspace(authz.ObjAgenda, authz.ActEdit),
	"GET /workspaces/:wid/actions/:aid":                         workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/actions/:aid/item":                    workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/actions/:aid/fields/:field":           workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/actions/:aid/fields/:field/edit":      workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/actions/:aid/fields/:field":          workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/actions/:aid/move":                   workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/actions/:aid/delete":                 workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/actions/:aid/restore":                workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/actions/:aid/history/:cid/restore":   workspace(authz.ObjAction, authz.ActEdit),

	// A plan's actions as CSV for whoever reads the plan (no case
	// material in them); progress read back in by whoever edits actions.
	"GET /workspaces/:wid/plans/:pid/actions.csv":   workspace(authz.ObjPlan, authz.ActRead),
	"POST /workspaces/:wid/plans/:pid/import":       workspace(authz.ObjAction, authz.ActEdit),
	"POST /workspaces/:wid/plans/:pid/import/apply": workspace(authz.ObjAction, authz.ActEdit),
	// A plan's progress over time, and the kinderrechtentoets: read by
	// everyone who reads the workspace; started and completed by the
	// coordinator, answered by coordinators, editors and contributors.
	"GET /workspaces/:wid/plans/:pid/progress":  workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/progress":             workspace(authz.ObjPlan, authz.ActRead),
	"GET /workspaces/:wid/toets":                workspace(authz.ObjAssessment, authz.ActRead),
	"POST /workspaces/:wid/toets":               workspace(authz.ObjAssessment, authz.ActManage),
	"GET /workspaces/:wid/toets/:tid":           workspace(authz.ObjAssessment, authz.ActRead),
	"POST /workspaces/:wid/toets/:tid/answers":  workspace(authz.ObjAssessment, authz.ActAnswer),
	"POST /workspaces/:wid/toets/:tid/complete": workspace(authz.ObjAssessment, authz.ActManage),
	"GET /workspaces/:wid/toets/:tid/compare":   workspace(authz.ObjAssessment, authz.ActRead),

	// Exports of a meeting: printable pages, Markdown and iCalendar. None
	// of them holds case material, so reading the meeting is enough.
	"GET /workspaces/:wid/meetings/:mid/export/:doc.md": workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/meetings/:mid/export/:doc":    workspace(authz.ObjMeeting, authz.ActRead),
	"GET /workspaces/:wid/meetings/:mid/invite.ics":     workspace(authz.ObjMeeting, authz.ActRead),

	// One's personal calendar address. The feed's secret token is its
	// credential: calendar apps send no session.
	"GET /calendar":            signedIn,
	"POST /calendar":           signedIn,
	"POST /calendar/revoke":    signedIn,
	"GET /calendar/:token.ics": public,

	// Comments and advice: whoever reads the workspace's comments reaches
	// these routes (guests do not); the service decides what they may
	// write: members comments and replies, reviewers advice, its author
	// a change of their own, the reviewer or coordinator closing advice.
	// Plan reviews are the reviewers'. Signals are marked and withdrawn by
	// members who edit, and listed across the workspaces one may read.
	"POST /workspaces/:wid/comments":                  workspace(authz.ObjComment, authz.ActRead),
	"POST /workspaces/:wid/comments/:comment":         workspace(authz.ObjComment, authz.ActRead),
	"POST /workspaces/:wid/comments/:comment/replies": workspace(authz.ObjComment, authz.ActRead),
	"POST /workspaces/:wid/comments/:comment/delete":  workspace(authz.ObjComment, authz.ActRead),
	"POST /workspaces/:wid/comments/:comment/close":   workspace(authz.ObjComment, authz.ActRead),
	"GET /workspaces/:wid/advice":                     workspace(authz.ObjComment, authz.ActRead),
	"POST /workspaces/:wid/plans/:pid/reviews":        workspace(authz.ObjAdvice, authz.ActWrite),
	"GET /workspaces/:wid/actions/:aid/live":          workspace(authz.ObjPlan, authz.ActRead),
	"GET /signals":                                    signedIn,
	"GET /workspaces/:wid/signals/new":                workspace(authz.ObjSignal, authz.ActWrite),
	"POST /workspaces/:wid/signals":                   workspace(authz.ObjSignal, authz.ActWrite),
	"POST /workspaces/:wid/signals/:signal/withdraw":  workspace(authz.ObjSignal, authz.ActWrite),

	// The audit log: a workspace's to its coordinators, all of it to
	// administrators; each as pages and as a CSV download.
	"GET /workspaces/:wid/audit":     workspace(authz.ObjAudit, authz.ActRead),
	"GET /workspaces/:wid/audit.csv": workspace(authz.ObjAudit, authz.ActRead),
	"GET /admin/audit":               admin,
	"GET /admin/audit.csv":           admin,

	"GET /admin":                        admin,
	"GET /admin/organisations":          admin,
	"POST /admin/organisations":         admin,
	"GET /admin/workspaces":             admin,
	"GET /admin/workspaces/new":         admin,
	"POST /admin/workspaces":            admin,
	"GET /admin/accounts":               admin,
	"POST /admin/accounts":              admin,
	"POST /admin/accounts/:uid/disable": admin,
	"POST /admin/accounts/:uid/enable":  admin,
	"GET /admin/outbox":                 admin,
	"GET /admin/outbox/:id":             admin,
	"POST /admin/outbox/:id/retry":      admin,

	// The children's-rights guide: everyone signed in reads it (the
	// actions it lists are those of the workspaces the reader may see);
	// reviewers and administrators edit it and read its history.
	"GET /guide":                     signedIn,
	"GET /guide/:article":            signedIn,
	"GET /guide/:article/history":    guideEdit,
	"GET /guide/:article/:lang/edit": guideEdit,
	"POST /guide/:article/:lang":     guideEdit,
	// Defence for Children's programme: the overview covers every
	// workspace for reviewers and administrators and one's own workspaces
	// for members (the service decides which; a guest has none); its
	// reach, report and targets are the programme's.
	"GET /programme":        signedIn,
	"GET /programme.csv":    signedIn,
	"GET /programme/report": {OnPlatform, authz.ObjProgramme, authz.ActRead},
	"POST /programme/years": {OnPlatform, authz.ObjProgramme, authz.ActManage},

	// The regions of organisations and workspaces, which put the region's
	// organisations first in a workspace's pickers.
	"POST /admin/organisations/:oid/region": admin,
	"POST /admin/workspaces/:wid/region":    admin,
}

// workspaceIDKey is the Locals key under which the guard leaves the
// workspace id it checked.
const workspaceIDKey = "guard.workspace"

// workspaceID returns the workspace id the guard checked for this request.
func workspaceID(c *fiber.Ctx) int64 {
	id, _ := c.Locals(workspaceIDKey).(int64)
	return id
}

// guard returns the middleware that enforces the declared permission of the
// route "METHOD path"; it fails for an undeclared route. The policy
// questions themselves are the authorizer's.
func (s *Server) guard(method, path string) (fiber.Handler, error) {
	a, user := s.authz, currentUser
	perm, ok := Routes[method+" "+path]
	if !ok {
		return nil, fmt.Errorf("web: route %s %s has no declared permission in web.Routes", method, path)
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
			// even that it exists. A guest, who may not see it either,
			// passes only to what their role allows (the meetings; the
			// service shows them those they attend).
			if !a.Can(u, wid, authz.ObjWorkspace, authz.ActRead) {
				if !a.Can(u, wid, perm.Object, perm.Action) {
					return apperr.NotFound()
				}
			} else if !a.Can(u, wid, perm.Object, perm.Action) {
				return apperr.Forbidden()
			}
			c.Locals(workspaceIDKey, wid)
			return c.Next()
		}, nil
	}
	return nil, fmt.Errorf("web: route %s %s has an unknown access kind", method, path)
}
