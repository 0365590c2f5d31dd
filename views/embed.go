// Package views embeds Schakel's html/template files: layouts, full pages,
// and partials (every htmx swap target is a partial, included by its page).
package views

import "embed"

// FS holds every template.
//
//go:embed layouts pages partials
var FS embed.FS
