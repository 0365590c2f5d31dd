package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
)

// handleError is the one place where errors become pages: the right status,
// and a message in the user's language that gives nothing away.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	status, msg := http.StatusInternalServerError, "error.internal"
	if e, ok := apperr.As(err); ok {
		status, msg = e.Status, e.MessageID
	} else {
		var fe *fiber.Error
		if errors.As(err, &fe) {
			status = fe.Code
			switch fe.Code {
			case http.StatusNotFound, http.StatusMethodNotAllowed:
				status, msg = http.StatusNotFound, "error.not_found"
			case http.StatusRequestEntityTooLarge:
				msg = "error.too_large"
			case http.StatusBadRequest:
				msg = "error.bad_request"
			case http.StatusForbidden:
				msg = "error.forbidden"
			}
		}
	}
	if status >= 500 {
		s.log.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err)
	}
	if status == http.StatusUnauthorized && msg == "error.signin_required" {
		to := "/login?next=" + url.QueryEscape(c.OriginalURL())
		if c.Method() == fiber.MethodGet && !isHTMX(c) {
			return c.Redirect(to, fiber.StatusSeeOther)
		}
		if isHTMX(c) {
			c.Set(HeaderHXRedirect, to)
		}
	}
	// Whatever the handler had written is replaced by the error page.
	c.Response().ResetBody()
	if isHTMX(c) {
		c.Set(HeaderHXRetarget, "#alerts")
		c.Set(HeaderHXReswap, "innerHTML")
		c.Status(status)
		return c.Render("partials/alert", fiber.Map{"T": s.translator(c), "Kind": "error", "Message": msg})
	}
	return s.render(c, status, "pages/error", "", "error.title", fiber.Map{"Message": msg, "Status": status})
}
