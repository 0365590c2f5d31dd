package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"schakel/app/service"
)

// Form fields that answer the privacy guard (see service.GuardAnswers and
// views.GuardNote): "confirm_" and a field's name carries the
// confirmation of that field's warning; "pseudonymise" names the field to
// pseudonymise.
const (
	guardConfirmPrefix = "confirm_"
	guardPseudonymise  = "pseudonymise"
)

// guardAnswers hands the answers a form sends to the privacy guard on to
// the service, in the request's context: the one place they are read, for
// every form and editor alike. A request that sends none goes on as it
// came.
func (s *Server) guardAnswers(c *fiber.Ctx) error {
	if c.Method() != fiber.MethodPost {
		return c.Next()
	}
	a := service.GuardAnswers{Confirmed: map[string]string{}}
	take := func(key, value string) {
		switch {
		case key == guardPseudonymise:
			a.Pseudonymise = value
		case strings.HasPrefix(key, guardConfirmPrefix) && value != "":
			a.Confirmed[strings.TrimPrefix(key, guardConfirmPrefix)] = value
		}
	}
	ct := string(c.Request().Header.ContentType())
	switch {
	case strings.HasPrefix(ct, fiber.MIMEApplicationForm):
		c.Request().PostArgs().VisitAll(func(k, v []byte) { take(string(k), string(v)) })
	case strings.HasPrefix(ct, fiber.MIMEMultipartForm):
		if form, err := c.MultipartForm(); err == nil {
			for k, vs := range form.Value {
				if len(vs) > 0 {
					take(k, vs[0])
				}
			}
		}
	}
	if a.Pseudonymise == "" && len(a.Confirmed) == 0 {
		return c.Next()
	}
	a.Lang = s.translator(c).Lang
	c.SetUserContext(service.WithGuardAnswers(c.UserContext(), a))
	return c.Next()
}
