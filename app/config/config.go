// Package config reads Schakel's configuration from the environment, with a
// flag of the same meaning for each variable; a flag wins over the variable.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
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
	// LoginAttempts is how many failed sign-ins one account or one address
	// may make within LoginWindow.
	LoginAttempts int
	// LoginWindow is the period over which failed sign-ins are counted.
	LoginWindow time.Duration
	// DebugAddr, when set, serves Go's profiler (net/http/pprof) on a
	// separate address, for measuring; keep it on loopback.
	DebugAddr string
	// CaseRetention is how many days after a meeting its case notes are
	// purged.
	CaseRetention int
	// InvitationDays is how many days an invitation's link works.
	InvitationDays int
}

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
	var lifetime, attempts, window, retention, invitationDays string
	settings := []setting{
		{"SCHAKEL_ADDR", "addr", ":8080", "listen address", &c.Addr},
		{"SCHAKEL_DATABASE_URL", "database-url", "", "postgres://… for PostgreSQL; empty for SQLite under the data directory", &c.DatabaseURL},
		{"SCHAKEL_DATA_DIR", "data-dir", "./data", "directory for the SQLite database and the secret key", &c.DataDir},
		{"SCHAKEL_BASE_URL", "base-url", "", "public URL, such as https://schakel.example.org (default http://localhost and the port of addr)", &c.BaseURL},
		{"SCHAKEL_SECRET_KEY", "secret-key", "", "secret key (default: generated and kept in the data directory)", &c.SecretKey},
		{"SCHAKEL_SESSION_LIFETIME", "session-lifetime", "12h", "how long an unused session lasts", &lifetime},
		{"SCHAKEL_LOG_LEVEL", "log-level", "info", "debug, info, warn or error", &c.LogLevel},
		{"SCHAKEL_LOGIN_ATTEMPTS", "login-attempts", "5", "failed sign-ins allowed per account and per address within the login window", &attempts},
		{"SCHAKEL_LOGIN_WINDOW", "login-window", "15m", "period over which failed sign-ins are counted", &window},
		{"SCHAKEL_CASE_RETENTION_DAYS", "case-retention-days", "30", "days after a meeting that its case notes are purged", &retention},
		{"SCHAKEL_INVITATION_DAYS", "invitation-days", "7", "days that the link of an invitation works", &invitationDays},
		{"SCHAKEL_DEBUG_ADDR", "debug-addr", "", "address for Go's profiler, such as 127.0.0.1:6060 (off when empty)", &c.DebugAddr},
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
		return c, fmt.Errorf("SCHAKEL_LOGIN_WINDOW %q is not a positive duration such as 15m", window)
	}
	if c.LoginAttempts, err = strconv.Atoi(attempts); err != nil || c.LoginAttempts < 1 {
		return c, fmt.Errorf("SCHAKEL_LOGIN_ATTEMPTS %q is not a positive whole number", attempts)
	}
	if c.CaseRetention, err = strconv.Atoi(retention); err != nil || c.CaseRetention < 0 || c.CaseRetention > 3650 {
		return c, fmt.Errorf("SCHAKEL_CASE_RETENTION_DAYS %q is not a number of days from 0 to 3650", retention)
	}
	if c.InvitationDays, err = strconv.Atoi(invitationDays); err != nil || c.InvitationDays < 1 || c.InvitationDays > 90 {
		return c, fmt.Errorf("SCHAKEL_INVITATION_DAYS %q is not a number of days from 1 to 90", invitationDays)
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
