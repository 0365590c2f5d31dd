package web

import (
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// commentRights is what the signed-in user may do with the workspace's
// comments.
func (s *Server) commentRights(c *fiber.Ctx, wid int64) views.CommentRights {
	u := currentUser(c)
	return views.CommentRights{
		Write: s.svc.CanComment(u, wid), Advise: s.svc.CanAdvise(u, wid),
		Close: s.svc.CanCloseAdvice(u, wid), Signal: s.svc.CanSignal(u, wid), Self: u.ID,
	}
}

// commentIndex reads the comments on subjects of one kind for a page, or
// nil for someone who reads no comments (a meeting's guest).
func (s *Server) commentIndex(c *fiber.Ctx, wid int64, subject model.Subject, ids ...int64) (service.CommentIndex, error) {
	u := currentUser(c)
	if !s.svc.CanReadComments(u, wid) {
		return nil, nil
	}
	return s.svc.CommentThreads(c.UserContext(), u, wid, subject, ids...)
}

// commentsSection is the comments section of one subject for a page, or
// nil for someone who reads no comments.
func (s *Server) commentsSection(c *fiber.Ctx, wid int64, subject model.Subject, id int64) (*views.CommentsView, error) {
	x, err := s.commentIndex(c, wid, subject, id)
	if err != nil || x == nil {
		return nil, err
	}
	return &views.CommentsView{Threads: x.For(wid, subject, id), Rights: s.commentRights(c, wid)}, nil
}

// threadsOf reads the threads of a comment's subject, for the count that
// an answer brings along.
func (s *Server) threadsOf(c *fiber.Ctx, cm *model.Comment) (*service.Threads, error) {
	x, err := s.svc.CommentThreads(c.UserContext(), currentUser(c), cm.WorkspaceID, cm.Subject, cm.SubjectID)
	if err != nil {
		return nil, err
	}
	return x.For(cm.WorkspaceID, cm.Subject, cm.SubjectID), nil
}

// commentAnchor is the place of a comment on its subject's page.
func commentAnchor(ref *service.SubjectRef, commentID int64) string {
	path, _, _ := strings.Cut(ref.Path, "#")
	return path + "#comment-" + itoa64(commentID)
}

// oobAppend appends child to the element selector names, out of band.
func oobAppend(selector string, child templ.Component) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return views.OOBAppend(selector).Render(templ.WithChildren(ctx, child), w)
	})
}

// typed is text as typed, made safe to send back into a form.
func typed(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// commentsScript keeps the comments of a page in order as they come in
// live, and shows the author the controls of their own.
const commentsScript = "/static/js/comments.js"

// planDiscussion adds to a plan's page its reviews and its comments.
func (s *Server) planDiscussion(c *fiber.Ctx, d *views.PlanBoardPage) error {
	ctx, u, p := c.UserContext(), currentUser(c), d.Board.Plan
	reviews, err := s.svc.PlanReviews(ctx, u, p.WorkspaceID, p.ID)
	if err != nil {
		return err
	}
	if d.Reviews == nil {
		d.Reviews = &views.PlanReviewsView{Plan: p}
	}
	d.Reviews.Reviews, d.Reviews.CanReview = reviews, s.svc.CanAdvise(u, p.WorkspaceID)
	d.Comments, err = s.commentsSection(c, p.WorkspaceID, model.SubjectPlan, p.ID)
	return err
}

// itemComments adds to a meeting's parts the comments of its agenda items,
// for whoever reads comments.
func (s *Server) itemComments(c *fiber.Ctx, d *views.MeetingParts) error {
	wid := d.Meeting.WorkspaceID
	ids := make([]int64, len(d.Items))
	for i := range d.Items {
		ids[i] = d.Items[i].ID
	}
	x, err := s.commentIndex(c, wid, model.SubjectItem, ids...)
	if err != nil || x == nil {
		return err
	}
	d.ReadComments, d.ItemComments, d.CommentRights = true, x, s.commentRights(c, wid)
	return nil
}

// commentRetry answers a comment, reply or change of one that a browser
// without JavaScript sent and that came back (the privacy guard held it
// back, or a field is wrong): a page with the form as sent, and the way
// back to what it is about.
func (s *Server) commentRetry(c *fiber.Ctx, subject model.Subject, id int64, form templ.Component) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	ref, err := s.svc.CommentSubject(ctx, u, wid, subject, id)
	if err != nil {
		return err
	}
	t := s.translator(c)
	return s.renderPage(c, http.StatusUnprocessableEntity, views.Page{Title: t.Get("textguard.retry_title", "Title", ref.Title)},
		views.CommentRetryPage(views.CommentRetry{Subject: ref.Title, Back: ref.Path, Form: form}))
}
