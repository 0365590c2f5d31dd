package service

import (
	"context"
	"errors"
	"time"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// CalendarFeedDays is how many days back a calendar feed reaches: recent
// meetings stay in the calendar, older ones drop out.
const CalendarFeedDays = 30

// CalendarAddress returns the user's calendar feed token record, or nil
// when they have none. The token itself is not kept, only its hash.
func (s *Service) CalendarAddress(ctx context.Context, u *model.User) (*model.CalendarToken, error) {
	t, err := store.CalendarTokenOf(ctx, s.DB, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return t, err
}

// SetCalendarAddress stores the hash of the user's new feed token; the
// address it replaces stops working at once.
func (s *Service) SetCalendarAddress(ctx context.Context, u *model.User, tokenHash string) error {
	if u == nil || u.Disabled() {
		return apperr.Forbidden()
	}
	return store.SetCalendarToken(ctx, s.DB, &model.CalendarToken{
		UserID: u.ID, TokenHash: tokenHash, CreatedAt: time.Now().UTC(),
	})
}

// RevokeCalendarAddress ends the user's feed address, if they have one.
func (s *Service) RevokeCalendarAddress(ctx context.Context, u *model.User) error {
	return store.RevokeCalendarToken(ctx, s.DB, u.ID)
}

// CalendarFeed returns the owner of the feed token with this hash and the
// meetings their feed shows: those they attend from CalendarFeedDays before
// now on, in workspaces whose meetings they may still read. An unknown or
// revoked token, or a disabled account, is not found.
func (s *Service) CalendarFeed(ctx context.Context, tokenHash string, now time.Time) (*model.User, []MeetingRecord, error) {
	t, err := store.CalendarTokenByHash(ctx, s.DB, tokenHash)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	u, err := store.User(ctx, s.DB, t.UserID)
	if err != nil {
		return nil, nil, notFoundErr(err)
	}
	if u.Disabled() {
		return nil, nil, apperr.NotFound()
	}
	from := now.In(amsterdam()).AddDate(0, 0, -CalendarFeedDays).Format(time.DateOnly)
	meetings, err := store.MeetingsOf(ctx, s.DB, u.ID, from)
	if err != nil {
		return nil, nil, err
	}
	workspaces := map[int64]*model.Workspace{}
	var list []MeetingRecord
	for i := range meetings {
		m := &meetings[i]
		// Being on a meeting's list is not enough: a membership that ended
		// takes the workspace's meetings out of the feed.
		if !s.Authz.CanUser(u.ID, m.WorkspaceID, authz.ObjMeeting, authz.ActRead) {
			continue
		}
		r, _, err := agendaRecord(ctx, s.DB, m)
		if err != nil {
			return nil, nil, err
		}
		w, ok := workspaces[m.WorkspaceID]
		if !ok {
			if w, err = store.Workspace(ctx, s.DB, m.WorkspaceID); err != nil {
				return nil, nil, err
			}
			workspaces[m.WorkspaceID] = w
		}
		r.Workspace = w
		list = append(list, *r)
	}
	return u, list, nil
}
