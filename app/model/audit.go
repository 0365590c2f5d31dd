package model

// Audit events besides those of case material (see meeting.go). An event
// names what happened; Object and ObjectID name what it happened to. The
// log never holds case text, passwords or what someone typed to sign in.
const (
	// AuditSignIn is a session started: the right password and, where
	// the account has two-factor, a good code; the user is the account.
	AuditSignIn = "sign_in"
	// AuditSignInFailed is a refused sign-in. The user is the account when
	// the address belongs to one; Detail says why (AuditWrongPassword,
	// AuditUnknownAccount, AuditDisabled). An address that belongs to no
	// account is not kept: it is often a colleague's address mistyped, or
	// a password typed into the wrong field.
	AuditSignInFailed = "sign_in_failed"
	// AuditSignOut is a sign-out.
	AuditSignOut = "sign_out"

	// AuditMemberAdd gives an account (Object user) a role in a workspace;
	// Detail is the role.
	AuditMemberAdd = "member_add"
	// AuditMemberRole changes a member's role; Detail is "old -> new".
	AuditMemberRole = "member_role"
	// AuditMemberRemove ends a membership; Detail is the role it had.
	AuditMemberRemove = "member_remove"

	// AuditAccountCreate is a new account; Detail is its platform role.
	AuditAccountCreate = "account_create"
	// AuditAccountDisable and AuditAccountEnable block and unblock an account.
	AuditAccountDisable = "account_disable"
	AuditAccountEnable  = "account_enable"
	// AuditOrganisationCreate is a new organisation.
	AuditOrganisationCreate = "organisation_create"

	// AuditMeetingExport is a meeting's document printed or downloaded;
	// Detail names the document and its format, such as "minutes.md".
	AuditMeetingExport = "meeting_export"
	// AuditLogExport is the audit log downloaded as CSV; Detail names the
	// filters that applied.
	AuditLogExport = "audit_export"
)

// Why a sign-in was refused, in the Detail of AuditSignInFailed: at the
// first step, or at the second (a code from the app or a recovery code).
const (
	AuditWrongPassword  = "wrong_password"
	AuditUnknownAccount = "unknown_account"
	AuditDisabled       = "disabled"
	AuditWrongCode      = "wrong_code"
	AuditCodeUsed       = "code_used"
)

// How a sign-in went, in the Detail of AuditSignIn: with two-factor, or
// with two-factor put off (demo accounts on a demo server only); empty
// for an account that needs none and has none.
const (
	AuditWithTwoFactor   = "two_factor"
	AuditTwoFactorPutOff = "two_factor_put_off"
)

// The kinds of object an audit line names.
const (
	AuditObjectUser         = "user"
	AuditObjectOrganisation = "organisation"
	AuditObjectWorkspace    = "workspace"
	AuditObjectMeeting      = "meeting"
	AuditObjectItem         = "agenda_item"
	AuditObjectLog          = "audit_log"
)
