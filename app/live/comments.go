package live

import (
	"context"
	"strconv"

	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/realtime"
	"schakel/app/service"
	"schakel/views"
)

// The bits of realtime.Class.Rights: what a viewer may do with comments.
const (
	rightReadComments uint8 = 1 << iota
	rightComment
	rightAdvise
	rightCloseAdvice
	rightSignal
	// rightReadPlan is not about comments: a meeting's guest, who may not
	// open the plan, is shown its actions without links.
	rightReadPlan
)

// commentRights are the comment bits of a viewer in a workspace; a guest
// has none, and so is sent no comments.
func commentRights(az *authz.Authorizer, userID, workspaceID int64) uint8 {
	if !az.CanUser(userID, workspaceID, authz.ObjWorkspace, authz.ActRead) || !az.CanUser(userID, workspaceID, authz.ObjComment, authz.ActRead) {
		return 0
	}
	bits := rightReadComments
	for _, q := range []struct {
		bit      uint8
		obj, act string
	}{
		{rightComment, authz.ObjComment, authz.ActWrite},
		{rightAdvise, authz.ObjAdvice, authz.ActWrite},
		{rightCloseAdvice, authz.ObjAdvice, authz.ActClose},
		{rightSignal, authz.ObjSignal, authz.ActWrite},
	} {
		if az.CanUser(userID, workspaceID, q.obj, q.act) {
			bits |= q.bit
		}
	}
	return bits
}

// classComments is what a class may do with comments, as the views take
// it; no one's own (a push is the same for the whole class).
func classComments(c realtime.Class) (views.CommentRights, bool) {
	return views.CommentRights{
		Write: c.Rights&rightComment != 0, Advise: c.Rights&rightAdvise != 0,
		Close: c.Rights&rightCloseAdvice != 0, Signal: c.Rights&rightSignal != 0,
	}, c.Rights&rightReadComments != 0
}

// renderComment renders what a new, changed or deleted comment means for
// the pages of its subject: the thread or reply added, the comment drawn
// anew, the count. Those who read no comments (guests) get nothing.
func (r Renderer) renderComment(ctx context.Context, ev realtime.Event, classes []realtime.Class) (map[realtime.Class][]byte, error) {
	cm, err := r.svc.LiveComment(ctx, ev.WorkspaceID, ev.ID)
	if service.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	x, err := r.svc.LiveCommentThreads(ctx, ev.WorkspaceID, cm.Subject, cm.SubjectID)
	if err != nil {
		return nil, err
	}
	t := x.For(ev.WorkspaceID, cm.Subject, cm.SubjectID)
	var author string
	if cm.Author != nil {
		author = cm.Author.Name
	}
	out := make(map[realtime.Class][]byte, len(classes))
	for _, c := range classes {
		rights, read := classComments(c)
		if !read {
			continue
		}
		w := r.writer(ctx, c)
		item := views.CommentItem{Comment: cm, Rights: rights}
		switch {
		case ev.Kind == realtime.Created && cm.ParentID == nil:
			if th := views.CommentThreadFor(t, cm.ID); th != nil {
				w.render(oobAppend("#comments-"+string(cm.Subject)+"-"+strconv.FormatInt(cm.SubjectID, 10)+"-list", views.CommentThreadItem(t, th, rights)))
			}
		case ev.Kind == realtime.Created:
			w.render(oobAppend("#comment-"+strconv.FormatInt(*cm.ParentID, 10)+"-replies", views.CommentReplyItem(item)))
		default:
			w.render(views.CommentMain(item, true))
			// Only a closed or deleted thread changes its reply form: a
			// form someone is typing in stays otherwise.
			if cm.ParentID == nil && (cm.DeletedAt != nil || cm.State == model.AdviceClosed) {
				w.render(views.CommentReplyForm(cm, rights, views.CommentForm{}, true))
			}
		}
		w.render(views.CommentCount(t, true))
		if ev.Kind == realtime.Created {
			w.render(views.LiveNews(cm.AuthorID, views.T(w.ctx, "comments.news", "Name", author)))
		}
		if w.err != nil {
			return nil, w.err
		}
		out[c] = w.buf.Bytes()
	}
	return out, nil
}

// itemComments reads the comments of a meeting's agenda items, once for
// every class.
func (r Renderer) itemComments(ctx context.Context, d *views.MeetingParts) (service.CommentIndex, error) {
	ids := make([]int64, len(d.Items))
	for i := range d.Items {
		ids[i] = d.Items[i].ID
	}
	return r.svc.LiveCommentThreads(ctx, d.Meeting.WorkspaceID, model.SubjectItem, ids...)
}
