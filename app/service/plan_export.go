package service

import (
	"context"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// PlanActions is what the CSV export of a plan holds: the plan, its
// actions that are not deleted in plan order, with their owners, and the
// meetings (title and date only) they were agreed at, by id.
type PlanActions struct {
	Plan     *model.Plan
	Actions  []model.Action
	Meetings map[int64]*model.Meeting
}

// ExportPlanActions reads a plan's actions for the CSV export and writes
// the download to the audit log, as every export is. Whoever may read the
// plan may download it; actions hold no case material.
func (s *Service) ExportPlanActions(ctx context.Context, u *model.User, workspaceID, planID int64) (*PlanActions, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	p, err := store.Plan(ctx, s.DB, workspaceID, planID)
	if err != nil {
		return nil, notFoundErr(err)
	}
	actions, err := store.Actions(ctx, s.DB, workspaceID, planID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, a := range actions {
		if a.MeetingID != nil {
			ids = append(ids, *a.MeetingID)
		}
	}
	meetings, err := store.MeetingNames(ctx, s.DB, workspaceID, ids)
	if err != nil {
		return nil, err
	}
	if err := s.auditIn(ctx, s.DB, u, workspaceID, model.AuditPlanExport, model.AuditObjectPlan, planID, "csv"); err != nil {
		return nil, err
	}
	return &PlanActions{Plan: p, Actions: actions, Meetings: meetings}, nil
}
