package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"schakel/static"
)

// routes registers every route through handle, which puts the permission
// declared in Routes in front of the handler.
func (s *Server) routes() error {
	r := &router{s: s}
	r.handle("GET", "/static/*", staticFiles(http.FS(static.FS)))
	r.handle("GET", "/healthz", s.healthz)
	r.handle("GET", "/readyz", s.readyz)

	r.handle("GET", "/", s.home)
	r.handle("GET", "/login", s.signInForm)
	r.handle("GET", "/toegankelijkheid", s.accessibilityStatement)
	r.handle("GET", "/privacy", s.privacyStatement)
	r.handle("POST", "/login", s.signInSubmit)
	r.handle("POST", "/logout", s.signOutSubmit)
	r.handle("POST", "/language", s.languageSwitch)

	// The second step of signing in, and resetting a forgotten password.
	r.handle("GET", "/login/two-factor", s.twoFactorCodeForm)
	r.handle("POST", "/login/two-factor", s.twoFactorCodeSubmit)
	r.handle("GET", "/login/two-factor/setup", s.twoFactorSetupForm)
	r.handle("POST", "/login/two-factor/setup", s.twoFactorSetupSubmit)
	r.handle("POST", "/login/two-factor/later", s.twoFactorLater)
	r.handle("GET", "/password/forgot", s.passwordForgotForm)
	r.handle("POST", "/password/forgot", s.passwordForgotSubmit)
	r.handle("GET", "/password/reset", s.passwordResetForm)
	r.handle("POST", "/password/reset", s.passwordResetSubmit)

	// One's own account.
	r.handle("GET", "/account", s.accountShow)
	r.handle("POST", "/account/profile", s.accountProfile)
	r.handle("POST", "/account/password", s.accountPassword)
	r.handle("POST", "/account/sessions/:sid/revoke", s.accountSessionRevoke)
	r.handle("GET", "/account/two-factor", s.accountTwoFactorForm)
	r.handle("POST", "/account/two-factor", s.accountTwoFactorConfirm)
	r.handle("POST", "/account/two-factor/off", s.accountTwoFactorOff)
	r.handle("POST", "/account/two-factor/recovery-codes", s.accountRecoveryCodes)
	r.handle("POST", "/account/data", s.accountData)
	r.handle("POST", "/account/delete", s.accountDelete)

	r.handle("GET", "/workspaces", s.workspaceList)
	r.handle("GET", "/programme", s.programmeShow)
	r.handle("GET", "/programme.csv", s.programmeCSV)
	r.handle("GET", "/programme/report", s.programmeReport)
	r.handle("POST", "/programme/years", s.programmeYearSave)
	r.handle("GET", "/workspaces/:wid", s.workspaceShow)
	r.handle("GET", "/workspaces/:wid/members", s.memberList)
	r.handle("POST", "/workspaces/:wid/members", s.memberAdd)
	r.handle("POST", "/workspaces/:wid/members/:mid/role", s.memberRole)
	r.handle("POST", "/workspaces/:wid/members/:mid/delete", s.memberRemove)
	r.handle("POST", "/workspaces/:wid/invitations", s.invitationCreate)
	r.handle("POST", "/workspaces/:wid/invitations/:iid/resend", s.invitationResend)
	r.handle("POST", "/workspaces/:wid/invitations/:iid/revoke", s.invitationRevoke)
	r.handle("GET", "/invitations/:token", s.invitationShow)
	r.handle("POST", "/invitations/:token", s.invitationAcceptNew)
	r.handle("POST", "/invitations/:token/accept", s.invitationAccept)

	r.handle("GET", "/workspaces/:wid/plans", s.planList)
	r.handle("POST", "/workspaces/:wid/plans", s.planCreate)
	r.handle("GET", "/workspaces/:wid/plans/:pid", s.planShow)
	r.handle("GET", "/workspaces/:wid/plans/:pid/live", s.planLive)
	r.handle("GET", "/workspaces/:wid/plans/:pid/coverage", s.planCoverage)
	r.handle("GET", "/workspaces/:wid/plans/:pid/fields/:field/edit", s.planFieldEdit)
	r.handle("POST", "/workspaces/:wid/plans/:pid/fields/:field", s.planFieldUpdate)
	r.handle("POST", "/workspaces/:wid/plans/:pid/actions", s.actionCreate)
	r.handle("GET", "/workspaces/:wid/plans/:pid/actions.csv", s.planActionsCSV)
	r.handle("POST", "/workspaces/:wid/plans/:pid/import", s.planImport)
	r.handle("POST", "/workspaces/:wid/plans/:pid/import/apply", s.planImportApply)
	r.handle("GET", "/workspaces/:wid/actions/:aid", s.actionShow)
	r.handle("GET", "/workspaces/:wid/actions/:aid/item", s.actionItem)
	r.handle("GET", "/workspaces/:wid/actions/:aid/fields/:field", s.actionFieldShow)
	r.handle("GET", "/workspaces/:wid/actions/:aid/fields/:field/edit", s.actionFieldEdit)
	r.handle("POST", "/workspaces/:wid/actions/:aid/fields/:field", s.actionFieldUpdate)
	r.handle("POST", "/workspaces/:wid/actions/:aid/move", s.actionMove)
	r.handle("POST", "/workspaces/:wid/actions/:aid/delete", s.actionDelete)
	r.handle("POST", "/workspaces/:wid/actions/:aid/restore", s.actionRestore)
	r.handle("POST", "/workspaces/:wid/actions/:aid/history/:cid/restore", s.actionHistoryRestore)

	r.handle("GET", "/workspaces/:wid/plans/:pid/progress", s.progressShow)
	r.handle("GET", "/workspaces/:wid/progress", s.progressCurrent)
	r.handle("GET", "/workspaces/:wid/toets", s.toetsList)
	r.handle("POST", "/workspaces/:wid/toets", s.toetsStart)
	r.handle("GET", "/workspaces/:wid/toets/:tid", s.toetsShow)
	r.handle("POST", "/workspaces/:wid/toets/:tid/answers", s.toetsAnswer)
	r.handle("POST", "/workspaces/:wid/toets/:tid/complete", s.toetsComplete)
	r.handle("GET", "/workspaces/:wid/toets/:tid/compare", s.toetsCompare)

	r.handle("GET", "/workspaces/:wid/meetings", s.meetingList)
	r.handle("POST", "/workspaces/:wid/meetings", s.meetingCreate)
	r.handle("GET", "/workspaces/:wid/meetings/:mid", s.meetingShow)
	r.handle("GET", "/workspaces/:wid/meetings/:mid/live", s.meetingLive)
	r.handle("GET", "/workspaces/:wid/meetings/:mid/fields/:field", s.meetingFieldShow)
	r.handle("GET", "/workspaces/:wid/meetings/:mid/fields/:field/edit", s.meetingFieldEdit)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/fields/:field", s.meetingFieldUpdate)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/current", s.meetingCurrent)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/items", s.itemCreate)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/template", s.templateSave)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/attendees", s.attendeeInvite)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/attendees/:aid/answer", s.attendeeAnswer)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/attendees/:aid/delete", s.attendeeRemove)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/invitations", s.invitationGuest)
	r.handle("POST", "/workspaces/:wid/meetings/:mid/outcomes/:oid/delete", s.outcomeDelete)
	r.handle("GET", "/workspaces/:wid/items/:iid/case", s.itemCase)
	r.handle("GET", "/workspaces/:wid/items/:iid/fields/:field", s.itemFieldShow)
	r.handle("GET", "/workspaces/:wid/items/:iid/fields/:field/edit", s.itemFieldEdit)
	r.handle("POST", "/workspaces/:wid/items/:iid/fields/:field", s.itemFieldUpdate)
	r.handle("POST", "/workspaces/:wid/items/:iid/move", s.itemMove)
	r.handle("POST", "/workspaces/:wid/items/:iid/delete", s.itemDelete)
	r.handle("POST", "/workspaces/:wid/items/:iid/restore", s.itemRestore)
	r.handle("POST", "/workspaces/:wid/items/:iid/outcomes", s.outcomeCreate)

	// The Markdown route comes first: the other would take a document
	// name with its .md suffix as the name of a document.
	r.handle("GET", "/workspaces/:wid/meetings/:mid/export/:doc.md", s.exportMarkdown)
	r.handle("GET", "/workspaces/:wid/meetings/:mid/export/:doc", s.exportShow)
	r.handle("GET", "/workspaces/:wid/meetings/:mid/invite.ics", s.calendarInvite)
	r.handle("GET", "/calendar", s.calendarShow)
	r.handle("POST", "/calendar", s.calendarCreate)
	r.handle("POST", "/calendar/revoke", s.calendarRevoke)
	r.handle("GET", "/calendar/:token.ics", s.calendarFeed)

	// The children's-rights guide.
	r.handle("GET", "/guide", s.guideIndex)
	r.handle("GET", "/guide/:article", s.guideShow)
	r.handle("GET", "/guide/:article/history", s.guideHistory)
	r.handle("GET", "/guide/:article/:lang/edit", s.guideEditForm)
	r.handle("POST", "/guide/:article/:lang", s.guideUpdate)
	// Comments and advice, plan reviews, and signals for national policy.
	r.handle("POST", "/workspaces/:wid/comments", s.commentCreate)
	r.handle("POST", "/workspaces/:wid/comments/:comment", s.commentUpdate)
	r.handle("POST", "/workspaces/:wid/comments/:comment/replies", s.commentReply)
	r.handle("POST", "/workspaces/:wid/comments/:comment/delete", s.commentDelete)
	r.handle("POST", "/workspaces/:wid/comments/:comment/close", s.commentClose)
	r.handle("GET", "/workspaces/:wid/advice", s.adviceList)
	r.handle("POST", "/workspaces/:wid/plans/:pid/reviews", s.planReviewCreate)
	r.handle("GET", "/workspaces/:wid/actions/:aid/live", s.actionLive)
	r.handle("GET", "/signals", s.signalList)
	r.handle("GET", "/workspaces/:wid/signals/new", s.signalNew)
	r.handle("POST", "/workspaces/:wid/signals", s.signalCreate)
	r.handle("POST", "/workspaces/:wid/signals/:signal/withdraw", s.signalWithdraw)

	r.handle("GET", "/workspaces/:wid/audit.csv", s.workspaceAuditCSV)
	r.handle("GET", "/workspaces/:wid/audit", s.workspaceAudit)
	r.handle("GET", "/admin/audit.csv", s.platformAuditCSV)
	r.handle("GET", "/admin/audit", s.platformAudit)

	r.handle("GET", "/admin", s.adminHome)
	r.handle("GET", "/admin/organisations", s.organisationList)
	r.handle("POST", "/admin/organisations", s.organisationCreate)
	r.handle("POST", "/admin/organisations/:oid/region", s.organisationRegion)
	r.handle("GET", "/admin/workspaces", s.adminWorkspaceList)
	r.handle("GET", "/admin/workspaces/new", s.adminWorkspaceNew)
	r.handle("POST", "/admin/workspaces", s.adminWorkspaceCreate)
	r.handle("POST", "/admin/workspaces/:wid/region", s.adminWorkspaceRegion)
	r.handle("GET", "/admin/accounts", s.accountList)
	r.handle("POST", "/admin/accounts", s.accountCreate)
	r.handle("POST", "/admin/accounts/:uid/disable", s.accountDisable)
	r.handle("POST", "/admin/accounts/:uid/enable", s.accountEnable)
	r.handle("GET", "/admin/outbox", s.outboxList)
	r.handle("GET", "/admin/outbox/:id", s.outboxShow)
	r.handle("POST", "/admin/outbox/:id/retry", s.outboxRetry)

	// Anything else is not found, in the user's language.
	s.App.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return r.err
}

// staticFiles serves the embedded files under /static. Directories are not
// listed; an unknown file is not found. The files are the same for
// everyone and carry nothing personal, so browsers may keep them; the
// error page of an unknown file stays no-store, as every other answer.
func staticFiles(fsys http.FileSystem) fiber.Handler {
	return func(c *fiber.Ctx) error {
		err := filesystem.SendFile(c, fsys, strings.TrimPrefix(c.Path(), "/static"))
		if errors.Is(err, fiber.ErrForbidden) {
			return fiber.ErrNotFound
		}
		if err == nil {
			c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
		}
		return err
	}
}

// noStore keeps every answer out of the browser's and any proxy's cache:
// pages, htmx fragments, exports and calendar feeds carry case material or
// personal data, and a shared workstation must not keep them on disk. The
// rule is simplest when it holds for every answer; only the static files
// (staticFiles) set their own.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}

// router registers routes with their declared permission in front.
type router struct {
	s   *Server
	err error
}

func (r *router) handle(method, path string, handlers ...fiber.Handler) {
	if r.err != nil {
		return
	}
	guard, err := r.s.guard(method, path)
	if err != nil {
		r.err = err
		return
	}
	r.s.App.Add(method, path, append([]fiber.Handler{guard}, handlers...)...)
}
