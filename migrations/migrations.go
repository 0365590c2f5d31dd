// Package migrations holds Schakel's schema changes as timestamped Go
// migrations. Each migration works on frozen copies of the structs it needs,
// so that later changes to app/model never change an old migration.
// A migration on main is never edited; a change is a new migration.
package migrations

import "github.com/uptrace/bun/migrate"

// Migrations is the ordered set every database is brought up to.
var Migrations = migrate.NewMigrations()
