package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/service"
	"schakel/app/store"
)

func migrateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "database is up to date")
	return db.Close()
}

func seedCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	withDemo := fs.Bool("demo", false, "add the fictional demo data")
	bench := fs.Int("programme-bench", 0, "with --demo, also add this many benchmark workspaces with 60 actions and 12 meetings each (342: every Dutch municipality; docs/benchmarks.md)")
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	if !*withDemo {
		return errors.New("say what to seed: schakel seed --demo")
	}
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := demo.Seed(ctx, db, password.Default); err != nil {
		return err
	}
	if *bench > 0 {
		if err := demo.SeedProgrammeBench(ctx, db, *bench, password.Default); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d benchmark workspaces are in place\n", *bench)
	}
	fmt.Fprintf(stdout, "demo data is in place; every demo account has the password %q\n", demo.Password)
	return nil
}

func userCreate(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address (required)")
	name := fs.String("name", "", "full name (required)")
	orgName := fs.String("organisation", "", "name of the account's organisation; created as a platform organisation when it does not exist (required)")
	admin := fs.Bool("admin", false, "make the account an administrator")
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	if *email == "" || *name == "" || *orgName == "" {
		return errors.New("--email, --name and --organisation are required")
	}
	fmt.Fprint(stderr, "Password (at least 12 characters), then Enter: ")
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	pw := strings.TrimRight(line, "\r\n")

	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	az, err := authz.New(db)
	if err != nil {
		return err
	}
	svc := service.New(db, az, nil)
	org, err := store.OrganisationByName(ctx, db, strings.TrimSpace(*orgName))
	if errors.Is(err, store.ErrNotFound) {
		org, err = svc.CreateOrganisation(ctx, nil, service.OrganisationInput{Name: *orgName, Kind: model.OrgPlatform})
	}
	if err != nil {
		return describe(err)
	}
	role := model.PlatformNone
	if *admin {
		role = model.PlatformAdministrator
	}
	u, err := svc.CreateAccount(ctx, nil, service.AccountInput{
		Name: *name, Email: *email, OrganisationID: org.ID, PlatformRole: role, Password: pw,
	})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "account %d created for %s\n", u.ID, u.Email)
	return nil
}

// describe spells out a validation error for the terminal.
func describe(err error) error {
	e, ok := apperr.As(err)
	if !ok || e.Fields == nil {
		return err
	}
	var parts []string
	for field, msg := range e.Fields {
		parts = append(parts, field+": "+msg)
	}
	return fmt.Errorf("not created: %s", strings.Join(parts, "; "))
}

func health(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("health", flag.ContinueOnError)
	url := fs.String("url", "http://127.0.0.1:8080/readyz", "address to check")
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", *url, resp.Status)
	}
	fmt.Fprintln(stdout, "ok")
	return nil
}
