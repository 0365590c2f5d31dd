package web

import (
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/apperr"
	"schakel/views"
)

// outboxList shows the outgoing e-mail, newest first, a page at a time.
func (s *Server) outboxList(c *fiber.Ctx) error {
	before, _ := strconv.ParseInt(c.Query("before"), 10, 64)
	page, err := s.svc.Outbox(c.UserContext(), currentUser(c), max(before, 0))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("outbox.title")}, views.AdminOutboxPage(views.OutboxAdmin{
		Page: page, Before: max(before, 0), SMTPHost: s.smtpHost(),
	}))
}

// outboxShow shows one message: its state, and its bodies while e-mail is
// not sent.
func (s *Server) outboxShow(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	m, err := s.svc.OutboxMessage(c.UserContext(), currentUser(c), id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: m.Subject}, views.AdminOutboxMessagePage(views.OutboxMessage{
		Message: m, SMTPHost: s.smtpHost(),
	}))
}

// outboxRetry has a failed message tried again at once.
func (s *Server) outboxRetry(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return apperr.NotFound()
	}
	if err := s.svc.RetryMail(c.UserContext(), currentUser(c), id); err != nil {
		return err
	}
	return redirect(c, withNotice("/admin/outbox/"+strconv.FormatInt(id, 10), "mail_retried"))
}

// smtpHost is the mail server e-mail goes through, or "" when it stays in
// the development outbox.
func (s *Server) smtpHost() string { return s.cfg.SMTP.Host }
