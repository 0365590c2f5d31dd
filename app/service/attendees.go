package service

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// Attendees lists a meeting's attendees.
func (s *Service) Attendees(ctx context.Context, u *model.User, workspaceID, meetingID int64) ([]model.Attendee, error) {
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, meetingID); err != nil {
		return nil, err
	}
	return store.Attendees(ctx, s.DB, workspaceID, meetingID)
}

// GuestInput names a guest: a person without an account.
type GuestInput struct {
	Name         string
	Organisation string
}

// InviteMember adds a member of the workspace to a meeting's attendees.
func (s *Service) InviteMember(ctx context.Context, u *model.User, workspaceID, meetingID int64, userID string) (*model.Attendee, error) {
	return s.invite(ctx, u, workspaceID, meetingID, func(ctx context.Context, tx bun.Tx, a *model.Attendee) error {
		var v apperr.Validation
		id, err := optionalID(userID)
		if err == nil && id == nil {
			v.Add("user", "validation.required")
			return v.Err()
		}
		if err == nil {
			_, err = store.MembershipOf(ctx, tx, workspaceID, *id)
		}
		if err != nil {
			v.Add("user", "meetings.error.not_member")
			return v.Err()
		}
		// A platform account's membership gives nothing; as an attendee it
		// would be shown case material it may never read.
		if invitee, err := store.User(ctx, tx, *id); err != nil || invitee.PlatformRole != model.PlatformNone {
			v.Add("user", "meetings.error.platform_account")
			return v.Err()
		}
		if _, err := store.AttendeeOf(ctx, tx, meetingID, *id); err == nil {
			v.Add("user", "meetings.error.invited")
			return v.Err()
		}
		a.UserID = id
		return nil
	})
}

// InviteGuest adds a guest, who has no account, to a meeting's attendees.
func (s *Service) InviteGuest(ctx context.Context, u *model.User, workspaceID, meetingID int64, in GuestInput) (*model.Attendee, error) {
	var g *guard
	return s.invite(ctx, u, workspaceID, meetingID, func(ctx context.Context, tx bun.Tx, a *model.Attendee) error {
		var v apperr.Validation
		g = s.guard(ctx, tx, workspaceID, meetingID)
		a.GuestName = text(&v, "guest_name", in.Name, true, MaxName)
		g.checkGuestName(ctx, "guest_name", a.GuestName)
		a.GuestOrganisation = g.text(ctx, &v, "guest_organisation", in.Organisation, false, MaxName)
		return g.result(&v)
	}, func(ctx context.Context, tx bun.Tx, a *model.Attendee) error {
		return g.audit(ctx, tx, u, model.AuditObjectAttendee, a.ID)
	})
}

func (s *Service) invite(ctx context.Context, u *model.User, workspaceID, meetingID int64, fill func(context.Context, bun.Tx, *model.Attendee) error, after ...func(context.Context, bun.Tx, *model.Attendee) error) (*model.Attendee, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActManage); err != nil {
		return nil, err
	}
	a := &model.Attendee{WorkspaceID: workspaceID, MeetingID: meetingID, CreatedAt: time.Now().UTC()}
	var m *model.Meeting
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if m, err = store.MeetingForUpdate(ctx, tx, workspaceID, meetingID); err != nil {
			return err
		}
		if err := fill(ctx, tx, a); err != nil {
			return err
		}
		if err := store.CreateAttendee(ctx, tx, a); err != nil {
			return err
		}
		for _, f := range after {
			if err := f(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publish(ctx, attendeesEvent(m))
	return a, nil
}

func attendeesEvent(m *model.Meeting) realtime.Event {
	return realtime.Event{Topic: realtime.MeetingTopic(m.ID), WorkspaceID: m.WorkspaceID, Entity: "attendees",
		ID: m.ID, Kind: realtime.Changed}
}

// RemoveAttendee takes someone off a meeting's list.
func (s *Service) RemoveAttendee(ctx context.Context, u *model.User, workspaceID, attendeeID int64) error {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActManage); err != nil {
		return err
	}
	a, err := store.Attendee(ctx, s.DB, workspaceID, attendeeID)
	if err != nil {
		return notFoundErr(err)
	}
	m, err := store.Meeting(ctx, s.DB, workspaceID, a.MeetingID)
	if err != nil {
		return notFoundErr(err)
	}
	if err := store.DeleteAttendee(ctx, s.DB, workspaceID, attendeeID); err != nil {
		return notFoundErr(err)
	}
	s.publish(ctx, attendeesEvent(m))
	return nil
}

// SetRSVP records an attendee's answer: the member themselves, or whoever
// manages the meeting (for guests and on someone's behalf).
func (s *Service) SetRSVP(ctx context.Context, u *model.User, workspaceID, attendeeID int64, rsvp model.RSVP) (*model.Attendee, error) {
	return s.setAttendee(ctx, u, workspaceID, attendeeID, true, func(a *model.Attendee) bool {
		if rsvp != model.RSVPNone && rsvp != model.RSVPComing && rsvp != model.RSVPDeclined {
			return false
		}
		a.RSVP = rsvp
		return true
	})
}

// SetPresence records whether an attendee is at the meeting.
func (s *Service) SetPresence(ctx context.Context, u *model.User, workspaceID, attendeeID int64, p model.Presence) (*model.Attendee, error) {
	return s.setAttendee(ctx, u, workspaceID, attendeeID, false, func(a *model.Attendee) bool {
		if p != model.PresenceUnknown && p != model.PresenceHere && p != model.PresenceAbsent {
			return false
		}
		a.Presence = p
		return true
	})
}

func (s *Service) setAttendee(ctx context.Context, u *model.User, workspaceID, attendeeID int64, selfMay bool, set func(*model.Attendee) bool) (*model.Attendee, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil && !s.IsGuest(u, workspaceID) {
		return nil, err
	}
	a, err := store.Attendee(ctx, s.DB, workspaceID, attendeeID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	if err := s.requireMeeting(ctx, s.DB, u, workspaceID, a.MeetingID); err != nil {
		return nil, err
	}
	self := selfMay && a.UserID != nil && *a.UserID == u.ID
	if !self && !s.CanManageMeetings(u, workspaceID) {
		return nil, apperr.Forbidden()
	}
	m, err := store.Meeting(ctx, s.DB, workspaceID, a.MeetingID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	if !set(a) {
		var v apperr.Validation
		v.Add("value", "validation.choice")
		return nil, v.Err()
	}
	if err := store.SetAttendee(ctx, s.DB, a); err != nil {
		return nil, notFoundErr(err)
	}
	s.publish(ctx, attendeesEvent(m))
	return a, nil
}
