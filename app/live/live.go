// Package live is what a committed change looks like to each class of
// viewers: it renders, for the realtime hub, the same components the pages
// render, from reads through the service; and it answers the hub's
// questions of access, names and rules. cmd/schakel wires it to the hub.
package live

import (
	"context"
	"log/slog"
	"time"

	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/views"
)

// Renderer renders the out-of-band fragments of live updates; it
// implements realtime.Renderer.
type Renderer struct {
	svc      *service.Service
	messages *i18n.Bundle
}

// NewRenderer returns a renderer that reads through svc and writes in the
// languages of messages.
func NewRenderer(svc *service.Service, messages *i18n.Bundle) Renderer {
	return Renderer{svc: svc, messages: messages}
}

// meetingParts reads what the live parts of a meeting page show, once for
// every class of viewers.
func (r Renderer) meetingParts(ctx context.Context, m *model.Meeting) (*views.MeetingParts, error) {
	v, err := r.svc.ReadMeetingView(ctx, m)
	if err != nil {
		return nil, err
	}
	d := &views.MeetingParts{MeetingView: v}
	if d.ItemComments, err = r.itemComments(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// Access answers the hub's question before every push: may this user still
// read the workspace's plans (or meetings), and what may they change?
func Access(az *authz.Authorizer, svc *service.Service) realtime.Access {
	return func(userID, workspaceID int64, topic string) (realtime.Class, bool) {
		read, edit, manage := authz.ObjPlan, authz.ObjAction, authz.ObjPlan
		meetingID, isMeeting := meetingIDOf(topic)
		if isMeeting {
			read, edit, manage = authz.ObjMeeting, authz.ObjAgenda, authz.ObjMeeting
		}
		if !az.CanUser(userID, workspaceID, read, authz.ActRead) {
			return realtime.Class{}, false
		}
		// A guest follows only the meetings they attend: taken off the
		// attendees, they hear no more of it.
		if isMeeting && !az.CanUser(userID, workspaceID, authz.ObjWorkspace, authz.ActRead) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if attends, err := svc.GuestAttends(ctx, userID, meetingID); err != nil || !attends {
				return realtime.Class{}, false
			}
		}
		return realtime.Class{
			Edit:   az.CanUser(userID, workspaceID, edit, authz.ActEdit),
			Manage: az.CanUser(userID, workspaceID, manage, authz.ActManage),
			Rights: commentRights(az, userID, workspaceID) | planRight(az, userID, workspaceID),
		}, true
	}
}

// planRight is the bit of realtime.Class.Rights that lets a viewer open
// the plan and its actions.
func planRight(az *authz.Authorizer, userID, workspaceID int64) uint8 {
	if az.CanUser(userID, workspaceID, authz.ObjPlan, authz.ActRead) {
		return rightReadPlan
	}
	return 0
}

// Viewer names a user who follows a topic on another instance.
func Viewer(svc *service.Service) func(ctx context.Context, userID int64) (realtime.Viewer, bool) {
	return func(ctx context.Context, userID int64) (realtime.Viewer, bool) {
		u, err := svc.Account(ctx, userID)
		if err != nil {
			return realtime.Viewer{}, false
		}
		v := realtime.Viewer{UserID: u.ID, Name: u.Name}
		if u.Organisation != nil {
			v.Organisation = u.Organisation.Name
		}
		return v, true
	}
}

// Rules brings an account's access rules in line after a change on any
// instance (all accounts' when the event names none); a change ends live
// subscriptions that lost access.
func Rules(az *authz.Authorizer, log *slog.Logger) func(userID int64) {
	return func(userID int64) {
		var err error
		if userID == 0 {
			err = az.Reload()
		} else {
			_, err = az.SyncUser(context.Background(), userID)
		}
		if err != nil {
			log.Error("reload access rules", "user", userID, "err", err)
		}
	}
}
