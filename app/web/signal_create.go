package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// signalCreate marks an outcome, action or advice as a signal for national
// policy, and goes to the list of signals; a form with errors comes back.
func (s *Server) signalCreate(c *fiber.Ctx) error {
	ctx, u, wid := c.UserContext(), currentUser(c), workspaceID(c)
	sid, _ := strconv.ParseInt(c.FormValue("source_id"), 10, 64)
	in := service.SignalInput{
		Source: model.SignalSource(c.FormValue("source")), SourceID: sid,
		Bottleneck: model.Bottleneck(c.FormValue("bottleneck")), Theme: model.Theme(c.FormValue("theme")),
		Description: c.FormValue("description"),
	}
	sig, err := s.svc.AddSignal(ctx, u, wid, in)
	if err != nil {
		errs := fieldErrors(err)
		if errs == nil || errs["source"] != "" {
			return err
		}
		ref, _, rerr := s.svc.SignalSource(ctx, u, wid, in.Source, in.SourceID)
		if rerr != nil {
			return rerr
		}
		w, werr := s.svc.Workspace(ctx, u, wid)
		if werr != nil {
			return werr
		}
		return s.renderSignalNew(c, http.StatusUnprocessableEntity, views.SignalNewView{
			Workspace: w, Source: in.Source, Ref: ref, Bottleneck: typed(string(in.Bottleneck)), Theme: typed(string(in.Theme)),
			Description: typed(in.Description), Errors: errs, Guard: service.Guarded(err)["description"],
		})
	}
	return redirect(c, withNotice("/signals?workspace="+itoa64(wid), "signal_added")+"#signal-"+itoa64(sig.ID))
}
