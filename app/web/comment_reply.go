package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// commentReply posts a reply in a thread. A member's reply to an open
// advice answers it; a closed advice refuses it (409). htmx gets the empty
// reply form back, with the reply, the count and the advice's new state
// out of band.
func (s *Server) commentReply(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	cid, err := idParam(c, "comment")
	if err != nil {
		return err
	}
	body := c.FormValue("body")
	reply, parent, err := s.svc.Reply(ctx, u, wid, cid, body)
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil {
			return err
		}
		p, ref, lerr := s.svc.Comment(ctx, u, wid, cid)
		if lerr != nil {
			return lerr
		}
		form := views.CommentReplyForm(p, s.commentRights(c, wid), views.CommentForm{Body: typed(body), Errors: errs, Guard: service.Guarded(err)["body"]}, false)
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, form)
		}
		return s.commentRetry(c, ref.Subject, ref.ID, form)
	}
	if !isHTMX(c) {
		_, ref, err := s.svc.Comment(ctx, u, wid, reply.ID)
		if err != nil {
			return err
		}
		return redirect(c, commentAnchor(ref, reply.ID))
	}
	threads, err := s.threadsOf(c, reply)
	if err != nil {
		return err
	}
	r := s.commentRights(c, wid)
	if th := views.CommentThreadFor(threads, parent.ID); th != nil {
		parent = &th.Comment
	}
	return s.renderFragments(c, http.StatusOK,
		views.CommentReplyForm(parent, r, views.CommentForm{}, false),
		oobAppend("#comment-"+itoa64(parent.ID)+"-replies", views.CommentReplyItem(views.CommentItem{Comment: reply, Rights: r})),
		views.CommentMain(views.CommentItem{Comment: parent, Rights: r}, true),
		views.CommentCount(threads, true))
}
