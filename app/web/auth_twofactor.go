package web

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/pquerna/otp"

	"schakel/app/apperr"
	"schakel/app/model"
	"schakel/views"
)

// maxCodeTries is how many wrong codes one half sign-in may bring; then
// the password is asked again.
const maxCodeTries = 5

const sessionCodeTries = "pending_tries"

// pendingAccount returns the account of the request's half sign-in, or
// sends the browser back to the sign-in page when there is none.
func (s *Server) pendingAccount(c *fiber.Ctx, setup bool) (*model.User, halfway, error) {
	h, ok, err := s.pendingSignIn(c)
	if err != nil {
		return nil, h, err
	}
	if !ok || h.setup != setup {
		return nil, h, errNoHalfway
	}
	u, err := s.svc.Account(c.UserContext(), h.userID)
	if err != nil || u.Disabled() || u.Deleted() {
		return nil, h, errNoHalfway
	}
	return u, h, nil
}

// errNoHalfway is a second step without a first: the answer is the
// sign-in page.
var errNoHalfway = apperr.New(http.StatusUnauthorized, "twofactor.error.start_again")

// toSignIn answers a request of the second step that has no half sign-in.
func (s *Server) toSignIn(c *fiber.Ctx, err error) error {
	if err == errNoHalfway {
		return redirect(c, withNotice("/login", "signin_again"))
	}
	return err
}

// twoFactorCodeForm asks for the code after the password.
func (s *Server) twoFactorCodeForm(c *fiber.Ctx) error {
	if _, _, err := s.pendingAccount(c, false); err != nil {
		return s.toSignIn(c, err)
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("twofactor.signin.heading")}, views.TwoFactorCodePage(views.TwoFactorCode{}))
}

// twoFactorCodeSubmit checks the code and, when it is good, starts the
// session. Too many wrong codes end the half sign-in.
func (s *Server) twoFactorCodeSubmit(c *fiber.Ctx) error {
	u, h, err := s.pendingAccount(c, false)
	if err != nil {
		return s.toSignIn(c, err)
	}
	checked, err := s.svc.SecondFactor(c.UserContext(), u.ID, c.FormValue("code"), c.IP())
	if err != nil {
		e, ok := apperr.As(err)
		if !ok || e.Fields["code"] == "" {
			return err
		}
		s.log.Warn("second step refused", "user", u.ID, "address", c.IP())
		if s.countCodeTry(c) >= maxCodeTries {
			if err := s.dropSession(c); err != nil {
				return err
			}
			return redirect(c, withNotice("/login", "code_tries"))
		}
		return s.renderPage(c, e.Status, views.Page{Title: s.translator(c).Get("twofactor.signin.heading")},
			views.TwoFactorCodePage(views.TwoFactorCode{Error: e.Fields["code"]}))
	}
	return s.completeSignIn(c, checked, h.next)
}

// countCodeTry counts a wrong code of the half sign-in and returns how
// many there were.
func (s *Server) countCodeTry(c *fiber.Ctx) int {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return maxCodeTries
	}
	n, _ := sess.Get(sessionCodeTries).(int)
	n++
	sess.Set(sessionCodeTries, n)
	if err := sess.Save(); err != nil {
		return maxCodeTries
	}
	return n
}

// dropSession ends the request's session, whatever state it is in, and
// lets the browser forget its cookie.
func (s *Server) dropSession(c *fiber.Ctx) error {
	sess, err := s.sessions.Get(c)
	if err != nil {
		return err
	}
	return sess.Destroy()
}

// twoFactorSetupForm sets up two-factor as part of signing in, for an
// account that needs it and has none: nothing else opens before it.
func (s *Server) twoFactorSetupForm(c *fiber.Ctx) error {
	u, _, err := s.pendingAccount(c, true)
	if err != nil {
		return s.toSignIn(c, err)
	}
	return s.renderTwoFactorSetup(c, http.StatusOK, u, "/login/two-factor/setup", "", true)
}

// twoFactorSetupSubmit confirms the set-up during sign-in with a code,
// starts the session and shows the recovery codes once.
func (s *Server) twoFactorSetupSubmit(c *fiber.Ctx) error {
	u, h, err := s.pendingAccount(c, true)
	if err != nil {
		return s.toSignIn(c, err)
	}
	codes, err := s.svc.ConfirmTwoFactor(c.UserContext(), u, c.FormValue("code"))
	if e, ok := apperr.As(err); ok && e.Fields["code"] != "" {
		return s.renderTwoFactorSetup(c, e.Status, u, "/login/two-factor/setup", e.Fields["code"], true)
	}
	if err != nil {
		return err
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	s.log.Info("signed in", "user", u.ID, "two_factor", "set up")
	next := h.next
	if next == "" {
		next = landing(u)
	}
	return s.renderRecoveryCodes(c, views.RecoveryCodes{Codes: codes, Next: next, Enabled: true})
}

// twoFactorLater lets a demo account in without two-factor, only while
// the server runs with the demo data; it is asked again at the next
// sign-in.
func (s *Server) twoFactorLater(c *fiber.Ctx) error {
	u, h, err := s.pendingAccount(c, true)
	if err != nil {
		return s.toSignIn(c, err)
	}
	if !s.svc.MayPutOffTwoFactor(u) {
		return apperr.Forbidden()
	}
	return s.completeSignIn(c, u, h.next)
}

// renderTwoFactorSetup shows the QR code and secret being set up for u,
// with the form that confirms it at action.
func (s *Server) renderTwoFactorSetup(c *fiber.Ctx, status int, u *model.User, action, codeError string, atSignIn bool) error {
	key, err := s.svc.BeginTwoFactor(c.UserContext(), u)
	if err != nil {
		return err
	}
	qr, err := qrDataURI(key.URL)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	d := views.TwoFactorSetup{
		QR: qr, Secret: key.Secret, Action: action, Error: codeError,
		Required: s.svc.TwoFactorRequired(u), AtSignIn: atSignIn,
		MayPutOff: atSignIn && s.svc.MayPutOffTwoFactor(u),
	}
	return s.renderPage(c, status, views.Page{Title: s.translator(c).Get("twofactor.setup.heading")}, views.TwoFactorSetupPage(d))
}

// renderRecoveryCodes shows new recovery codes, this once.
func (s *Server) renderRecoveryCodes(c *fiber.Ctx, d views.RecoveryCodes) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.renderPage(c, http.StatusOK, views.Page{Title: s.translator(c).Get("twofactor.codes.heading")}, views.RecoveryCodesPage(d))
}

// qrDataURI draws the otpauth:// address as a QR code, a PNG in a data:
// URI for the page's img (the content security policy allows data:
// images).
func qrDataURI(otpauth string) (string, error) {
	key, err := otp.NewKeyFromURL(otpauth)
	if err != nil {
		return "", err
	}
	img, err := key.Image(200, 200)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}
