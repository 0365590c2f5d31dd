package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/views"
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
				msg = tooLargeMessage(c.Path())
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
			hxAnswer{Redirect: to}.apply(c)
		}
	}
	// Whatever the handler had written is replaced by the error page.
	c.Response().ResetBody()
	t := s.translator(c)
	var answer error
	if isHTMX(c) {
		hxAnswer{Retarget: "#alerts", Reswap: "innerHTML"}.apply(c)
		answer = s.renderFragments(c, status, views.Alert(views.AlertError, t.Get(msg)))
	} else {
		answer = s.renderPage(c, status, views.Page{Title: t.Get("error.title")}, views.ErrorPage(views.ErrorView{
			Message: msg, SignedIn: currentUser(c) != nil, Contact: s.cfg.ContactEmail,
		}))
	}
	if answer != nil {
		// The error page itself failed: say so plainly rather than not at all.
		s.log.Error("error page failed", "path", c.Path(), "err", answer)
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(status).SendString(t.Get(msg))
	}
	return nil
}
