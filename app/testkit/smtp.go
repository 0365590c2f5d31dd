package testkit

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	netmail "net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"schakel/app/config"
)

// SMTPServer is a real mail server on a loopback port that keeps what it
// receives, for tests of delivery. Down and Up stop and restart it on the
// same port, as a mail server that goes away and comes back.
type SMTPServer struct {
	addr string
	port int

	mu       sync.Mutex
	srv      *smtp.Server
	ln       net.Listener
	received []Mail
	refused  map[string]bool
	// arrived is signalled when a message comes in.
	arrived chan struct{}
}

// Mail is one message as the mail server received it.
type Mail struct {
	// From and To are the envelope's sender and recipients.
	From string
	To   []string
	// Header is the message's header; Subject is decoded.
	Header  netmail.Header
	Subject string
	// ContentType is the media type of the whole message, such as
	// multipart/alternative; Parts lists the media types of its parts in
	// order, and Text and HTML are the decoded bodies.
	ContentType string
	Parts       []string
	Text, HTML  string
}

// StartSMTP starts a mail server that runs until the test ends.
func StartSMTP(t testing.TB) *SMTPServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &SMTPServer{addr: ln.Addr().String(), port: ln.Addr().(*net.TCPAddr).Port, refused: map[string]bool{}, arrived: make(chan struct{}, 1)}
	s.serve(ln)
	t.Cleanup(func() { s.Down(t) })
	return s
}

// Configure is a tune for Start: the server sends its e-mail here.
func (s *SMTPServer) Configure(c *config.Config) {
	c.SMTP = config.SMTP{Host: "127.0.0.1", Port: s.port, TLS: config.TLSNone, From: "Schakel <noreply@schakel.test>"}
}

// Down stops the server: connections are refused until Up.
func (s *SMTPServer) Down(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	srv, ln := s.srv, s.ln
	s.srv, s.ln = nil, nil
	s.mu.Unlock()
	if srv == nil {
		return
	}
	// The listener is closed here, not only by the server: Serve may not
	// have taken it up yet.
	ln.Close()
	if err := srv.Close(); err != nil && !errors.Is(err, smtp.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		t.Errorf("stop mail server: %v", err)
	}
}

// Up starts the server again on its port.
func (s *SMTPServer) Up(t testing.TB) {
	t.Helper()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		t.Fatalf("mail server on %s again: %v", s.addr, err)
	}
	s.serve(ln)
}

// Refuse makes the server refuse an address for good (550), as for a
// mailbox that does not exist.
func (s *SMTPServer) Refuse(address string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refused[strings.ToLower(address)] = true
}

func (s *SMTPServer) serve(ln net.Listener) {
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &smtpSession{s: s}, nil }))
	srv.Domain = "mail.schakel.test"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	s.mu.Lock()
	s.srv, s.ln = srv, ln
	s.mu.Unlock()
	go srv.Serve(ln) //nolint:errcheck // ends with Down
}

// Received returns the messages received so far, in order.
func (s *SMTPServer) Received() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.received...)
}

// WaitFor waits until n messages have been received in all and returns
// them; it fails the test if they do not come within ten seconds.
func (s *SMTPServer) WaitFor(t testing.TB, n int) []Mail {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		if got := s.Received(); len(got) >= n {
			return got
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("mail server received %d messages, want %d", len(s.Received()), n)
		}
	}
}

type smtpSession struct {
	s    *SMTPServer
	from string
	to   []string
}

func (c *smtpSession) Mail(from string, _ *smtp.MailOptions) error { c.from = from; return nil }

func (c *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	c.s.mu.Lock()
	refused := c.s.refused[strings.ToLower(to)]
	c.s.mu.Unlock()
	if refused {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"}
	}
	c.to = append(c.to, to)
	return nil
}

func (c *smtpSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := parseMail(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, Message: "unreadable message: " + err.Error()}
	}
	m.From, m.To = c.from, c.to
	c.s.mu.Lock()
	c.s.received = append(c.s.received, m)
	c.s.mu.Unlock()
	select {
	case c.s.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (c *smtpSession) Reset()        { c.from, c.to = "", nil }
func (c *smtpSession) Logout() error { return nil }

// parseMail reads a message as a mail client does.
func parseMail(raw []byte) (Mail, error) {
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Mail{}, err
	}
	var m Mail
	m.Header = msg.Header
	if m.Subject, err = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return m, err
	}
	ct, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return m, err
	}
	m.ContentType = ct
	if !strings.HasPrefix(ct, "multipart/") {
		body, err := decodeBody(msg.Body, msg.Header.Get("Content-Transfer-Encoding"))
		m.Parts, m.Text = []string{ct}, body
		return m, err
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return m, err
		}
		pt, _, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil {
			return m, err
		}
		body, err := decodeBody(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return m, err
		}
		m.Parts = append(m.Parts, pt)
		switch pt {
		case "text/plain":
			m.Text = body
		case "text/html":
			m.HTML = body
		}
	}
}

// decodeBody undoes base64; quoted-printable parts come decoded already.
func decodeBody(r io.Reader, encoding string) (string, error) {
	if strings.EqualFold(encoding, "base64") {
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

// Port is the port the server listens on.
func (s *SMTPServer) Port() string { return strconv.Itoa(s.port) }
