// Package model holds Schakel's bun structs and enums, one file per entity.
package model
