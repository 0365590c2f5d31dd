package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// auditLockKey names the PostgreSQL advisory lock that appends to the audit
// log take in turn ("Schakel audit" in ASCII, as a number).
const auditLockKey int64 = 0x536368616b656c41

// auditTime is how a line's time is written into its hash: UTC, to the
// microsecond, which both databases keep exactly.
const auditTime = "2006-01-02T15:04:05.000000Z07:00"

// AuditHash is the hash an audit line must carry: SHA-256, in hex, over a
// version tag and then the line's id, time, user, workspace, event, object,
// object id, detail and the hash of the line before it, each written as its
// length in bytes, a colon, its bytes and a newline, so that no two lines
// share an encoding. Every line ever written is checked against this
// encoding: a change of it is a new version tag, never an edit. The
// migration that chained the lines written before the chain existed keeps
// a frozen copy.
func AuditHash(e *model.AuditEntry) string {
	h := sha256.New()
	_, _ = io.WriteString(h, "schakel-audit-v1\n")
	for _, f := range []string{
		strconv.FormatInt(e.ID, 10),
		e.At.UTC().Format(auditTime),
		optionalID(e.UserID),
		optionalID(e.WorkspaceID),
		e.Event,
		e.Object,
		strconv.FormatInt(e.ObjectID, 10),
		e.Detail,
		e.PrevHash,
	} {
		_, _ = fmt.Fprintf(h, "%d:%s\n", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// optionalID writes an optional id: "" for none, which no id is.
func optionalID(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

// appendAudit adds e to the end of the chain inside tx. On PostgreSQL the
// appends of all transactions take an advisory lock in turn, held until tx
// ends, so that each reads the line committed last; SQLite has one
// connection and so one writer. A unique index on prev_hash refuses a
// second line after the same one, should anything slip past the lock.
func appendAudit(ctx context.Context, tx bun.Tx, e *model.AuditEntry) error {
	pg := IsPostgres(tx)
	if pg {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", auditLockKey); err != nil {
			return fmt.Errorf("audit lock: %w", err)
		}
	}
	var last model.AuditEntry
	err := tx.NewSelect().Model(&last).Column("id", "hash").OrderExpr("id DESC").Limit(1).Scan(ctx)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("audit chain end: %w", err)
	}
	// The id is part of the hash, so it is taken before the insert.
	if pg {
		err := tx.QueryRowContext(ctx, "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").Scan(&e.ID)
		if err != nil {
			return fmt.Errorf("audit id: %w", err)
		}
	} else {
		e.ID = last.ID + 1
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.PrevHash = last.Hash
	e.Hash = AuditHash(e)
	_, err = tx.NewInsert().Model(e).Exec(ctx)
	return err
}

// AuditBreak is the first line at which the chain does not hold.
type AuditBreak struct {
	Entry model.AuditEntry
	// Changed says that the line's own fields no longer give its hash: it
	// was changed after it was written. Otherwise the line does not follow
	// on the line before it (Previous, nil when it is the first): a line
	// between them was removed, or the line before was rewritten together
	// with its hash.
	Changed  bool
	Previous *model.AuditEntry
}

// AuditChain is what walking the audit log found.
type AuditChain struct {
	// Entries is how many lines were checked, up to a break.
	Entries int
	// Last is the last line checked, nil for an empty log. Its hash stands
	// for the whole log up to it: kept elsewhere, it shows later whether
	// the log was rewritten or cut short.
	Last *model.AuditEntry
	// Break is where the chain breaks, nil when it holds.
	Break *AuditBreak
}

// VerifyAuditChain walks the audit log in id order and checks every line:
// its fields must give its hash, and it must name the hash of the line
// before it. It stops at the first line that fails.
func VerifyAuditChain(ctx context.Context, db bun.IDB) (AuditChain, error) {
	const batch = 1000
	var chain AuditChain
	var prev *model.AuditEntry
	var after int64
	for {
		var lines []model.AuditEntry
		err := db.NewSelect().Model(&lines).Where("id > ?", after).OrderExpr("id ASC").Limit(batch).Scan(ctx)
		if err != nil {
			return chain, fmt.Errorf("read the audit log: %w", err)
		}
		for i := range lines {
			e := &lines[i]
			want := ""
			if prev != nil {
				want = prev.Hash
			}
			switch {
			case e.PrevHash != want:
				chain.Break = &AuditBreak{Entry: *e, Previous: prev}
			case AuditHash(e) != e.Hash:
				chain.Break = &AuditBreak{Entry: *e, Changed: true, Previous: prev}
			}
			if chain.Break != nil {
				return chain, nil
			}
			chain.Entries++
			line := *e
			prev, chain.Last = &line, &line
		}
		if len(lines) < batch {
			return chain, nil
		}
		after = lines[len(lines)-1].ID
	}
}

// AuditEntry loads one audit line by id.
func AuditEntry(ctx context.Context, db bun.IDB, id int64) (*model.AuditEntry, error) {
	e := new(model.AuditEntry)
	err := db.NewSelect().Model(e).Where("id = ?", id).Scan(ctx)
	return e, notFound(err)
}
