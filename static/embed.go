// Package static embeds the files Schakel serves under /static: its own CSS
// and JavaScript, and the front-end packages copied into vendor/ from npm by
// the Makefile's assets target.
package static

import "embed"

// FS holds every static file.
//
//go:embed css js all:vendor
var FS embed.FS

// Vendored lists the files that must have been copied from npm; a test
// fails when one is missing, so that no build serves a page without them.
var Vendored = []string{
	"vendor/htmx.min.js",
	"vendor/htmx-ext-ws.js",
	"vendor/utrecht.css",
	"vendor/voorbeeld-theme.css",
	"vendor/sortable.min.js",
}
