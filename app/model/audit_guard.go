package model

// Audit events of the privacy guard on free text.
const (
	// AuditGuardConfirmed is a writer's confirmation that what the guard
	// took for probable identifiers in a text (a name, initials, a
	// school, …) identifies nobody, after which the text was saved.
	// Detail names the kinds, such as "name" or "name,school"; the text is
	// never kept. Object and ObjectID name what the text belongs to.
	AuditGuardConfirmed = "guard_confirmed"

	// Objects of guard confirmations besides those named elsewhere.
	AuditObjectAction     = "action"
	AuditObjectComment    = "comment"
	AuditObjectSignal     = "signal"
	AuditObjectAttendee   = "attendee"
	AuditObjectAssessment = "assessment"
	AuditObjectReview     = "plan_review"
	AuditObjectOutcome    = "outcome"
	AuditObjectTemplate   = "agenda_template"
	AuditObjectGuide      = "guide_version"
)
