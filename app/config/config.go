// Package config reads Schakel's configuration from the environment, with a
// flag of the same meaning for each variable; a flag wins over the variable.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is everything Schakel needs to know to start.
type Config struct {
	// Addr is the listen address, such as ":8080".
	Addr string
	// DatabaseURL selects the database: empty for SQLite under DataDir,
	// postgres://… for PostgreSQL.
	DatabaseURL string
	// DataDir holds the SQLite database and the generated secret key.
	DataDir string
	// BaseURL is the public URL, used for links and the websocket Origin check.
	BaseURL string
	// SecretKey signs what must not be forged; generated and kept in DataDir
	// when none is given.
	SecretKey string
	// SessionLifetime is how long a session lasts without use.
	SessionLifetime time.Duration
	// LogLevel is debug, info, warn or error.
	LogLevel string
	// LoginAttempts is how many failed sign-ins an account may have before
	// its next sign-in waits (an address may have four times as many);
	// each further failure doubles the wait, from 30 seconds up to 15
	// minutes. Nothing is ever locked.
	LoginAttempts int
	// LoginWindow is how long after its last failure an account's run of
	// failures is forgotten (a successful sign-in ends it at once).
	LoginWindow time.Duration
	// DebugAddr, when set, serves Go's profiler (net/http/pprof) on a
	// separate address, for measuring; keep it on loopback.
	DebugAddr string
	// ProxyHeader, when set, names the header in which a reverse proxy in
	// front of Schakel passes the client's address (such as X-Real-IP, set
	// by the proxy itself); it is believed only from TrustedProxies. The
	// sign-in limits count per client address, so behind a proxy without
	// it every sign-in would seem to come from the proxy.
	ProxyHeader string
	// TrustedProxies are the addresses or CIDR ranges of those proxies.
	TrustedProxies []string
	// MetricsAddr, when set, serves Prometheus's /metrics on a separate
	// address; the application's own address has no /metrics.
	MetricsAddr string
	// MetricsToken, when set, is the bearer token a scrape of /metrics must
	// carry.
	MetricsToken string
	// CaseRetention is how many days after a meeting its case notes are
	// purged.
	CaseRetention int
	// ContactEmail is where people ask for access, exercise their rights
	// over their data and report vulnerabilities; the front page, the
	// privacy statement and the security policy name it.
	ContactEmail string
	// InvitationDays is how many days an invitation's link works.
	InvitationDays int
	// SMTP is the mail server e-mail is sent through; without a host,
	// messages stay in the development outbox.
	SMTP SMTP
	// Demo says that the server runs with the demo data (serve --demo):
	// the demo accounts may then put off setting up two-factor.
	Demo bool
}

// SMTP says how to reach the mail server.
type SMTP struct {
	Host string
	Port int
	// User and Password log in to the server; no login when User is empty.
	User     string
	Password string
	// From is the sender of every message, such as
	// "Schakel <noreply@gemeente.example>".
	From string
	// TLS is TLSStartTLS, TLSImplicit or TLSNone.
	TLS string
}

// TLS modes of the connection to the mail server.
const (
	// TLSStartTLS upgrades the connection with STARTTLS and refuses a
	// server that does not offer it (port 587).
	TLSStartTLS = "starttls"
	// TLSImplicit speaks TLS from the first byte (port 465).
	TLSImplicit = "tls"
	// TLSNone sends in the clear: only for a mail catcher on the same
	// machine or network, never across the internet.
	TLSNone = "none"
)

// Configured reports whether e-mail is sent at all.
func (s SMTP) Configured() bool { return s.Host != "" }

// Secure reports whether Schakel is served over TLS, so that cookies must
// carry the Secure flag.
func (c Config) Secure() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// Postgres reports whether the database is PostgreSQL.
func (c Config) Postgres() bool {
	return strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://")
}

// SQLitePath is the SQLite database file used when DatabaseURL is empty.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "schakel.db") }

type setting struct {
	env, flag, def, usage string
	target                *string
}

// Load reads the environment and then the flags in args (without the program
// and subcommand names). It creates the data directory and the secret key
// file when they do not exist yet.
func Load(fs *flag.FlagSet, args []string) (Config, error) {
	var c Config
	var lifetime, attempts, window, retention, invitationDays, proxies, smtpPort string
	settings := []setting{
		{"SCHAKEL_ADDR", "addr", ":8080", "listen address", &c.Addr},
		{"SCHAKEL_DATABASE_URL", "database-url", "", "postgres://… for PostgreSQL; empty for SQLite under the data directory", &c.DatabaseURL},
		{"SCHAKEL_DATA_DIR", "data-dir", "./data", "directory for the SQLite database and the secret key", &c.DataDir},
		{"SCHAKEL_BASE_URL", "base-url", "", "public URL, such as https://schakel.example.org (default http://localhost and the port of addr)", &c.BaseURL},
		{"SCHAKEL_SECRET_KEY", "secret-key", "", "secret key (default: generated and kept in the data directory)", &c.SecretKey},
		{"SCHAKEL_SESSION_LIFETIME", "session-lifetime", "12h", "how long an unused session lasts", &lifetime},
		{"SCHAKEL_LOG_LEVEL", "log-level", "info", "debug, info, warn or error", &c.LogLevel},
		{"SCHAKEL_LOGIN_ATTEMPTS", "login-attempts", "5", "failed sign-ins of an account before its next sign-in waits (an address: four times as many)", &attempts},
		{"SCHAKEL_LOGIN_WINDOW", "login-window", "24h", "how long an account's failed sign-ins are remembered after the last one", &window},
		{"SCHAKEL_CASE_RETENTION_DAYS", "case-retention-days", "30", "days after a meeting that its case notes are purged", &retention},
		{"SCHAKEL_CONTACT_EMAIL", "contact-email", "contact@schakel.example", "address for access requests, privacy questions and security reports", &c.ContactEmail},
		{"SCHAKEL_INVITATION_DAYS", "invitation-days", "7", "days that the link of an invitation works", &invitationDays},
		{"SCHAKEL_DEBUG_ADDR", "debug-addr", "", "address for Go's profiler, such as 127.0.0.1:6060 (off when empty)", &c.DebugAddr},
		{"SCHAKEL_PROXY_HEADER", "proxy-header", "", "header in which a trusted reverse proxy passes the client's address, such as X-Real-IP (off when empty)", &c.ProxyHeader},
		{"SCHAKEL_TRUSTED_PROXIES", "trusted-proxies", "", "comma-separated addresses or CIDR ranges of the reverse proxies whose proxy header is believed", &proxies},
		{"SCHAKEL_METRICS_ADDR", "metrics-addr", "", "address that serves Prometheus's /metrics, such as 127.0.0.1:9090 (off when empty)", &c.MetricsAddr},
		{"SCHAKEL_METRICS_TOKEN", "metrics-token", "", "bearer token that a scrape of /metrics must carry (none when empty)", &c.MetricsToken},
		{"SCHAKEL_SMTP_HOST", "smtp-host", "", "mail server for outgoing e-mail (empty: messages are kept in the development outbox)", &c.SMTP.Host},
		{"SCHAKEL_SMTP_PORT", "smtp-port", "", "mail server port (default 587, or 465 with smtp-tls=tls, 25 with none)", &smtpPort},
		{"SCHAKEL_SMTP_USER", "smtp-user", "", "user name at the mail server (empty: no login)", &c.SMTP.User},
		{"SCHAKEL_SMTP_PASSWORD", "smtp-password", "", "password at the mail server; prefer the variable to the flag", &c.SMTP.Password},
		{"SCHAKEL_SMTP_FROM", "smtp-from", "", "sender of every message, such as \"Schakel <noreply@gemeente.example>\" (default noreply at the host of base-url)", &c.SMTP.From},
		{"SCHAKEL_SMTP_TLS", "smtp-tls", TLSStartTLS, "starttls, tls (implicit, port 465) or none (a local mail catcher only)", &c.SMTP.TLS},
	}
	for _, s := range settings {
		def := s.def
		if v, ok := os.LookupEnv(s.env); ok {
			def = v
		}
		fs.StringVar(s.target, s.flag, def, s.usage+" ("+s.env+")")
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.SessionLifetime, err = time.ParseDuration(lifetime); err != nil || c.SessionLifetime <= 0 {
		return c, fmt.Errorf("SCHAKEL_SESSION_LIFETIME %q is not a positive duration such as 12h", lifetime)
	}
	if c.LoginWindow, err = time.ParseDuration(window); err != nil || c.LoginWindow <= 0 {
		return c, fmt.Errorf("SCHAKEL_LOGIN_WINDOW %q is not a positive duration such as 24h", window)
	}
	if c.LoginAttempts, err = strconv.Atoi(attempts); err != nil || c.LoginAttempts < 1 {
		return c, fmt.Errorf("SCHAKEL_LOGIN_ATTEMPTS %q is not a positive whole number", attempts)
	}
	if c.CaseRetention, err = strconv.Atoi(retention); err != nil || c.CaseRetention < 0 || c.CaseRetention > 3650 {
		return c, fmt.Errorf("SCHAKEL_CASE_RETENTION_DAYS %q is not a number of days from 0 to 3650", retention)
	}
	if a, err := mail.ParseAddress(c.ContactEmail); err != nil || a.Address != c.ContactEmail {
		return c, fmt.Errorf("SCHAKEL_CONTACT_EMAIL %q is not a plain e-mail address such as contact@example.org", c.ContactEmail)
	}
	if c.InvitationDays, err = strconv.Atoi(invitationDays); err != nil || c.InvitationDays < 1 || c.InvitationDays > 90 {
		return c, fmt.Errorf("SCHAKEL_INVITATION_DAYS %q is not a number of days from 1 to 90", invitationDays)
	}
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.TrustedProxies = append(c.TrustedProxies, p)
		}
	}
	if c.ProxyHeader != "" && len(c.TrustedProxies) == 0 {
		return c, fmt.Errorf("SCHAKEL_PROXY_HEADER needs SCHAKEL_TRUSTED_PROXIES: a header from anyone else could name any address")
	}
	if c.DatabaseURL != "" && !c.Postgres() {
		return c, fmt.Errorf("SCHAKEL_DATABASE_URL must start with postgres:// (or be empty for SQLite)")
	}
	if c.BaseURL == "" {
		port := "8080"
		if i := strings.LastIndex(c.Addr, ":"); i >= 0 && c.Addr[i+1:] != "" {
			port = c.Addr[i+1:]
		}
		c.BaseURL = "http://localhost:" + port
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("SCHAKEL_BASE_URL %q is not an http(s) URL", c.BaseURL)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if err := c.SMTP.complete(smtpPort, u.Hostname()); err != nil {
		return c, err
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return c, fmt.Errorf("data directory: %w", err)
	}
	if c.SecretKey == "" {
		if c.SecretKey, err = loadOrCreateKey(filepath.Join(c.DataDir, "secret.key")); err != nil {
			return c, err
		}
	}
	return c, nil
}

// complete checks the mail server settings and fills in the port and the
// sender when they were left out.
func (s *SMTP) complete(port, baseHost string) error {
	if !s.Configured() {
		if s.User != "" || s.Password != "" || port != "" {
			return errors.New("SCHAKEL_SMTP_USER, _PASSWORD or _PORT is set but SCHAKEL_SMTP_HOST is not: name the mail server too, or leave all of them out")
		}
		return nil
	}
	if strings.ContainsAny(s.Host, ":/ ") {
		return fmt.Errorf("SCHAKEL_SMTP_HOST %q must be a host name alone, such as smtp.gemeente.example; the port goes in SCHAKEL_SMTP_PORT", s.Host)
	}
	defaults := map[string]int{TLSStartTLS: 587, TLSImplicit: 465, TLSNone: 25}
	def, ok := defaults[s.TLS]
	if !ok {
		return fmt.Errorf("SCHAKEL_SMTP_TLS %q is not one of starttls, tls or none", s.TLS)
	}
	s.Port = def
	if port != "" {
		p, err := strconv.Atoi(port)
		if err != nil || p < 1 || p > 65535 {
			return fmt.Errorf("SCHAKEL_SMTP_PORT %q is not a port number", port)
		}
		s.Port = p
	}
	if s.From == "" {
		s.From = "Schakel <noreply@" + baseHost + ">"
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		return fmt.Errorf("SCHAKEL_SMTP_FROM %q is not an e-mail address such as \"Schakel <noreply@gemeente.example>\"", s.From)
	}
	return nil
}

// loadOrCreateKey returns the key kept in path, writing a new random one
// there first if the file does not exist.
func loadOrCreateKey(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		if key := strings.TrimSpace(string(b)); len(key) >= 32 {
			return key, nil
		}
		return "", fmt.Errorf("secret key file %s is too short; remove it to have a new one made", path)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("secret key: %w", err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	key := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("secret key: %w", err)
	}
	return key, nil
}
