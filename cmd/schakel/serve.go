package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // served only on SCHAKEL_DEBUG_ADDR
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"

	"schakel/app/authz"
	"schakel/app/config"
	"schakel/app/demo"
	"schakel/app/i18n"
	"schakel/app/live"
	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/web"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	withDemo := fs.Bool("demo", false, "seed the demo data when the database has no accounts yet")
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if *withDemo {
		n, err := db.NewSelect().Model((*model.User)(nil)).Count(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			if err := demo.Seed(ctx, db, password.Default); err != nil {
				return fmt.Errorf("demo data: %w", err)
			}
			log.Info("demo data seeded")
		}
	}
	az, err := authz.New(db)
	if err != nil {
		return err
	}
	msgs, err := i18n.Load()
	if err != nil {
		return err
	}
	events, err := live.NewEvents(ctx, db, log)
	if err != nil {
		return fmt.Errorf("live updates: %w", err)
	}
	cfg.Demo = *withDemo
	sessions := store.NewSessionStorage(db, cfg.SecretKey)
	svc := service.New(db, az, events.Publisher())
	svc.Sessions, svc.Secret, svc.Messages, svc.Demo = sessions, []byte(cfg.SecretKey), msgs, cfg.Demo
	svc.SignInLimits = service.NewSignInLimits(db, cfg.SecretKey, service.SignInPolicyFor(cfg.LoginAttempts, cfg.LoginWindow))
	svc.BaseURL, svc.InvitationLifetime = cfg.BaseURL, time.Duration(cfg.InvitationDays)*24*time.Hour
	registry := prometheus.NewRegistry()
	hub := events.NewHub(live.HubDeps{Service: svc, Authz: az, Messages: msgs, Logger: log, Registry: registry, Sessions: sessions})
	srv, err := web.New(web.Deps{
		Config: cfg, DB: db, Service: svc, Authz: az, Messages: msgs, Logger: log, Registry: registry,
		Sessions: sessions, Hub: hub,
	})
	if err != nil {
		return err
	}
	// Live updates stop with ctx: open websockets are told the server is
	// restarting, and their pages reconnect to whichever instance answers.
	if err := events.Start(ctx, hub); err != nil {
		return fmt.Errorf("live updates: %w", err)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	if cfg.DebugAddr != "" {
		go func() {
			log.Info("profiler listening", "addr", cfg.DebugAddr)
			srv := &http.Server{Addr: cfg.DebugAddr, ReadHeaderTimeout: 5 * time.Second}
			if err := srv.ListenAndServe(); err != nil {
				log.Warn("profiler", "err", err)
			}
		}()
	}
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("metrics address: %w", err)
		}
		ms := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 5 * time.Second}
		defer ms.Close()
		log.Info("metrics listening", "addr", mln.Addr().String(), "token", cfg.MetricsToken != "")
		go func() {
			if err := ms.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Warn("metrics", "err", err)
			}
		}()
	}
	senderDone, err := startMail(ctx, svc.Mail, cfg, log)
	if err != nil {
		return err
	}
	go purgeSessions(ctx, db, svc.SignInLimits, log)
	go purgeCase(ctx, svc, cfg.CaseRetention, log)
	go reloadRules(ctx, az, log)

	fmt.Fprintf(stdout, "\nSchakel is running at %s\n", cfg.BaseURL)
	if !cfg.SMTP.Configured() {
		fmt.Fprintf(stdout, "E-mail is not sent (no SCHAKEL_SMTP_HOST): administrators read it at %s/admin/outbox\n", cfg.BaseURL)
	}
	if *withDemo {
		fmt.Fprintf(stdout, "\nDemo accounts (password %q):\n", demo.Password)
		for _, l := range demo.Logins {
			fmt.Fprintf(stdout, "  %-52s %s\n", l.Email, l.Role)
		}
	}
	fmt.Fprintln(stdout, "\nStop with Ctrl+C.")

	errc := make(chan error, 1)
	go func() { errc <- srv.App.Listener(web.Listener(ln)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	if err := srv.App.ShutdownWithTimeout(10 * time.Second); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, net.ErrClosed) {
		return err
	}
	<-senderDone
	return nil
}

// startMail starts delivering e-mail when a mail server is configured, and
// says in the log that it is not when none is. The channel closes once the
// sender has stopped, after ctx ends.
func startMail(ctx context.Context, outbox *mail.Outbox, cfg config.Config, log *slog.Logger) (<-chan struct{}, error) {
	done := make(chan struct{})
	if !cfg.SMTP.Configured() {
		log.Warn("no mail server configured (SCHAKEL_SMTP_HOST): e-mail is not sent but kept in the development outbox, which administrators see at /admin/outbox")
		close(done)
		return done, nil
	}
	sender, err := mail.NewSender(outbox, cfg.SMTP, log)
	if err != nil {
		return nil, err
	}
	log.Info("e-mail is sent through the mail server", "host", cfg.SMTP.Host, "port", cfg.SMTP.Port, "tls", cfg.SMTP.TLS, "from", cfg.SMTP.From)
	go func() {
		sender.Run(ctx)
		close(done)
	}()
	return done, nil
}

// openMigrated opens the configured database and brings its schema up to date.
func openMigrated(ctx context.Context, cfg config.Config, log *slog.Logger) (*bun.DB, error) {
	db, err := store.Open(cfg.DatabaseURL, cfg.SQLitePath())
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database: %w", err)
	}
	applied, err := store.Migrate(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrated", "applied", applied)
	}
	return db, nil
}

// purgeSessions removes expired sessions, and counts of failed sign-ins
// that no longer count, every quarter of an hour.
func purgeSessions(ctx context.Context, db *bun.DB, limits *service.SignInLimits, log *slog.Logger) {
	t := time.NewTicker(15 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := store.PurgeExpiredSessions(ctx, db); err != nil {
				log.Warn("purge sessions", "err", err)
			} else if n > 0 {
				log.Info("purged expired sessions", "count", n)
			}
			if _, err := limits.Purge(ctx); err != nil {
				log.Warn("purge sign-in counts", "err", err)
			}
		}
	}
}

// purgeCase empties the case notes of meetings older than the retention
// period: at start and then every hour.
func purgeCase(ctx context.Context, svc *service.Service, days int, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := svc.PurgeCase(ctx, time.Now(), days); err != nil {
			log.Warn("purge case notes", "err", err)
		} else if n > 0 {
			log.Info("purged case notes", "items", n, "retention_days", days)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// reloadRules re-reads the role rules every minute. Changes on another
// instance normally arrive at once as a "rules" event; this catches one
// missed while the database connection was down.
func reloadRules(ctx context.Context, az *authz.Authorizer, log *slog.Logger) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := az.Reload(); err != nil {
				log.Warn("reload authorization rules", "err", err)
			}
		}
	}
}
