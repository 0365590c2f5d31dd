package model

import (
	"time"

	"github.com/uptrace/bun"
)

// WorkspaceKind says whether a workspace serves one municipality or a
// regional network of municipalities that plans together.
type WorkspaceKind string

// Workspace kinds.
const (
	WorkspaceMunicipality WorkspaceKind = "gemeente"
	WorkspaceNetwork      WorkspaceKind = "netwerk"
)

// WorkspaceKinds lists the kinds in the order forms offer them.
var WorkspaceKinds = []WorkspaceKind{WorkspaceMunicipality, WorkspaceNetwork}

// Valid reports whether k is one of WorkspaceKinds.
func (k WorkspaceKind) Valid() bool {
	return k == WorkspaceMunicipality || k == WorkspaceNetwork
}

// Workspace is the shared room of one municipality or regional network: its
// plans, meetings and members. It is the Casbin domain.
type Workspace struct {
	bun.BaseModel `bun:"table:workspaces"`

	ID          int64         `bun:"id,pk,autoincrement"`
	Name        string        `bun:"name,notnull,unique"`
	Kind        WorkspaceKind `bun:"kind,notnull"`
	Description string        `bun:"description,notnull"`
	CreatedAt   time.Time     `bun:"created_at,notnull"`

	// RegionID is the region the workspace lies in, if known: its
	// organisation pickers show that region's organisations first.
	RegionID *int64  `bun:"region_id"`
	Region   *Region `bun:"rel:belongs-to,join:region_id=id"`
}
