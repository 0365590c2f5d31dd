package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
)

// fieldSave is a handler's part in the versioned save of one field. The
// service decides for plans, actions, meetings and agenda items alike
// whether a save is stale, merged, conflicting or invalid; answerFieldSave
// is the one place that turns its answer into 200, 409 or 422.
type fieldSave struct {
	// save asks the service to save the value sent at the version the
	// editor started from.
	save func() error
	// editor answers with the field's editor holding the value sent: 200
	// for the conflict view's "edit on from mine", 422 with the message
	// id of what is wrong and, for text the privacy guard held back, its
	// answer (what it found, or the pseudonymised text to review).
	editor func(errID string, guard *service.GuardedField, status int) error
	// conflict answers 409 with both values side by side.
	conflict func(*service.Conflict) error
	// saved answers a save that went through.
	saved func() error
}

// answerFieldSave runs a versioned save and answers it. "edit=1" is the
// conflict view's choice to edit on from the value sent.
func (s *Server) answerFieldSave(c *fiber.Ctx, f fieldSave) error {
	if c.FormValue("edit") == "1" {
		return f.editor("", nil, http.StatusOK)
	}
	err := f.save()
	var conflict *service.Conflict
	if errors.As(err, &conflict) {
		return f.conflict(conflict)
	}
	if fields := fieldErrors(err); fields != nil {
		return f.editor(fields["value"], service.Guarded(err)["value"], http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	return f.saved()
}

// sentVersion is the version an editor says it started from.
func sentVersion(c *fiber.Ctx) int {
	v, _ := strconv.Atoi(c.FormValue("version"))
	return v
}

// fieldParam is the field named in the path, copied: what fiber returns
// lives in the request's buffer, which the next request reuses, and a
// field's name travels on in live events after the answer has gone.
func fieldParam(c *fiber.Ctx) string { return strings.Clone(c.Params("field")) }
