// Package mails holds the templ components of Schakel's e-mails, each as
// HTML and as plain text, in the language of the context's translator.
// It imports no business rules, so that the service, which writes a
// message in the transaction of the change that causes it, can render them.
package mails

import (
	"context"
	"io"

	"github.com/a-h/templ"

	"schakel/app/i18n"
)

// T returns message id in the language of the context's translator.
func T(ctx context.Context, id string, args ...any) string {
	return i18n.FromContext(ctx).Get(id, args...)
}

// plainText is a component that writes text as it is: the plain-text part
// of an e-mail is no HTML, and nothing in it is escaped.
func plainText(f func(ctx context.Context) string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		_, err := io.WriteString(w, f(ctx))
		return err
	})
}

// PasswordResetText is the reset e-mail as plain text.
func PasswordResetText(d PasswordReset) templ.Component {
	return plainText(func(ctx context.Context) string {
		return T(ctx, "mail.password_reset.greeting", "Name", d.Name) + "\n\n" +
			T(ctx, "mail.password_reset.intro") + "\n\n" +
			d.Link + "\n\n" +
			T(ctx, "mail.password_reset.validity", "Minutes", d.Minutes) + "\n\n" +
			T(ctx, "mail.password_reset.not_you") + "\n\n" +
			T(ctx, "mail.password_reset.signature") + "\n"
	})
}
