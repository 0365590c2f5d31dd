// Package authz decides who may do what where. Role permissions come from
// policies/policy.csv; who holds which role in which workspace comes from
// the memberships table, loaded into a Casbin enforcer with workspaces as
// domains. Platform roles (reviewer, administrator) hold in every domain.
package authz

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/casbin/casbin/v2"
	casbinmodel "github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/policies"
)

// Objects and actions named in policies/policy.csv.
const (
	ObjWorkspace = "workspace"
	ObjMembers   = "members"
	ObjCasus     = "casus"
	ObjPlatform  = "platform"
	ObjPlan      = "plan"
	ObjAction    = "action"
	ObjMeeting   = "meeting"
	ObjAgenda    = "agenda"
	ObjTemplate  = "template"
	ObjAudit     = "audit"
	// ObjGuide is the text of the children's-rights guide, which
	// Defence for Children edits; everyone signed in reads it.
	ObjGuide = "guide"
	// ObjComment is the comments and advice of a workspace (read) and
	// members' comments and replies (write); ObjAdvice is Defence for
	// Children's advice and plan reviews (write) and closing advice;
	// ObjSignal is marking signals for national policy.
	ObjComment = "comment"
	ObjAdvice  = "advice"
	ObjSignal  = "signal"
	// ObjProgramme is Defence for Children's programme: the reach of its
	// years, their targets and the yearly report.
	ObjProgramme = "programme"

	ActRead   = "read"
	ActManage = "manage"
	ActEdit   = "edit"
	ActWrite  = "write"
	ActClose  = "close"
)

// Authorizer answers permission questions from the Casbin enforcer.
//
// A decision is made in two steps that together are what the model's
// matcher says: which roles the account holds in the workspace or on the
// platform (the role manager, from memberships and platform roles), and
// whether one of those roles may do the thing (the matcher, asked once per
// role, object and action, and remembered: role permissions come from
// policies/policy.csv and never change while Schakel runs). A change of one
// account's rules (SyncUser) touches only that account's grouping rules
// and forgets only that account's cached decisions.
type Authorizer struct {
	db        *bun.DB
	enforcer  *casbin.SyncedEnforcer
	decisions decisionCache
	// roleMay remembers the role decisions: roleQuestion → bool.
	roleMay  sync.Map
	mu       sync.Mutex
	onReload []func()
}

// roleQuestion asks whether a role may do act on obj.
type roleQuestion struct{ role, obj, act string }

// New builds the enforcer and loads every rule from db.
func New(db *bun.DB) (*Authorizer, error) {
	m, err := casbinmodel.NewModelFromString(policies.Model)
	if err != nil {
		return nil, fmt.Errorf("casbin model: %w", err)
	}
	e, err := casbin.NewSyncedEnforcer(m, &adapter{db: db})
	if err != nil {
		return nil, fmt.Errorf("casbin: %w", err)
	}
	e.EnableAutoSave(false)
	return &Authorizer{db: db, enforcer: e, decisions: newDecisionCache()}, nil
}

// Reload brings every account's role rules in line with the database, as a
// safety net for a change notice that went missing, changing only the
// rules that differ. Then it tells whoever asked with OnReload.
func (a *Authorizer) Reload() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	want, err := groupingRules(ctx, a.db)
	if err != nil {
		return err
	}
	if _, err := a.apply(want, nil); err != nil {
		return err
	}
	a.notify()
	return nil
}

// SyncUser brings one account's role rules in line with the database after
// its memberships, platform role or state changed, and forgets only its
// cached decisions. It reports whether anything changed.
func (a *Authorizer) SyncUser(ctx context.Context, userID int64) (bool, error) {
	want, err := userRules(ctx, a.db, userID)
	if err != nil {
		return false, err
	}
	changed, err := a.apply(want, []string{Subject(userID)})
	if err != nil || !changed {
		return changed, err
	}
	a.notify()
	return true, nil
}

// apply makes the enforcer's grouping rules of the given subjects (all
// subjects when nil) equal to want, and then forgets the cached decisions
// of each subject whose rules changed: a decision made on the old rules
// while the change was under way is never kept. The rules it removes go
// before those it adds, so that a role change never holds both roles at
// once.
func (a *Authorizer) apply(want [][]string, subjects []string) (bool, error) {
	var have [][]string
	if subjects == nil {
		gs, err := a.enforcer.GetGroupingPolicy()
		if err != nil {
			return false, err
		}
		have = gs
	} else {
		for _, sub := range subjects {
			gs, err := a.enforcer.GetFilteredGroupingPolicy(0, sub)
			if err != nil {
				return false, err
			}
			have = append(have, gs...)
		}
	}
	removed, added := diffRules(have, want)
	if len(removed) == 0 && len(added) == 0 {
		return false, nil
	}
	if len(removed) > 0 {
		if _, err := a.enforcer.RemoveGroupingPolicies(removed); err != nil {
			return false, err
		}
	}
	if len(added) > 0 {
		if _, err := a.enforcer.AddGroupingPolicies(added); err != nil {
			return false, err
		}
	}
	touched := map[string]bool{}
	for _, r := range append(removed, added...) {
		touched[r[0]] = true
	}
	for sub := range touched {
		a.decisions.forget(sub)
	}
	return true, nil
}

// diffRules returns the rules of have that want lacks, and those of want
// that have lacks.
func diffRules(have, want [][]string) (removed, added [][]string) {
	key := func(r []string) string { return strings.Join(r, "\x00") }
	inWant := make(map[string]bool, len(want))
	for _, r := range want {
		inWant[key(r)] = true
	}
	inHave := make(map[string]bool, len(have))
	for _, r := range have {
		k := key(r)
		inHave[k] = true
		if !inWant[k] {
			removed = append(removed, r)
		}
	}
	for _, r := range want {
		if k := key(r); !inHave[k] {
			inHave[k] = true
			added = append(added, r)
		}
	}
	return removed, added
}

func (a *Authorizer) notify() {
	a.mu.Lock()
	hooks := append([]func(){}, a.onReload...)
	a.mu.Unlock()
	for _, f := range hooks {
		f()
	}
}

// OnReload registers f to run after the rules changed, such as ending live
// subscriptions whose membership ended.
func (a *Authorizer) OnReload(f func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.onReload = append(a.onReload, f)
}

// enforce answers whether sub may do act on obj in dom, from the cache
// when it can.
func (a *Authorizer) enforce(sub, dom, obj, act string) bool {
	k := decisionKey{dom, obj, act}
	ok, gen, cached := a.decisions.get(sub, k)
	if cached {
		return ok
	}
	ok = a.byRoles(sub, dom, obj, act)
	a.decisions.put(sub, k, ok, gen)
	return ok
}

// byRoles answers whether sub may do act on obj in dom: whether one of the
// roles sub holds there, or on the whole platform, may.
func (a *Authorizer) byRoles(sub, dom, obj, act string) bool {
	for _, d := range [2]string{dom, "*"} {
		for _, role := range a.enforcer.GetRolesForUserInDomain(sub, d) {
			if a.mayRole(role, obj, act) {
				return true
			}
		}
		if dom == "*" {
			break
		}
	}
	return false
}

// mayRole asks the model's matcher whether a role may do act on obj, once.
// A role holds itself in every domain, so the question needs none.
func (a *Authorizer) mayRole(role, obj, act string) bool {
	q := roleQuestion{role, obj, act}
	if ok, seen := a.roleMay.Load(q); seen {
		return ok.(bool)
	}
	ok, err := a.enforcer.Enforce(role, "*", obj, act)
	ok = err == nil && ok
	if err == nil {
		a.roleMay.Store(q, ok)
	}
	return ok
}

// decide asks the enforcer the whole question through the model's matcher,
// as enforce answers it in two steps; the tests hold the two side by side.
func (a *Authorizer) decide(sub, dom, obj, act string) bool {
	ok, err := a.enforcer.Enforce(sub, dom, obj, act)
	return err == nil && ok
}

// CanUser reports whether the account with this id may do act on obj in the
// workspace; disabled accounts hold no rules at all.
func (a *Authorizer) CanUser(userID, workspaceID int64, obj, act string) bool {
	return a.enforce(Subject(userID), Domain(workspaceID), obj, act)
}

// Subject is the Casbin subject of an account.
func Subject(userID int64) string { return "user:" + strconv.FormatInt(userID, 10) }

// Domain is the Casbin domain of a workspace.
func Domain(workspaceID int64) string { return "ws:" + strconv.FormatInt(workspaceID, 10) }

// Can reports whether the account may do act on obj in the workspace.
// Case material is never for a platform account, whatever the rules say.
func (a *Authorizer) Can(u *model.User, workspaceID int64, obj, act string) bool {
	if u == nil || u.Disabled() {
		return false
	}
	if obj == ObjCasus && u.PlatformRole != model.PlatformNone {
		return false
	}
	return a.enforce(Subject(u.ID), Domain(workspaceID), obj, act)
}

// CanPlatform reports whether the account may do act on obj across the
// platform (only platform roles can).
func (a *Authorizer) CanPlatform(u *model.User, obj, act string) bool {
	if u == nil || u.Disabled() {
		return false
	}
	return a.enforce(Subject(u.ID), "*", obj, act)
}

// adapter loads the p rules from the embedded policy file and the g rules
// from the database. Rules change through the database, never through the
// enforcer, so it saves nothing.
type adapter struct{ db *bun.DB }

func (a *adapter) LoadPolicy(m casbinmodel.Model) error {
	for _, line := range strings.Split(policies.Policy, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := persist.LoadPolicyLine(line, m); err != nil {
			return fmt.Errorf("policy.csv: %q: %w", line, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rules, err := groupingRules(ctx, a.db)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if err := persist.LoadPolicyArray(append([]string{"g"}, r...), m); err != nil {
			return err
		}
	}
	return nil
}

// groupingRules reads who holds which role where: the memberships and the
// platform roles of every account that is not disabled.
//
// An account with a platform role gets no rule from a membership. Its
// platform role already holds in every workspace; a workspace role on top
// would give a reviewer write access and, invited to a meeting, case
// material, which reviewers never read. Coordinators can no longer add
// such an account (service.AddMember), but memberships from before that
// rule may exist, and a platform role may be given to a member later: the
// rows stay, so that nothing a coordinator set up disappears unseen (the
// members page marks them, and a coordinator can remove them), and are
// ignored here, which holds for old data, for new data and for whatever
// path a membership may come by.
func groupingRules(ctx context.Context, db *bun.DB) ([][]string, error) {
	members, err := store.ActiveMemberships(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("load memberships: %w", err)
	}
	platform, err := store.PlatformUsers(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("load platform roles: %w", err)
	}
	rules := make([][]string, 0, len(members)+len(platform))
	for _, mb := range members {
		rules = append(rules, membershipRule(mb))
	}
	for _, u := range platform {
		rules = append(rules, []string{Subject(u.ID), string(u.PlatformRole), "*"})
	}
	return rules, nil
}

// userRules reads the grouping rules of one account; a disabled or removed
// account has none.
func userRules(ctx context.Context, db *bun.DB, userID int64) ([][]string, error) {
	u, err := store.User(ctx, db, userID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled() {
		return nil, nil
	}
	// A platform account's memberships give nothing (see groupingRules);
	// the store leaves them out.
	members, err := store.ActiveMembershipsOf(ctx, db, userID)
	if err != nil {
		return nil, fmt.Errorf("load memberships: %w", err)
	}
	rules := make([][]string, 0, len(members)+1)
	for _, mb := range members {
		rules = append(rules, membershipRule(mb))
	}
	if u.PlatformRole != model.PlatformNone {
		rules = append(rules, []string{Subject(u.ID), string(u.PlatformRole), "*"})
	}
	return rules, nil
}

func membershipRule(mb model.Membership) []string {
	return []string{Subject(mb.UserID), string(mb.Role), Domain(mb.WorkspaceID)}
}

var errReadOnly = fmt.Errorf("authz: rules change through memberships, not the enforcer")

func (a *adapter) SavePolicy(casbinmodel.Model) error                        { return errReadOnly }
func (a *adapter) AddPolicy(string, string, []string) error                  { return errReadOnly }
func (a *adapter) RemovePolicy(string, string, []string) error               { return errReadOnly }
func (a *adapter) RemoveFilteredPolicy(string, string, int, ...string) error { return errReadOnly }

// ReadsCaseMaterial reports whether the account holds, in some workspace,
// a role that may read case material: such an account signs in with two
// factors.
func (a *Authorizer) ReadsCaseMaterial(u *model.User) bool {
	if u == nil || u.Disabled() {
		return false
	}
	rules, err := a.enforcer.GetFilteredGroupingPolicy(0, Subject(u.ID))
	if err != nil {
		return false
	}
	for _, r := range rules {
		if len(r) > 1 && a.mayRole(r[1], ObjCasus, ActRead) {
			return true
		}
	}
	return false
}

// ReadsSomeWorkspace reports whether the account reads at least one
// workspace's comments: a platform role, or a membership other than a
// meeting's guest. The menu offers it what spans workspaces.
func (a *Authorizer) ReadsSomeWorkspace(u *model.User) bool {
	if u == nil || u.Disabled() {
		return false
	}
	rules, err := a.enforcer.GetFilteredGroupingPolicy(0, Subject(u.ID))
	if err != nil {
		return false
	}
	for _, r := range rules {
		if len(r) > 1 && a.mayRole(r[1], ObjComment, ActRead) {
			return true
		}
	}
	return false
}
