package model

import (
	"time"

	"github.com/uptrace/bun"
)

// Role is what a member may do in one workspace.
type Role string

// Workspace roles, from most to least rights.
const (
	RoleCoordinator Role = "coordinator"
	RoleEditor      Role = "editor"
	RoleContributor Role = "contributor"
	RoleViewer      Role = "viewer"
)

// RoleGuest is the role of someone invited to a meeting, not to the
// workspace: they read the meetings they attend and nothing else of it.
// No form offers it; accepting a meeting's invitation gives it.
const RoleGuest Role = "guest"

// Roles lists the workspace roles in the order forms offer them.
var Roles = []Role{RoleCoordinator, RoleEditor, RoleContributor, RoleViewer}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// Membership gives one account one role in one workspace.
type Membership struct {
	bun.BaseModel `bun:"table:memberships"`

	ID          int64      `bun:"id,pk,autoincrement"`
	WorkspaceID int64      `bun:"workspace_id,notnull"`
	Workspace   *Workspace `bun:"rel:belongs-to,join:workspace_id=id"`
	UserID      int64      `bun:"user_id,notnull"`
	User        *User      `bun:"rel:belongs-to,join:user_id=id"`
	Role        Role       `bun:"role,notnull"`
	CreatedAt   time.Time  `bun:"created_at,notnull"`
}
