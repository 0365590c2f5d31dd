package authz

// What the external tests and benchmarks of the package look into.

// Decide asks the whole question through the model's matcher.
func (a *Authorizer) Decide(sub, dom, obj, act string) bool { return a.decide(sub, dom, obj, act) }

// Enforce asks it as Schakel does: roles first, then what they may.
func (a *Authorizer) Enforce(sub, dom, obj, act string) bool { return a.enforce(sub, dom, obj, act) }

// Apply is apply, for timing the change of rules apart from reading them.
func (a *Authorizer) Apply(want [][]string, subjects []string) (bool, error) {
	return a.apply(want, subjects)
}

// UserRules is userRules.
var UserRules = userRules
