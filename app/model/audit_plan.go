package model

// Audit events of a plan's actions leaving and coming back as a
// spreadsheet. Object is AuditObjectPlan, ObjectID the plan's id.
const (
	// AuditPlanExport is a plan's actions downloaded as CSV; Detail names
	// the file's format ("csv").
	AuditPlanExport = "plan_export"
	// AuditPlanImport is a CSV file of progress applied to a plan's
	// actions; Detail counts what changed, as "actions=3 changes=5".
	AuditPlanImport = "plan_import"

	// AuditObjectPlan is a plan, named by its title.
	AuditObjectPlan = "plan"
)
