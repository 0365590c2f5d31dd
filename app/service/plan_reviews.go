package service

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// PlanReviewInput is a reviewer's review of a plan as typed.
type PlanReviewInput struct {
	ReviewedOn string
	Summary    string
}

// AddPlanReview records that a reviewer reviewed the plan on a day, with
// a summary.
func (s *Service) AddPlanReview(ctx context.Context, u *model.User, workspaceID, planID int64, in PlanReviewInput) (*model.PlanReview, error) {
	if err := s.require(u, workspaceID, authz.ObjAdvice, authz.ActWrite); err != nil {
		return nil, err
	}
	var v apperr.Validation
	r := &model.PlanReview{
		WorkspaceID: workspaceID, PlanID: planID, ReviewerID: u.ID, Reviewer: u,
		ReviewedOn: date(&v, "reviewed_on", in.ReviewedOn),
		Summary:    text(&v, "summary", in.Summary, true, MaxComment),
		CreatedAt:  time.Now().UTC(),
	}
	if r.ReviewedOn == "" {
		v.Add("reviewed_on", "validation.required")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := store.Plan(ctx, tx, workspaceID, planID); err != nil {
			return notFoundErr(err)
		}
		g := s.guard(ctx, tx, workspaceID, 0)
		g.check(ctx, "summary", r.Summary, "", false)
		if err := g.result(&v); err != nil {
			return err
		}
		if err := store.CreatePlanReview(ctx, tx, r); err != nil {
			return err
		}
		return g.audit(ctx, tx, u, model.AuditObjectReview, r.ID)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// PlanReviews lists a plan's reviews, newest first.
func (s *Service) PlanReviews(ctx context.Context, u *model.User, workspaceID, planID int64) ([]model.PlanReview, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	return store.PlanReviews(ctx, s.DB, workspaceID, planID)
}
