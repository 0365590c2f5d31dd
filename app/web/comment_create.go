package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// commentCreate posts a member's comment or a reviewer's advice on a plan,
// action, meeting or agenda item. htmx gets an empty form back, with the
// new thread and count out of band (the push brings them to the others);
// a plain form goes back to the page, at the comment.
func (s *Server) commentCreate(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	sid, _ := strconv.ParseInt(c.FormValue("subject_id"), 10, 64)
	in := service.CommentInput{
		Subject: model.Subject(c.FormValue("subject")), SubjectID: sid, Kind: model.CommentKind(c.FormValue("kind")),
		Body: c.FormValue("body"), DueDate: c.FormValue("due_date"),
	}
	threads := &service.Threads{WorkspaceID: wid, Subject: in.Subject, SubjectID: sid}
	cm, err := s.svc.AddComment(ctx, u, wid, in)
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil || !in.Subject.Valid() {
			return err
		}
		form := views.CommentNewForm(threads, in.Kind, views.CommentForm{
			Kind: in.Kind, Body: typed(in.Body), DueDate: typed(in.DueDate), Errors: errs, Guard: service.Guarded(err)["body"],
		})
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, form)
		}
		return s.commentRetry(c, in.Subject, sid, form)
	}
	if !isHTMX(c) {
		_, ref, err := s.svc.Comment(ctx, u, wid, cm.ID)
		if err != nil {
			return err
		}
		return redirect(c, commentAnchor(ref, cm.ID))
	}
	if threads, err = s.threadsOf(c, cm); err != nil {
		return err
	}
	th := views.CommentThreadFor(threads, cm.ID)
	if th == nil {
		th = &service.CommentThread{Comment: *cm}
	}
	r := s.commentRights(c, wid)
	return s.renderFragments(c, http.StatusOK,
		views.CommentNewForm(threads, in.Kind, views.CommentForm{Kind: in.Kind}),
		oobAppend("#comments-"+string(cm.Subject)+"-"+itoa64(cm.SubjectID)+"-list", views.CommentThreadItem(threads, th, r)),
		views.CommentCount(threads, true))
}
