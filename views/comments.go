package views

import (
	"schakel/app/model"
	"schakel/app/service"
)

// CommentRights is what the viewer may do with comments: write comments
// and replies, write advice, close advice, mark an advice as a signal.
type CommentRights struct {
	Write, Advise, Close, Signal bool
	// Self is the viewer's id. A live push has none (0): it draws the
	// controls of a comment's author hidden, and the page shows them on
	// its user's own comments (schakel.js), while the server checks
	// every change anyway.
	Self int64
}

// any says whether the viewer writes anything at all: comments or advice.
func (r CommentRights) any() bool { return r.Write || r.Advise }

// CommentsView is the comments section of a plan, action, meeting or
// agenda item.
type CommentsView struct {
	Threads *service.Threads
	Rights  CommentRights
	// Compact draws the section as a disclosure named by its count, as
	// agenda items show it.
	Compact bool
	// Form is the new comment or advice as typed, with its errors.
	Form CommentForm
}

// CommentForm is a comment form as it was sent back, with message ids of
// its errors by field.
type CommentForm struct {
	Kind          model.CommentKind
	Body, DueDate string
	Errors        map[string]string
	// Guard is the privacy guard's answer on the text.
	Guard *service.GuardedField
}

// CommentItem is one comment or reply to draw, with the thread's subject.
type CommentItem struct {
	Comment *model.Comment
	Rights  CommentRights
	// Edit is a change of the text sent back, drawn with the editing
	// form open; nil otherwise.
	Edit *CommentForm
}

// editBody is the text the editing form holds.
func (d CommentItem) editBody() string {
	if d.Edit != nil {
		return d.Edit.Body
	}
	return d.Comment.Body
}

// editSent is the change of the text sent back, if any: its error and the
// privacy guard's answer.
func (d CommentItem) editSent() (string, *service.GuardedField) {
	if d.Edit == nil {
		return "", nil
	}
	return d.Edit.Errors["body"], d.Edit.Guard
}

// commentsKey is the stem of the ids of one subject's comments section.
func commentsKey(t *service.Threads) string {
	return "comments-" + string(t.Subject) + "-" + id(t.SubjectID)
}

// commentsPath is where a workspace's comment routes start.
func commentsPath(workspaceID int64) string {
	return "/workspaces/" + id(workspaceID) + "/comments"
}

// commentPath is one comment's route.
func commentPath(c *model.Comment) string {
	return commentsPath(c.WorkspaceID) + "/" + id(c.ID)
}

// commentKey is the stem of one comment's ids.
func commentKey(c *model.Comment) string { return "comment-" + id(c.ID) }

// mayOwn says whether the controls of the author are drawn: on a page for
// the author, in a push for every class that writes (hidden).
func (r CommentRights) mayOwn(c *model.Comment) bool {
	if c.DeletedAt != nil {
		return false
	}
	if r.Self == 0 {
		return r.any()
	}
	return c.AuthorID == r.Self && r.any()
}

// mayReply says whether the viewer may reply in the thread of c.
func (r CommentRights) mayReply(c *model.Comment) bool {
	if c.DeletedAt != nil {
		return false
	}
	if c.IsAdvice() {
		return c.State != model.AdviceClosed && (r.Write || r.Advise)
	}
	return r.Write
}

// adviceClosed says whether an advice thread takes no more replies.
func adviceClosed(c *model.Comment) bool {
	return c.IsAdvice() && c.State == model.AdviceClosed
}

// authorName is who wrote a comment, with their organisation.
func authorName(c *model.Comment) string {
	if c.Author == nil {
		return ""
	}
	if c.Author.Organisation != nil && c.Author.Organisation.Name != "" {
		return c.Author.Name + " (" + c.Author.Organisation.Name + ")"
	}
	return c.Author.Name
}

// CommentThreadFor finds the thread of comment id among threads.
func CommentThreadFor(t *service.Threads, commentID int64) *service.CommentThread {
	for i := range t.Items {
		if t.Items[i].Comment.ID == commentID {
			return &t.Items[i]
		}
	}
	return nil
}
