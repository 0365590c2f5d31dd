package service

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// MaxLongText is the longest description, in characters.
const MaxLongText = 20000

// ActionFields are the action fields that can be edited one at a time.
// Only the description is long text, merged three-way; the others are short
// and a stale write of one is a conflict.
var ActionFields = []string{"title", "description", "theme", "owner_organisation", "owner", "due_date", "status", "progress", "rights"}

// IsActionField reports whether field is one of ActionFields.
func IsActionField(field string) bool {
	for _, f := range ActionFields {
		if f == field {
			return true
		}
	}
	return false
}

// ActionField returns the stored form of one field of a.
func ActionField(a *model.Action, field string) string {
	switch field {
	case "title":
		return a.Title
	case "description":
		return a.Description
	case "theme":
		return string(a.Theme)
	case "owner_organisation":
		return idString(a.OwnerOrganisationID)
	case "owner":
		return idString(a.OwnerUserID)
	case "due_date":
		return a.DueDate
	case "status":
		return string(a.Status)
	case "progress":
		return strconv.Itoa(a.Progress)
	case "rights":
		return a.Rights
	case "position":
		return strconv.FormatFloat(a.Position, 'g', -1, 64)
	}
	return ""
}

func idString(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

var columnOf = map[string]string{
	"title": "title", "description": "description", "theme": "theme",
	"owner_organisation": "owner_organisation_id", "owner": "owner_user_id",
	"due_date": "due_date", "status": "status", "progress": "progress", "rights": "rights",
}

// ActionInput is what someone fills in for a new action; the rest is
// edited afterwards, field by field.
type ActionInput struct {
	Title string
	Theme model.Theme
}

// CreateAction adds an action at the end of the plan.
func (s *Service) CreateAction(ctx context.Context, u *model.User, workspaceID, planID int64, in ActionInput) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var a *model.Action
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := store.PlanForUpdate(ctx, tx, workspaceID, planID)
		if err != nil {
			return err
		}
		var v apperr.Validation
		title := text(&v, "title", in.Title, true, MaxTitle)
		if !p.Framework.Has(in.Theme) {
			v.Add("theme", "validation.choice")
		}
		if err := v.Err(); err != nil {
			return err
		}
		last, err := store.LastPosition(ctx, tx, planID)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		a = &model.Action{
			WorkspaceID: workspaceID, PlanID: planID, Title: title, Theme: in.Theme,
			Status: model.ActionPlanned, Position: last + 1, Version: 1,
			CreatedBy: u.ID, CreatedAt: now, UpdatedAt: now,
		}
		if err := store.CreateAction(ctx, tx, a); err != nil {
			return err
		}
		return store.AddChanges(ctx, tx, []model.Change{{
			WorkspaceID: workspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: 1,
			UserID: u.ID, Field: model.FieldCreated, NewValue: a.Title, CreatedAt: now,
		}})
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	s.publishAction(ctx, a, realtime.Created)
	return a, nil
}

func actionEvent(a *model.Action, kind string, fields ...string) realtime.Event {
	return realtime.Event{Topic: realtime.PlanTopic(a.PlanID), WorkspaceID: a.WorkspaceID, Entity: "action",
		ID: a.ID, Version: a.Version, Kind: kind, Fields: fields}
}

// Action loads one action the user may read, deleted or not.
func (s *Service) Action(ctx context.Context, u *model.User, workspaceID, actionID int64) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjPlan, authz.ActRead); err != nil {
		return nil, err
	}
	a, err := store.Action(ctx, s.DB, workspaceID, actionID)
	return a, notFoundErr(err)
}

// UpdateActionField changes one field of an action. baseVersion is the
// version the writer started from. If someone changed the same field since,
// a short field is refused with a *Conflict; the description is merged
// three-way, and refused with a *Conflict only when the edits overlap.
func (s *Service) UpdateActionField(ctx context.Context, u *model.User, workspaceID, actionID int64, field, value string, baseVersion int) (*model.Action, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	if !IsActionField(field) {
		return nil, apperr.NotFound()
	}
	var a *model.Action
	var changed []string
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if a, err = store.ActionForUpdate(ctx, tx, workspaceID, actionID); err != nil {
			return err
		}
		if a.DeletedAt != nil {
			return apperr.New(http.StatusGone, "actions.error.deleted")
		}
		if baseVersion < 1 || baseVersion > a.Version {
			return apperr.New(http.StatusUnprocessableEntity, "error.version")
		}
		current := ActionField(a, field)
		if field == "description" {
			value = strings.ReplaceAll(value, "\r\n", "\n")
		}
		if value, err = staleWrite(ctx, tx, workspaceID, model.EntityAction, a.ID, field, baseVersion, a.Version, current, value, field == "description"); err != nil {
			return err
		}
		plan, err := store.Plan(ctx, tx, workspaceID, a.PlanID)
		if err != nil {
			return err
		}
		prev := *a
		changed, err = s.setActionField(ctx, tx, a, plan, field, value)
		if err != nil || len(changed) == 0 {
			return err
		}
		return s.saveAction(ctx, tx, u, &prev, a, changed)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if len(changed) > 0 {
		s.publishAction(ctx, a, realtime.Changed, changed...)
	}
	return a, nil
}

// setActionField validates value and sets it on a. It returns the fields
// that changed: a status change also sets the status' default progress.
func (s *Service) setActionField(ctx context.Context, db bun.IDB, a *model.Action, plan *model.Plan, field, value string) ([]string, error) {
	var v apperr.Validation
	before := ActionField(a, field)
	var extra []string
	switch field {
	case "title":
		a.Title = text(&v, "value", value, true, MaxTitle)
	case "description":
		a.Description = text(&v, "value", value, false, MaxLongText)
	case "theme":
		if !plan.Framework.Has(model.Theme(value)) {
			v.Add("value", "validation.choice")
		} else {
			a.Theme = model.Theme(value)
		}
	case "owner_organisation":
		id, err := optionalID(value)
		if err != nil {
			v.Add("value", "validation.choice")
			break
		}
		if id != nil {
			if _, err := store.Organisation(ctx, db, *id); errors.Is(err, store.ErrNotFound) {
				v.Add("value", "validation.choice")
				break
			} else if err != nil {
				return nil, err
			}
		}
		a.OwnerOrganisationID = id
	case "owner":
		id, err := optionalID(value)
		if err != nil {
			v.Add("value", "validation.choice")
			break
		}
		if id != nil {
			if _, err := store.MembershipOf(ctx, db, a.WorkspaceID, *id); errors.Is(err, store.ErrNotFound) {
				v.Add("value", "actions.error.owner_not_member")
				break
			} else if err != nil {
				return nil, err
			}
		}
		a.OwnerUserID = id
	case "due_date":
		a.DueDate = date(&v, "value", strings.TrimSpace(value))
	case "status":
		st := model.ActionStatus(value)
		if !st.Valid() {
			v.Add("value", "validation.choice")
			break
		}
		if st != a.Status {
			a.Status = st
			if p := st.DefaultProgress(); p != a.Progress && st != model.ActionDropped {
				a.Progress = p
				extra = append(extra, "progress")
			}
		}
	case "progress":
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "%")))
		if err != nil || n < 0 || n > 100 {
			v.Add("value", "actions.error.progress")
			break
		}
		a.Progress = n
	case "rights":
		rights, ok := parseRights(value)
		if !ok {
			v.Add("value", "validation.choice")
			break
		}
		a.Rights = rights
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if ActionField(a, field) == before {
		return nil, nil
	}
	return append([]string{field}, extra...), nil
}

// saveAction writes the changed fields of a with a new version and records
// each change in the history, with the old values from prev, the action as
// it was loaded in this transaction.
func (s *Service) saveAction(ctx context.Context, tx bun.Tx, u *model.User, prev, a *model.Action, changed []string) error {
	now := time.Now().UTC()
	a.Version++
	a.UpdatedAt = now
	cols := make([]string, 0, len(changed))
	history := make([]model.Change, 0, len(changed))
	for _, f := range changed {
		col, ok := columnOf[f]
		if !ok {
			col = f
		}
		cols = append(cols, col)
		history = append(history, model.Change{
			WorkspaceID: a.WorkspaceID, Entity: model.EntityAction, EntityID: a.ID, Version: a.Version,
			UserID: u.ID, Field: f, OldValue: ActionField(prev, f), NewValue: ActionField(a, f), CreatedAt: now,
		})
	}
	if err := store.UpdateAction(ctx, tx, a, cols...); err != nil {
		return err
	}
	return store.AddChanges(ctx, tx, history)
}

func optionalID(s string) (*int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return nil, errors.New("not an id")
	}
	return &id, nil
}

// parseRights turns "34, 3,12" into "3,12,34"; ok is false for anything
// that is not an article Schakel knows.
func parseRights(s string) (string, bool) {
	seen := map[int]bool{}
	var nums []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(part)
		if err != nil || !model.Right(n).Valid() {
			return "", false
		}
		if !seen[n] {
			seen[n] = true
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ","), true
}
