package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/app/service"
	"schakel/views"
)

// commentUpdate changes the text of one's own comment, reply or advice.
// htmx gets the comment back; a plain form goes back to the page.
func (s *Server) commentUpdate(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	cid, err := idParam(c, "comment")
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	body := c.FormValue("body")
	cm, err := s.svc.EditComment(ctx, u, wid, cid, body, version)
	if err != nil {
		errs := fieldErrors(err)
		guard := service.Guarded(err)["body"]
		if guard == nil {
			// The form is small: its one message goes where messages go.
			if e := errs["body"]; e != "" {
				return apperr.New(http.StatusUnprocessableEntity, e)
			}
			return err
		}
		// What the privacy guard says stays with the text, in the
		// editing form.
		cur, ref, lerr := s.svc.Comment(ctx, u, wid, cid)
		if lerr != nil {
			return lerr
		}
		item := views.CommentItem{Comment: cur, Rights: s.commentRights(c, wid), Edit: &views.CommentForm{Body: typed(body), Errors: errs, Guard: guard}}
		if isHTMX(c) {
			return s.renderFragments(c, http.StatusUnprocessableEntity, views.CommentMain(item, false))
		}
		return s.commentRetry(c, ref.Subject, ref.ID, views.CommentMain(item, false))
	}
	return s.commentAnswer(c, cm.ID, false)
}

// commentAnswer answers a change of a comment: htmx gets the comment (and,
// when reply is set, its thread's reply form) with the count out of band;
// a plain form goes back to the page, at the comment.
func (s *Server) commentAnswer(c *fiber.Ctx, cid int64, reply bool) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	cm, ref, err := s.svc.Comment(ctx, u, wid, cid)
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, commentAnchor(ref, cm.ID))
	}
	threads, err := s.threadsOf(c, cm)
	if err != nil {
		return err
	}
	r := s.commentRights(c, wid)
	item := views.CommentItem{Comment: cm, Rights: r}
	if !reply {
		return s.renderFragments(c, http.StatusOK, views.CommentMain(item, false), views.CommentCount(threads, true))
	}
	return s.renderFragments(c, http.StatusOK, views.CommentMain(item, false), views.CommentReplyForm(cm, r, views.CommentForm{}, true), views.CommentCount(threads, true))
}
