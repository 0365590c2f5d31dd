// Command schakel runs Schakel: the web server and its maintenance commands.
//
//	schakel serve [--demo]            start the web server (migrates first)
//	schakel migrate                   bring the database schema up to date
//	schakel seed --demo               add the fictional demo data
//	schakel user create [--admin]     create an account
//	schakel audit verify              check the audit log's hash chain
//	schakel health                    check a running server (for containers)
//
// Every command takes the configuration flags; see schakel serve -h.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"schakel/app/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "schakel:", err)
		}
		os.Exit(1)
	}
}

const usage = `Usage: schakel <command> [flags]

Commands:
  serve [--demo]          start the web server (migrates the database first;
                          --demo seeds the demo data into an empty database)
  migrate                 bring the database schema up to date
  seed --demo             add whatever of the fictional demo data is missing
  user create [--admin]   create an account (asks for the password on stdin)
  audit verify            check that the audit log's hash chain holds (exit 0)
                          or name the first entry changed or removed (exit 1)
  health                  check that a running server answers (exit 0 or 1)

Run "schakel <command> -h" for the flags of a command.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, stdout, stderr)
	case "migrate":
		return migrateCmd(ctx, rest, stdout, stderr)
	case "seed":
		return seedCmd(ctx, rest, stdout, stderr)
	case "user":
		if len(rest) == 0 || rest[0] != "create" {
			return errors.New(`usage: schakel user create --email … --name … --organisation … [--admin]`)
		}
		return userCreate(ctx, rest[1:], stdin, stdout, stderr)
	case "audit":
		return auditCmd(ctx, rest, stdout, stderr)
	case "health":
		return health(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

// setup reads the configuration of a command with its own extra flags
// already defined on fs.
func setup(fs *flag.FlagSet, args []string, stderr io.Writer) (config.Config, *slog.Logger, error) {
	fs.SetOutput(stderr)
	cfg, err := config.Load(fs, args)
	if err != nil {
		return cfg, nil, err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return cfg, nil, fmt.Errorf("SCHAKEL_LOG_LEVEL: %w", err)
	}
	return cfg, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})), nil
}
