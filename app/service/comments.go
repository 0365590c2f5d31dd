package service

import (
	"context"
	"net/http"
	"strconv"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/store"
)

// MaxComment is the longest comment, reply or advice, in characters.
const MaxComment = 4000

// CommentThread is a comment or advice with its replies, oldest first.
// A deleted comment stays in its thread while replies to it remain, drawn
// as deleted.
type CommentThread struct {
	Comment model.Comment
	Replies []model.Comment
}

// Threads are the comments on one subject, oldest thread first.
type Threads struct {
	WorkspaceID int64
	Subject     model.Subject
	SubjectID   int64
	Items       []CommentThread
}

// Count is the number of comments, advice and replies that are not
// deleted.
func (t *Threads) Count() int {
	if t == nil {
		return 0
	}
	n := 0
	for _, th := range t.Items {
		if th.Comment.DeletedAt == nil {
			n++
		}
		n += len(th.Replies)
	}
	return n
}

// CommentIndex holds the threads of several subjects of one kind, such as
// every agenda item of a meeting.
type CommentIndex map[int64]*Threads

// For returns the threads on one subject; never nil.
func (x CommentIndex) For(workspaceID int64, subject model.Subject, id int64) *Threads {
	if t, ok := x[id]; ok {
		return t
	}
	return &Threads{WorkspaceID: workspaceID, Subject: subject, SubjectID: id}
}

// buildThreads puts comments in threads per subject: replies under their
// comment, deleted replies left out, a deleted comment without replies
// left out.
func buildThreads(workspaceID int64, subject model.Subject, list []model.Comment) CommentIndex {
	out := CommentIndex{}
	byID := map[int64]*model.Comment{}
	replies := map[int64][]model.Comment{}
	var order []int64
	for i := range list {
		c := list[i]
		if c.ParentID == nil {
			byID[c.ID] = &list[i]
			order = append(order, c.ID)
		} else if c.DeletedAt == nil {
			replies[*c.ParentID] = append(replies[*c.ParentID], c)
		}
	}
	for _, id := range order {
		c := byID[id]
		if c.DeletedAt != nil && len(replies[id]) == 0 {
			continue
		}
		t := out.For(workspaceID, subject, c.SubjectID)
		t.Items = append(t.Items, CommentThread{Comment: *c, Replies: replies[id]})
		out[c.SubjectID] = t
	}
	return out
}

// CanReadComments reports whether the user reads the workspace's comments
// and advice (members and platform roles; guests do not).
func (s *Service) CanReadComments(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjWorkspace, authz.ActRead) &&
		s.Authz.Can(u, workspaceID, authz.ObjComment, authz.ActRead)
}

// CommentThreads reads the threads on subjects of one kind, for a page.
func (s *Service) CommentThreads(ctx context.Context, u *model.User, workspaceID int64, subject model.Subject, ids ...int64) (CommentIndex, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	return s.LiveCommentThreads(ctx, workspaceID, subject, ids...)
}

// LiveCommentThreads reads threads like CommentThreads, for a live push,
// without asking (the hub asks each viewer).
func (s *Service) LiveCommentThreads(ctx context.Context, workspaceID int64, subject model.Subject, ids ...int64) (CommentIndex, error) {
	list, err := store.Comments(ctx, s.DB, workspaceID, subject, ids...)
	if err != nil {
		return nil, err
	}
	return buildThreads(workspaceID, subject, list), nil
}

// LiveComment reads one comment with its author, deleted or not, for a
// live push.
func (s *Service) LiveComment(ctx context.Context, workspaceID, id int64) (*model.Comment, error) {
	return store.Comment(ctx, s.DB, workspaceID, id)
}

// SubjectRef is where a comment or signal was written: the object's title
// and the path of its page.
type SubjectRef struct {
	Subject model.Subject
	ID      int64
	Title   string
	Path    string
	// Topic is the live topic whose pages show the object's comments.
	Topic string
	// MeetingID is the meeting of a meeting or agenda item, else 0.
	MeetingID int64
}

// subjectRef loads the subject within the workspace: another workspace's
// object, or one that is gone, is not found.
func subjectRef(ctx context.Context, db bun.IDB, workspaceID int64, subject model.Subject, id int64) (*SubjectRef, error) {
	ws := "/workspaces/" + idStr(workspaceID)
	ref := &SubjectRef{Subject: subject, ID: id}
	switch subject {
	case model.SubjectPlan:
		p, err := store.Plan(ctx, db, workspaceID, id)
		if err != nil {
			return nil, notFoundErr(err)
		}
		ref.Title, ref.Path, ref.Topic = p.Title, ws+"/plans/"+idStr(id), realtime.PlanTopic(id)
	case model.SubjectAction:
		a, err := store.Action(ctx, db, workspaceID, id)
		if err != nil || a.DeletedAt != nil {
			return nil, apperr.NotFound()
		}
		ref.Title, ref.Path, ref.Topic = a.Title, ws+"/actions/"+idStr(id), realtime.ActionTopic(id)
	case model.SubjectMeeting:
		m, err := store.Meeting(ctx, db, workspaceID, id)
		if err != nil {
			return nil, notFoundErr(err)
		}
		ref.Title, ref.Path, ref.Topic, ref.MeetingID = m.Title, ws+"/meetings/"+idStr(id), realtime.MeetingTopic(id), id
	case model.SubjectItem:
		it, err := store.Item(ctx, db, workspaceID, id)
		if err != nil || it.DeletedAt != nil {
			return nil, apperr.NotFound()
		}
		ref.Title, ref.Path, ref.Topic, ref.MeetingID = it.Title, ws+"/meetings/"+idStr(it.MeetingID)+"#item-"+idStr(id), realtime.MeetingTopic(it.MeetingID), it.MeetingID
	default:
		return nil, apperr.NotFound()
	}
	return ref, nil
}

// CommentSubject is where a comment was written, for links and redirects.
func (s *Service) CommentSubject(ctx context.Context, u *model.User, workspaceID int64, subject model.Subject, id int64) (*SubjectRef, error) {
	if err := s.require(u, workspaceID, authz.ObjComment, authz.ActRead); err != nil {
		return nil, err
	}
	return subjectRef(ctx, s.DB, workspaceID, subject, id)
}

// errAdviceClosed refuses a reply to, or a change of, a closed advice.
func errAdviceClosed() error { return apperr.New(http.StatusConflict, "comments.error.closed") }

// publishComment tells the pages of the comment's subject that it changed.
func (s *Service) publishComment(ctx context.Context, ref *SubjectRef, c *model.Comment, kind string) {
	s.publish(ctx, realtime.Event{Topic: ref.Topic, WorkspaceID: c.WorkspaceID, Entity: "comment", ID: c.ID, Version: c.Version, Kind: kind})
}

func idStr(n int64) string { return strconv.FormatInt(n, 10) }
