// Package policies embeds Schakel's Casbin model and role permissions.
package policies

import _ "embed"

// Model is the Casbin model: RBAC with workspaces as domains.
//
//go:embed model.conf
var Model string

// Policy holds the role permissions (p rules) in Casbin's CSV form.
//
//go:embed policy.csv
var Policy string
