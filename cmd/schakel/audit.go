package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// auditCmd runs the audit subcommands: for now "verify".
func auditCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: schakel audit verify [--anchor ID:HASH]")
	}
	return auditVerify(ctx, args[1:], stdout, stderr)
}

// auditVerify walks the audit log's hash chain and says whether it holds.
// A broken chain is an error (exit status 1) that names the first line
// that fails. It reads only: the database must be migrated already.
func auditVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	anchor := fs.String("anchor", "", "ID:HASH of a line as an earlier check printed it; the check fails unless that line still has that hash")
	cfg, _, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	var anchorID int64
	var anchorHash string
	if *anchor != "" {
		id, hash, ok := strings.Cut(*anchor, ":")
		if anchorID, err = strconv.ParseInt(id, 10, 64); !ok || err != nil || anchorID <= 0 || len(hash) != 64 {
			return fmt.Errorf("--anchor %q is not ID:HASH as the last check printed it", *anchor)
		}
		anchorHash = strings.ToLower(hash)
	}
	db, err := store.Open(cfg.DatabaseURL, cfg.SQLitePath())
	if err != nil {
		return err
	}
	defer db.Close()
	chain, err := store.VerifyAuditChain(ctx, db)
	if err != nil {
		return fmt.Errorf("%w (is the database migrated? schakel migrate brings it up to date)", err)
	}
	if b := chain.Break; b != nil {
		return fmt.Errorf("the audit log is broken at entry %s: %s; the %d entries before it hold", describeLine(&b.Entry), breakReason(b), chain.Entries)
	}
	if chain.Last == nil {
		if anchorID != 0 {
			return fmt.Errorf("the audit log is empty, but entry %d was in it: the log was emptied", anchorID)
		}
		fmt.Fprintln(stdout, "the audit log is empty")
		return nil
	}
	if anchorID != 0 {
		if err := checkAnchor(ctx, chain, db, anchorID, anchorHash); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "the audit log holds: %d entries, each following on the one before\n", chain.Entries)
	fmt.Fprintf(stdout, "last entry %s\n", describeLine(chain.Last))
	fmt.Fprintf(stdout, "anchor for the next check: %d:%s\n", chain.Last.ID, chain.Last.Hash)
	if anchorID != 0 {
		fmt.Fprintf(stdout, "entry %d still has the hash it had at the earlier check\n", anchorID)
	}
	return nil
}

// checkAnchor makes sure the line an earlier check ended at is still in
// the chain, with the same hash: the chain alone cannot show a log that
// was cut short or rewritten from some line on with fresh hashes.
func checkAnchor(ctx context.Context, chain store.AuditChain, db bun.IDB, id int64, hash string) error {
	e, err := store.AuditEntry(ctx, db, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("the audit log no longer holds entry %d, which an earlier check ended at: the log was cut short (it ends at entry %d)", id, chain.Last.ID)
	}
	if err != nil {
		return err
	}
	if e.Hash != hash {
		return fmt.Errorf("entry %s no longer has the hash an earlier check found: the log was rewritten up to there", describeLine(e))
	}
	return nil
}

// describeLine names an audit line for the operator: id, time and event.
func describeLine(e *model.AuditEntry) string {
	return fmt.Sprintf("%d (%s, %s)", e.ID, e.At.UTC().Format(time.RFC3339), e.Event)
}

// breakReason says in words what a break means.
func breakReason(b *store.AuditBreak) string {
	switch {
	case b.Changed:
		return "its contents no longer give its hash, so it was changed after it was written"
	case b.Previous == nil:
		return "it is the first entry left but follows on another one, so the entries before it were removed"
	default:
		return fmt.Sprintf("it does not follow on entry %d before it, so an entry between them was removed, or entry %d was rewritten together with its hash",
			b.Previous.ID, b.Previous.ID)
	}
}
