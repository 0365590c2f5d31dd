package authz

// Objects and actions of the kinderrechtentoets, named in
// policies/policy.csv: ObjAssessment is read by everyone who reads the
// workspace, started and completed with ActManage, answered with ActAnswer.
const (
	ObjAssessment = "assessment"
	ActAnswer     = "answer"
)
