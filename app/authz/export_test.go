package authz

// What the external tests and benchmarks of the package look into.

// Decide asks the whole question through the model's matcher.
func (a *Authorizer) Decide(sub, dom, obj, act string) bool { return a.decide(sub, dom, obj, act) }

// ByRoles asks it as Schakel does, without the cache: roles first, then
// what they may.
func (a *Authorizer) ByRoles(sub, dom, obj, act string) bool { return a.byRoles(sub, dom, obj, act) }

// Cached reports whether a decision is in the cache.
func (a *Authorizer) Cached(sub, dom, obj, act string) bool {
	_, _, cached := a.decisions.get(sub, decisionKey{dom, obj, act})
	return cached
}

// Apply is apply, for timing the change of rules apart from reading them.
func (a *Authorizer) Apply(want [][]string, subjects []string) (bool, error) {
	return a.apply(want, subjects)
}

// UserRules is userRules.
var UserRules = userRules
