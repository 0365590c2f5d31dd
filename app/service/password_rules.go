package service

import (
	"unicode/utf8"

	"schakel/app/apperr"
)

// newPassword records a field error for a password that is empty, shorter
// than MinPassword or longer than MaxPassword characters: the rule for
// every password someone chooses.
func newPassword(v *apperr.Validation, field, pw string) {
	switch n := utf8.RuneCountInString(pw); {
	case n == 0:
		v.Add(field, "validation.required")
	case n < MinPassword:
		v.Add(field, "validation.password_short")
	case n > MaxPassword:
		v.Add(field, "validation.too_long")
	}
}
