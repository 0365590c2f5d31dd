package service

import (
	"strings"
	"unicode/utf8"

	"schakel/app/apperr"
	"schakel/app/password"
)

// checkNewPassword records what is wrong with a password that is about to
// be set, after NIST SP 800-63B: at least MinPassword characters, not on
// the shipped list of common and breached passwords, not the account's
// e-mail address or name, and no rule about which kinds of characters it
// holds. Every place that sets a password asks it (an account created, a
// password changed or reset, an invitation accepted), with the e-mail
// address and name of the account it is for.
func checkNewPassword(v *apperr.Validation, field, pw, email, name string) {
	switch n := utf8.RuneCountInString(pw); {
	case n == 0:
		v.Add(field, "validation.required")
	case n < MinPassword:
		v.Add(field, "validation.password_short")
	case n > MaxPassword:
		v.Add(field, "validation.too_long")
	case personal(pw, email, name):
		v.Add(field, "validation.password_personal")
	case password.Common(pw):
		v.Add(field, "validation.password_common")
	}
}

// personal reports whether pw is the e-mail address, the part of it before
// the @, or the name (without regard to case, spaces at the ends, or the
// spaces within a name).
func personal(pw, email, name string) bool {
	p := strings.ToLower(strings.TrimSpace(pw))
	email = NormaliseEmail(email)
	local, _, _ := strings.Cut(email, "@")
	squash := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	for _, s := range []string{email, local} {
		if s != "" && p == s {
			return true
		}
	}
	return name != "" && (p == strings.ToLower(strings.TrimSpace(name)) || squash(pw) == squash(name))
}
