// Package views holds Schakel's templ components: the layout, every page,
// every partial (each htmx swap target and out-of-band fragment is one),
// e-mails and exports. Each component takes a typed parameter; what every
// component of a request shares (the translator, the CSRF token, the
// signed-in user) travels in the context.
package views

import (
	"context"
	"strconv"

	"schakel/app/i18n"
	"schakel/app/model"
)

// Env is what a request shares with every component it renders. Live
// fragments are rendered outside any request and get an empty Env.
type Env struct {
	// CSRF is the token forms send back; empty in live fragments, whose
	// forms take it from the page's hx-headers.
	CSRF string
	// Path is the requested path, for marking the current menu item.
	Path string
	// User is the signed-in account, or nil.
	User *model.User
	// IsAdmin says whether the user may manage the platform.
	IsAdmin bool
	// Signals leads to the signals for national policy: for reviewers
	// and members of a workspace, not for guests alone.
	Signals bool
	// Notice is the message id of a notice to show once, or "".
	Notice string
}

type envKey struct{}

// WithEnv returns a context carrying the request's Env.
func WithEnv(ctx context.Context, e Env) context.Context {
	return context.WithValue(ctx, envKey{}, e)
}

// EnvFrom returns the Env the context carries, or an empty one.
func EnvFrom(ctx context.Context) Env {
	e, _ := ctx.Value(envKey{}).(Env)
	return e
}

// T returns message id in the language of the context's translator, with
// optional key, value pairs for the message's template.
func T(ctx context.Context, id string, args ...any) string {
	return i18n.FromContext(ctx).Get(id, args...)
}

// Enum returns the name of an enum value: Enum(ctx, "role", "editor").
func Enum(ctx context.Context, prefix string, value any) string {
	return i18n.FromContext(ctx).Enum(prefix, value)
}

// Has reports whether message id exists.
func Has(ctx context.Context, id string) bool {
	return i18n.FromContext(ctx).Has(id)
}

// lang is the language code of the context's translator.
func lang(ctx context.Context) string {
	return i18n.FromContext(ctx).Lang
}

// csrf is the request's CSRF token, or "" in a live fragment.
func csrf(ctx context.Context) string {
	return EnvFrom(ctx).CSRF
}

// userID is the signed-in user's id, or 0.
func userID(ctx context.Context) int64 {
	if u := EnvFrom(ctx).User; u != nil {
		return u.ID
	}
	return 0
}

// id writes an id for an attribute or a path.
func id(n int64) string { return strconv.FormatInt(n, 10) }

// idPtr writes an optional id, or "" when there is none.
func idPtr(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
