package service

import (
	"context"
	"errors"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// IsGuest reports whether u is in the workspace as a guest only: someone
// who reads the meetings they attend and nothing else of the workspace.
func (s *Service) IsGuest(u *model.User, workspaceID int64) bool {
	return !s.Authz.Can(u, workspaceID, authz.ObjWorkspace, authz.ActRead) &&
		s.Authz.Can(u, workspaceID, authz.ObjMeeting, authz.ActRead)
}

// requireMeeting checks that u may read one meeting: whoever may read the
// workspace's meetings reads each of them, a guest only those they
// attend. To anyone else the meeting is not found.
func (s *Service) requireMeeting(ctx context.Context, db bun.IDB, u *model.User, workspaceID, meetingID int64) error {
	if !s.IsGuest(u, workspaceID) {
		return s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead)
	}
	_, err := store.AttendeeOf(ctx, db, meetingID, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound()
	}
	return err
}

// GuestAttends reports whether the account attends the meeting, which is
// what lets a guest follow it.
func (s *Service) GuestAttends(ctx context.Context, userID, meetingID int64) (bool, error) {
	_, err := store.AttendeeOf(ctx, s.DB, meetingID, userID)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// MeetingWorkspace loads the workspace of a meeting u may read, for naming
// it on the meeting's page: a guest of the meeting may know its name.
func (s *Service) MeetingWorkspace(ctx context.Context, u *model.User, workspaceID, meetingID int64) (*model.Workspace, error) {
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, meetingID); err != nil {
		return nil, err
	}
	w, err := store.Workspace(ctx, s.DB, workspaceID)
	return w, notFoundErr(err)
}

// GuestMeeting is a meeting someone attends as a guest, with the name of
// its workspace.
type GuestMeeting = store.GuestMeeting

// GuestMeetings lists the meetings u attends as a guest, in the workspaces
// where u is a guest only, soonest first.
func (s *Service) GuestMeetings(ctx context.Context, u *model.User) ([]GuestMeeting, error) {
	list, err := store.GuestMeetingsOf(ctx, s.DB, u.ID)
	if err != nil {
		return nil, err
	}
	// The memberships say guest; the rules, which a change on another
	// instance may not have reached yet, must say so too.
	out := list[:0]
	for _, m := range list {
		if s.IsGuest(u, m.WorkspaceID) {
			out = append(out, m)
		}
	}
	return out, nil
}
