package testkit

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"schakel/app/authz"
	"schakel/app/config"
	"schakel/app/i18n"
	"schakel/app/live"
	"schakel/app/mail"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/web"
)

// serve starts a server on ln over the environment's database and data
// directory (so that its secret key, and with it every session, survives a
// restart), and stops it when the test ends unless Stop did so first.
func (e *Env) serve(t testing.TB, ln net.Listener) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	cfg, err := config.Load(fs, []string{"--data-dir", e.dataDir, "--addr", e.addr, "--base-url", "http://" + e.addr})
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	// The server runs over the demo data, as serve --demo does.
	cfg.Demo = true
	for _, f := range e.tune {
		f(&cfg)
	}
	az, err := authz.New(e.DB)
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	msgs, err := i18n.Load()
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(&e.logs, nil))
	liveCtx, stopLive := context.WithCancel(context.Background())
	events, err := live.NewEvents(liveCtx, e.DB, logger)
	if err != nil {
		stopLive()
		ln.Close()
		t.Fatal(err)
	}
	sessions := store.NewSessionStorage(e.DB, cfg.SecretKey)
	svc := service.New(e.DB, az, events.Publisher())
	svc.Hashing = FastHashing
	svc.Sessions, svc.Secret, svc.Messages, svc.Demo = sessions, []byte(cfg.SecretKey), msgs, cfg.Demo
	svc.SignInLimits = service.NewSignInLimits(e.DB, cfg.SecretKey, service.SignInPolicyFor(cfg.LoginAttempts, cfg.LoginWindow))
	svc.SignInLimits.Now = e.now
	svc.BaseURL, svc.InvitationLifetime = cfg.BaseURL, time.Duration(cfg.InvitationDays)*24*time.Hour
	registry := prometheus.NewRegistry()
	hub := events.NewHub(live.HubDeps{Service: svc, Authz: az, Messages: msgs, Logger: logger, Registry: registry, Sessions: sessions})
	srv, err := web.New(web.Deps{
		Config: cfg, DB: e.DB, Service: svc, Authz: az, Messages: msgs, Logger: logger, Registry: registry,
		Sessions: sessions, Hub: hub,
	})
	if err != nil {
		stopLive()
		ln.Close()
		t.Fatal(err)
	}
	if err := events.Start(liveCtx, hub); err != nil {
		stopLive()
		ln.Close()
		t.Fatalf("live updates: %v", err)
	}
	var metricsServer *http.Server
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			stopLive()
			ln.Close()
			t.Fatalf("metrics address: %v", err)
		}
		metricsServer = &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 5 * time.Second}
		go metricsServer.Serve(mln)
		e.MetricsURL = "http://" + mln.Addr().String() + "/metrics"
	}
	// The sender runs when a mail server is configured (SMTPServer.Configure),
	// as in serve.go; otherwise messages stay in the outbox.
	var sender *mail.Sender
	senderDone := make(chan struct{})
	if cfg.SMTP.Configured() {
		if sender, err = mail.NewSender(svc.Mail, cfg.SMTP, logger); err != nil {
			stopLive()
			ln.Close()
			t.Fatal(err)
		}
		go func() { sender.Run(liveCtx); close(senderDone) }()
	} else {
		close(senderDone)
	}
	tl := newListener(web.Listener(ln))
	done := make(chan error, 1)
	go func() { done <- srv.App.Listener(tl) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			stopLive()
			if metricsServer != nil {
				metricsServer.Close()
			}
			<-senderDone
			shutDown := make(chan struct{})
			go tl.closeUnusedUntil(shutDown)
			err := srv.App.ShutdownWithTimeout(5 * time.Second)
			close(shutDown)
			if err != nil {
				t.Errorf("shutdown: %v", err)
			}
			// A server shut down before it began to serve would serve on:
			// closing the listener ends it either way.
			ln.Close()
			select {
			case err := <-done:
				if err != nil && !errors.Is(err, net.ErrClosed) {
					t.Errorf("serve: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Error("server did not stop")
			}
		})
	}
	t.Cleanup(stop)
	e.Authz, e.Svc, e.Server, e.Config, e.Mail, e.stop = az, svc, srv, cfg, sender, stop
}

// Stop shuts the server down, closing its live connections as a restart
// does; the database stays. Svc still works, for changes made while no
// server runs.
func (e *Env) Stop(t testing.TB) {
	t.Helper()
	if e.stop != nil {
		e.stop()
		e.stop = nil
	}
}

// Restart stops the server, if it runs, and starts a new one on the same
// address over the same database and secret key, as a redeploy does:
// sessions stay valid and pages may reconnect.
func (e *Env) Restart(t testing.TB) {
	t.Helper()
	e.Stop(t)
	var ln net.Listener
	var err error
	// The old listener's port is free at once on Linux; elsewhere it may
	// take a moment.
	for deadline := time.Now().Add(5 * time.Second); ; {
		if ln, err = net.Listen("tcp", e.addr); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("listen again on %s: %v", e.addr, err)
	}
	e.serve(t, ln)
}
