package web

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"
)

// accountData sends everything Schakel keeps about oneself as a JSON file
// to download (the right of access); the download is in the audit log.
func (s *Server) accountData(c *fiber.Ctx) error {
	d, err := s.svc.ExportAccountData(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	body, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	name := "schakel-" + s.translator(c).Get("account.data.file") + "-" + time.Now().In(time.UTC).Format("2006-01-02") + ".json"
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	c.Attachment(name)
	return c.Send(body)
}
