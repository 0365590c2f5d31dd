// Package authz decides who may do what where. Role permissions come from
// policies/policy.csv; who holds which role in which workspace comes from
// the memberships table, loaded into a Casbin enforcer with workspaces as
// domains. Platform roles (reviewer, administrator) hold in every domain.
package authz

import (
	"context"
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

	ActRead   = "read"
	ActManage = "manage"
	ActEdit   = "edit"
)

// Authorizer answers permission questions from the Casbin enforcer.
type Authorizer struct {
	enforcer *casbin.SyncedCachedEnforcer
	mu       sync.Mutex
	onReload []func()
}

// New builds the enforcer and loads every rule from db.
func New(db *bun.DB) (*Authorizer, error) {
	m, err := casbinmodel.NewModelFromString(policies.Model)
	if err != nil {
		return nil, fmt.Errorf("casbin model: %w", err)
	}
	// Decisions are cached: they are asked for on every request and before
	// every live push, and change only when the rules are reloaded.
	e, err := casbin.NewSyncedCachedEnforcer(m, &adapter{db: db})
	if err != nil {
		return nil, fmt.Errorf("casbin: %w", err)
	}
	e.EnableAutoSave(false)
	return &Authorizer{enforcer: e}, nil
}

// Reload reads the role rules again. Call it after any change to memberships
// or platform roles, so the change holds at once; then it tells whoever
// asked with OnReload.
func (a *Authorizer) Reload() error {
	if err := a.enforcer.LoadPolicy(); err != nil {
		return err
	}
	// LoadPolicy clears the cache before it loads; a decision cached in
	// between would be stale, so clear once more.
	if err := a.enforcer.InvalidateCache(); err != nil {
		return err
	}
	a.mu.Lock()
	hooks := append([]func(){}, a.onReload...)
	a.mu.Unlock()
	for _, f := range hooks {
		f()
	}
	return nil
}

// OnReload registers f to run after every Reload, such as ending live
// subscriptions whose membership ended.
func (a *Authorizer) OnReload(f func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.onReload = append(a.onReload, f)
}

// CanUser reports whether the account with this id may do act on obj in the
// workspace; disabled accounts hold no rules at all.
func (a *Authorizer) CanUser(userID, workspaceID int64, obj, act string) bool {
	ok, err := a.enforcer.Enforce(Subject(userID), Domain(workspaceID), obj, act)
	return err == nil && ok
}

// Subject is the Casbin subject of an account.
func Subject(userID int64) string { return "user:" + strconv.FormatInt(userID, 10) }

// Domain is the Casbin domain of a workspace.
func Domain(workspaceID int64) string { return "ws:" + strconv.FormatInt(workspaceID, 10) }

// Can reports whether the account may do act on obj in the workspace.
func (a *Authorizer) Can(u *model.User, workspaceID int64, obj, act string) bool {
	if u == nil || u.Disabled() {
		return false
	}
	ok, err := a.enforcer.Enforce(Subject(u.ID), Domain(workspaceID), obj, act)
	return err == nil && ok
}

// CanPlatform reports whether the account may do act on obj across the
// platform (only platform roles can).
func (a *Authorizer) CanPlatform(u *model.User, obj, act string) bool {
	if u == nil || u.Disabled() {
		return false
	}
	ok, err := a.enforcer.Enforce(Subject(u.ID), "*", obj, act)
	return err == nil && ok
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
	members, err := store.ActiveMemberships(ctx, a.db)
	if err != nil {
		return fmt.Errorf("load memberships: %w", err)
	}
	for _, mb := range members {
		if err := persist.LoadPolicyArray([]string{"g", Subject(mb.UserID), string(mb.Role), Domain(mb.WorkspaceID)}, m); err != nil {
			return err
		}
	}
	platform, err := store.PlatformUsers(ctx, a.db)
	if err != nil {
		return fmt.Errorf("load platform roles: %w", err)
	}
	for _, u := range platform {
		if err := persist.LoadPolicyArray([]string{"g", Subject(u.ID), string(u.PlatformRole), "*"}, m); err != nil {
			return err
		}
	}
	return nil
}

var errReadOnly = fmt.Errorf("authz: rules change through memberships, not the enforcer")

func (a *adapter) SavePolicy(casbinmodel.Model) error                        { return errReadOnly }
func (a *adapter) AddPolicy(string, string, []string) error                  { return errReadOnly }
func (a *adapter) RemovePolicy(string, string, []string) error               { return errReadOnly }
func (a *adapter) RemoveFilteredPolicy(string, string, int, ...string) error { return errReadOnly }
