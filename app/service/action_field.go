package service

import (
	"context"
	"errors"
	"net/http"
	"slices"
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
func IsActionField(field string) bool { return slices.Contains(ActionFields, field) }

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

// idOrZero is the id, or 0 for none.
func idOrZero(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

func idString(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

var columnOf = map[string]string{
	"owner_organisation": "owner_organisation_id", "owner": "owner_user_id",
}

// UpdateActionField changes one field of an action. baseVersion is the
// version the writer started from. If someone changed the same field since,
// a short field is refused with a *Conflict; the description is merged
// three-way, and refused with a *Conflict only when the edits overlap. It
// returns the action as saved, with its owners.
func (s *Service) UpdateActionField(ctx context.Context, u *model.User, workspaceID, actionID int64, field, value string, baseVersion int) (*model.Action, error) {
	return saveField(ctx, s, &actionSaves, u, workspaceID, actionID, field, value, baseVersion)
}

var actionSaves = versioned[model.Action]{
	entity: model.EntityAction, obj: authz.ObjAction, act: authz.ActEdit,
	fields: ActionFields,
	text:   []string{"description"},
	merged: []string{"description"},
	// An action agreed at a meeting may name its guests.
	guarded: []string{"title", "description"}, audit: model.AuditObjectAction,
	meeting: func(a *model.Action) int64 { return idOrZero(a.MeetingID) },
	load: func(ctx context.Context, tx bun.Tx, _ *model.User, workspaceID, id int64, _ string) (*model.Action, error) {
		a, err := store.ActionForUpdate(ctx, tx, workspaceID, id)
		if err == nil && a.DeletedAt != nil {
			return nil, apperr.New(http.StatusGone, "actions.error.deleted")
		}
		return a, err
	},
	get: ActionField,
	set: setActionField,
	row: func(a *model.Action) (int64, *int, *time.Time) { return a.ID, &a.Version, &a.UpdatedAt },
	write: func(ctx context.Context, tx bun.Tx, a *model.Action, fields []string) error {
		cols := make([]string, len(fields))
		for i, f := range fields {
			if cols[i] = columnOf[f]; cols[i] == "" {
				cols[i] = f
			}
		}
		return store.UpdateAction(ctx, tx, a, cols...)
	},
	events: func(a *model.Action, fields []string) []realtime.Event {
		return actionEvents(a, realtime.Changed, fields...)
	},
}

// setActionField validates value and sets field on a, with the owner it
// names as shown. A status brings its default progress along, which it
// returns as changed too.
func setActionField(ctx context.Context, tx bun.Tx, a *model.Action, field, value string) ([]string, error) {
	var v apperr.Validation
	var extra []string
	switch field {
	case "title":
		a.Title = text(&v, "value", value, true, MaxTitle)
	case "description":
		a.Description = text(&v, "value", value, false, MaxLongText)
	case "theme":
		plan, err := store.Plan(ctx, tx, a.WorkspaceID, a.PlanID)
		if err != nil {
			return nil, err
		}
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
		var org *model.Organisation
		if id != nil {
			if org, err = store.Organisation(ctx, tx, *id); errors.Is(err, store.ErrNotFound) {
				v.Add("value", "validation.choice")
				break
			} else if err != nil {
				return nil, err
			}
		}
		a.OwnerOrganisationID, a.OwnerOrganisation = id, org
	case "owner":
		id, err := optionalID(value)
		if err != nil {
			v.Add("value", "validation.choice")
			break
		}
		var owner *model.User
		if id != nil {
			// A meeting's guest sees no plan, so cannot own an action.
			if mb, err := store.MembershipOf(ctx, tx, a.WorkspaceID, *id); errors.Is(err, store.ErrNotFound) || (err == nil && mb.Role == model.RoleGuest) {
				v.Add("value", "actions.error.owner_not_member")
				break
			} else if err != nil {
				return nil, err
			}
			full, err := store.User(ctx, tx, *id)
			if err != nil {
				return nil, err
			}
			// Only what an action shows of its owner, as loaded with it.
			owner = &model.User{ID: full.ID, Name: full.Name, OrganisationID: full.OrganisationID}
		}
		a.OwnerUserID, a.OwnerUser = id, owner
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
	return extra, v.Err()
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
