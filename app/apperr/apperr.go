// Package apperr is Schakel's one application error: an HTTP status and a
// message that is safe to show, named by its message id so that it reaches
// each user in their own language.
package apperr

import (
	"errors"
	"fmt"
	"net/http"
)

// Error is an error the user may be told about.
type Error struct {
	// Status is the HTTP status code.
	Status int
	// MessageID names the message shown to the user (see app/i18n/locales).
	MessageID string
	// Fields maps form fields to message ids, for validation errors.
	Fields map[string]string
	// Err is the cause, for the log only.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%d %s: %v", e.Status, e.MessageID, e.Err)
	}
	return fmt.Sprintf("%d %s", e.Status, e.MessageID)
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error with the status and message id.
func New(status int, messageID string) *Error {
	return &Error{Status: status, MessageID: messageID}
}

// Wrap returns an error with the status and message id that keeps err as its cause.
func Wrap(status int, messageID string, err error) *Error {
	return &Error{Status: status, MessageID: messageID, Err: err}
}

// NotFound is the answer for anything absent or out of the caller's reach.
func NotFound() *Error { return New(http.StatusNotFound, "error.not_found") }

// Forbidden is the answer for a visible object the caller may not change.
func Forbidden() *Error { return New(http.StatusForbidden, "error.forbidden") }

// Validation collects field errors; it is an error only once a field is added.
type Validation struct{ fields map[string]string }

// Add records the message id for a field; the first message per field wins.
func (v *Validation) Add(field, messageID string) {
	if v.fields == nil {
		v.fields = map[string]string{}
	}
	if _, ok := v.fields[field]; !ok {
		v.fields[field] = messageID
	}
}

// Err returns a 422 error with the collected fields, or nil when there are none.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Status: http.StatusUnprocessableEntity, MessageID: "error.validation", Fields: v.fields}
}

// As returns the application error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
