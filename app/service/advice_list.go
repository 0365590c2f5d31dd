package service

import (
	"context"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// AdviceEntry is one advice as the workspace's list shows it: with the
// object it is on and its number of replies.
type AdviceEntry struct {
	Advice  model.Comment
	Subject *SubjectRef
	Replies int
}

// AdviceList lists the workspace's advice, newest first, in one state
// ("open", "beantwoord", "gesloten") or all (""). Advice on an object
// that is gone is left out.
func (s *Service) AdviceList(ctx context.Context, u *model.User, workspaceID int64, state string) ([]AdviceEntry, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	st := model.AdviceState(state)
	if st != model.AdviceNone && !st.Valid() {
		var v apperr.Validation
		v.Add("state", "advice.error.state")
		return nil, v.Err()
	}
	list, err := store.AdviceList(ctx, s.DB, workspaceID, st)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	replies, err := store.ReplyCounts(ctx, s.DB, workspaceID, ids)
	if err != nil {
		return nil, err
	}
	out := make([]AdviceEntry, 0, len(list))
	for _, c := range list {
		ref, err := subjectRef(ctx, s.DB, workspaceID, c.Subject, c.SubjectID)
		if IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, AdviceEntry{Advice: c, Subject: ref, Replies: replies[c.ID]})
	}
	return out, nil
}
