package service

import (
	"context"

	"schakel/app/model"
	"schakel/app/store"
)

// The reads of live pushes. They check no access: a push is rendered once
// for every class of viewers, and the hub asks of each viewer, before every
// push, whether they may still see the topic and with which rights. Each
// object is read within its workspace, so an event can never draw another
// workspace's object.

// LivePlan reads a plan.
func (s *Service) LivePlan(ctx context.Context, workspaceID, planID int64) (*model.Plan, error) {
	return store.Plan(ctx, s.DB, workspaceID, planID)
}

// LiveActions reads a plan's actions in order, with their owners.
func (s *Service) LiveActions(ctx context.Context, workspaceID, planID int64) ([]model.Action, error) {
	return store.Actions(ctx, s.DB, workspaceID, planID)
}

// LiveAction reads one action, deleted or not, with its owners.
func (s *Service) LiveAction(ctx context.Context, workspaceID, id int64) (*model.Action, error) {
	return store.Action(ctx, s.DB, workspaceID, id)
}

// ActionVersions lists the id, version and deletion of every action of a
// plan, deleted ones too, for a page that catches up.
func (s *Service) ActionVersions(ctx context.Context, workspaceID, planID int64) ([]model.Action, error) {
	return store.ActionVersions(ctx, s.DB, workspaceID, planID)
}

// LiveMeeting reads a meeting.
func (s *Service) LiveMeeting(ctx context.Context, workspaceID, id int64) (*model.Meeting, error) {
	return store.Meeting(ctx, s.DB, workspaceID, id)
}

// LiveItem reads one agenda item, deleted or not.
func (s *Service) LiveItem(ctx context.Context, workspaceID, id int64) (*model.AgendaItem, error) {
	return store.Item(ctx, s.DB, workspaceID, id)
}

// ItemVersions lists the id, version and deletion of every item of a
// meeting's agenda, for a page that catches up.
func (s *Service) ItemVersions(ctx context.Context, workspaceID, meetingID int64) ([]model.AgendaItem, error) {
	return store.ItemVersions(ctx, s.DB, workspaceID, meetingID)
}

// ChangedFieldsSince names the fields of an object changed after version.
func (s *Service) ChangedFieldsSince(ctx context.Context, workspaceID int64, entity model.Entity, id int64, version int) ([]string, error) {
	return store.ChangedFieldsSince(ctx, s.DB, workspaceID, entity, id, version)
}

// ChangeAuthor is who made the change that brought an object to version,
// for the news of it; an error when the history does not say.
func (s *Service) ChangeAuthor(ctx context.Context, workspaceID int64, entity model.Entity, id int64, version int) (*model.User, error) {
	return store.ChangeAuthor(ctx, s.DB, workspaceID, entity, id, version)
}
