package web

import (
	"errors"
	"net/http"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
	"schakel/views"
)

// toetsAnswer saves the answer to one question. htmx gets the question
// back, saved, with the new count and theme average; a stale save gets
// the question with the answer saved meanwhile beside the one sent (409),
// an invalid one the question with its errors (422).
func (s *Server) toetsAnswer(c *fiber.Ctx) error {
	tid, err := idParam(c, "tid")
	if err != nil {
		return err
	}
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	in := service.AnswerInput{
		Question: c.FormValue("question"), Score: c.FormValue("score"), Note: c.FormValue("note"), Version: sentVersion(c),
	}
	saved, err := s.svc.SaveAnswer(ctx, u, wid, tid, in)
	var conflict *service.Conflict
	if fields := fieldErrors(err); fields != nil || errors.As(err, &conflict) {
		cur, lerr := s.svc.AssessmentAnswer(ctx, u, wid, tid, in.Question)
		if lerr != nil {
			return lerr
		}
		sheet, lerr := s.svc.Assessment(ctx, u, wid, tid)
		if lerr != nil {
			return lerr
		}
		q := views.ToetsQuestion{
			Assessment: sheet.Assessment, Answer: *cur, Editable: true,
			Score: in.Score, Note: in.Note, Version: in.Version, Errors: fields, Guard: service.Guarded(err)["note"],
		}
		status := http.StatusUnprocessableEntity
		if conflict != nil {
			status, q.Version, q.Conflict = http.StatusConflict, cur.Version, cur
			if cur.Answerer != nil {
				q.ConflictBy = cur.Answerer.Name
			}
		}
		if isHTMX(c) {
			return s.renderFragments(c, status, views.ToetsQuestionItem(q))
		}
		return s.renderToetsSheet(c, status, tid, &q)
	}
	if err != nil {
		return err
	}
	if !isHTMX(c) {
		return redirect(c, withNotice(toetsPath(wid, tid), "toets_answer_saved")+"#"+views.QuestionDomID(saved.Question))
	}
	sheet, err := s.svc.Assessment(ctx, u, wid, tid)
	if err != nil {
		return err
	}
	q := views.NewToetsQuestion(sheet.Assessment, *saved, true)
	q.Saved = true
	parts := []templ.Component{views.ToetsQuestionItem(q), views.ToetsAnswered(sheet, true)}
	for _, t := range sheet.Themes {
		if t.Theme == saved.Theme {
			parts = append(parts, views.ToetsThemeAverage(t, true))
		}
	}
	parts = append(parts, views.NoticeOOB(s.translator(c).Get("notice.toets_answer_saved")))
	return s.renderFragments(c, http.StatusOK, parts...)
}
