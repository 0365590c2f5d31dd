package web

import (
	"crypto/rand"
	"encoding/base64"
	"strings"

	"schakel/app/password"
)

// calendarTokenBytes is how much randomness a calendar address holds.
const calendarTokenBytes = 32

// newCalendarToken returns a fresh secret for a calendar feed address.
func newCalendarToken() (string, error) {
	b := make([]byte, calendarTokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// validCalendarToken reports whether s has the form of a token, so that
// anything else is refused before the database is asked.
func validCalendarToken(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == calendarTokenBytes
}

// calendarHash is what is stored of a token: its keyed hash under the
// server's secret, as for session ids, with its own prefix so that the two
// kinds of hash can never be taken for each other.
func (s *Server) calendarHash(token string) string {
	return password.KeyedHash([]byte(s.cfg.SecretKey), "calendar:"+token)
}

// calendarAddress is the feed address of a token.
func (s *Server) calendarAddress(token string) string {
	return s.cfg.BaseURL + "/calendar/" + token + ".ics"
}

// webcalAddress is the same address for the webcal: scheme, which opens a
// calendar app ready to subscribe.
func webcalAddress(address string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(address, scheme); ok {
			return "webcal://" + rest
		}
	}
	return address
}
