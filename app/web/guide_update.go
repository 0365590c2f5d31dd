package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

var guideFields = model.GuideFields

// guideUpdate saves an article's text in one language as its next version.
// Empty, over-long or invalid text is sent back with its errors; a save
// from an older version than the one in force is refused with the
// differences, and the editor's text kept in the form.
func (s *Server) guideUpdate(c *fiber.Ctx) error {
	ctx, u := c.UserContext(), currentUser(c)
	slug, lang := c.Params("article"), c.Params("lang")
	entry, err := s.svc.GuideForEdit(ctx, u, slug, lang)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	in := service.GuideInput{Fields: map[string]string{}, Version: version}
	for _, f := range guideFields {
		in.Fields[f] = c.FormValue(f)
	}
	_, changed, err := s.svc.SaveGuideText(ctx, u, slug, lang, in)
	d := views.GuideEdit{Entry: *entry, Lang: lang, Values: in.Fields, Version: version}
	var conflict *service.GuideConflict
	switch {
	case fieldErrors(err) != nil:
		d.Errors, d.Guard = fieldErrors(err), service.Guarded(err)
		return s.renderGuideEdit(c, http.StatusUnprocessableEntity, d)
	case errors.As(err, &conflict):
		d.Version, d.Values = conflict.Current.Version, conflict.Merged
		d.Conflict = &views.GuideConflict{
			Current: conflict.Current, Clashing: conflict.Clashing,
			Diffs: service.GuideDiff(conflict.Current, service.GuideInputText(service.GuideInput{Fields: conflict.Merged})),
		}
		return s.renderGuideEdit(c, http.StatusConflict, d)
	case err != nil:
		return err
	}
	notice := "guide_saved"
	if !changed {
		notice = "guide_unchanged"
	}
	return redirect(c, withNotice(views.GuidePath(slug), notice))
}
