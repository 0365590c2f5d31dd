package views

import (
	"context"

	"schakel/app/model"
)

// PersonName is how a person's name shows wherever Schakel names an author
// or owner: an account its owner deleted has no name any more, and shows
// as "deleted user", in the reader's language.
func PersonName(ctx context.Context, name string) string {
	if name == "" {
		return T(ctx, "account.deleted_user")
	}
	return name
}

// attendeeName is the name of a meeting's attendee: a member's (perhaps a
// deleted account's) or a guest's.
func attendeeName(ctx context.Context, a *model.Attendee) string {
	if a.User != nil {
		return PersonName(ctx, a.User.Name)
	}
	return a.GuestName
}
