package config_test

import (
	"flag"
	"io"
	"strings"
	"testing"

	"schakel/app/config"
)

func TestSMTPSettings(t *testing.T) {
	for _, tt := range []struct {
		name  string
		args  []string
		want  config.SMTP
		error string
	}{
		{"none: e-mail stays in the outbox", nil, config.SMTP{TLS: config.TLSStartTLS}, ""},
		{"a host alone: STARTTLS on 587, noreply at the public host",
			[]string{"--smtp-host", "smtp.havenstad.example", "--base-url", "https://schakel.havenstad.example"},
			config.SMTP{Host: "smtp.havenstad.example", Port: 587, TLS: config.TLSStartTLS, From: "Schakel <noreply@schakel.havenstad.example>"}, ""},
		{"implicit TLS on 465",
			[]string{"--smtp-host", "smtp.havenstad.example", "--smtp-tls", "tls", "--smtp-user", "schakel", "--smtp-password", "geheim", "--smtp-from", "Schakel Havenstad <schakel@havenstad.example>"},
			config.SMTP{Host: "smtp.havenstad.example", Port: 465, TLS: config.TLSImplicit, User: "schakel", Password: "geheim", From: "Schakel Havenstad <schakel@havenstad.example>"}, ""},
		{"a mail catcher without TLS on its own port",
			[]string{"--smtp-host", "mail", "--smtp-tls", "none", "--smtp-port", "1025"},
			config.SMTP{Host: "mail", Port: 1025, TLS: config.TLSNone, From: "Schakel <noreply@localhost>"}, ""},
		{"a login without a server", []string{"--smtp-user", "schakel"}, config.SMTP{}, "SCHAKEL_SMTP_HOST is not"},
		{"an unknown TLS mode", []string{"--smtp-host", "mail", "--smtp-tls", "ssl"}, config.SMTP{}, "SCHAKEL_SMTP_TLS"},
		{"a port that is no port", []string{"--smtp-host", "mail", "--smtp-port", "70000"}, config.SMTP{}, "SCHAKEL_SMTP_PORT"},
		{"the port in the host", []string{"--smtp-host", "mail:25"}, config.SMTP{}, "SCHAKEL_SMTP_HOST"},
		{"a sender that is no address", []string{"--smtp-host", "mail", "--smtp-from", "Schakel"}, config.SMTP{}, "SCHAKEL_SMTP_FROM"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c, err := config.Load(fs, append([]string{"--data-dir", t.TempDir()}, tt.args...))
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("error %v, want one naming %s", err, tt.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.SMTP != tt.want {
				t.Fatalf("got %+v, want %+v", c.SMTP, tt.want)
			}
			if c.SMTP.Configured() != (tt.want.Host != "") {
				t.Fatal("Configured does not follow the host")
			}
		})
	}
}
