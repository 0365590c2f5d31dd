package service

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/uptrace/bun"

	"schakel/app/actioncsv"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// Limits of an import of progress.
const (
	// MaxImportBytes is the largest file an import reads. A plan's export
	// of sixty actions is about 15 kB; this leaves room for any plan and
	// stays well under the server's limit on a request (1 MiB), so that a
	// file that is too large is answered by the import, with its own
	// message. (The message names this size: "512 kB".)
	MaxImportBytes = 512 << 10
	// MaxImportRows is the most actions one import changes, all in one
	// transaction.
	MaxImportRows = 1000
)

// ActionImport is a CSV file of progress read against a plan: what it
// would change, or what stands in the way. Nothing is applied unless the
// whole file can be: no problems and no conflicts.
type ActionImport struct {
	Plan *model.Plan
	// Rows are the lines that change an action, in the file's order.
	Rows []ImportRow
	// Unchanged counts the lines that change nothing.
	Unchanged int
	// Conflicts are changes the file would make over someone else's
	// change of the same field since the file was downloaded.
	Conflicts []ImportConflict
	// Problems are what is wrong with the file, by line.
	Problems []actioncsv.Problem
	// Held are the lines whose new title the privacy guard holds back: a
	// certain identifier cannot be imported at all; probable ones wait
	// for the importer to confirm them with Confirmation, as a form's
	// warning does.
	Held         []ImportHeld
	Confirmation string
	// Applied says that the changes were saved.
	Applied bool
}

// ImportHeld is a line whose new title may identify someone.
type ImportHeld struct {
	Line     int
	Action   model.Action
	Findings []GuardFinding
	// Refused says that the title holds a certain identifier.
	Refused bool

	confirmation string
}

// Ready reports whether the import can be applied: it changes something,
// and nothing is wrong, in conflict or held back.
func (im *ActionImport) Ready() bool {
	return len(im.Rows) > 0 && len(im.Problems) == 0 && len(im.Conflicts) == 0 && len(im.Held) == 0
}

// Confirmable reports whether the import can be applied once the importer
// confirms that the titles the privacy guard held back identify nobody.
func (im *ActionImport) Confirmable() bool {
	return len(im.Held) > 0 && !im.Refused() && len(im.Problems) == 0 && len(im.Conflicts) == 0
}

// Refused reports whether a line holds what can never be imported.
func (im *ActionImport) Refused() bool {
	for _, h := range im.Held {
		if h.Refused {
			return true
		}
	}
	return false
}

// Changes counts the fields the import changes, in all its rows.
func (im *ActionImport) Changes() int {
	n := 0
	for _, r := range im.Rows {
		n += len(r.Changes)
	}
	return n
}

// ImportRow is one line of a file that changes an action.
type ImportRow struct {
	Line int
	// Action is the action as it stands.
	Action  model.Action
	Changes []ImportChange
}

// ImportChange is one field an import changes, in stored form.
type ImportChange struct {
	Field, Old, New string
	// Follows says that the file did not set this field: it follows from
	// another change (a status brings its default progress).
	Follows bool
}

// ImportConflict is a field the file would change that someone else has
// changed since the version in the file.
type ImportConflict struct {
	Line   int
	Action model.Action
	Field  string
	// Theirs is the value in Schakel, Mine the file's, in stored form.
	Theirs, Mine string
	// By names who made the latest change of the field.
	By string
}

// importChange is an import row's action before and after.
type importChange struct {
	old, next *model.Action
	fields    []string
}

// PreviewActionImport reads a CSV file of progress against the plan and
// says what it would change, row by row, without changing anything. Only
// whoever may edit the plan's actions may import.
func (s *Service) PreviewActionImport(ctx context.Context, u *model.User, workspaceID, planID int64, data []byte) (*ActionImport, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var im *ActionImport
	opts := &sql.TxOptions{ReadOnly: true}
	err := s.DB.RunInTx(ctx, opts, func(ctx context.Context, tx bun.Tx) error {
		p, err := store.Plan(ctx, tx, workspaceID, planID)
		if err != nil {
			return err
		}
		im, _, err = s.readImport(ctx, tx, p, data, false, s.guard(ctx, tx, workspaceID, 0))
		return err
	})
	return im, notFoundErr(err)
}

// ImportActions applies a CSV file of progress to the plan's actions, all
// in one transaction, each changed action as an edit of its fields on the
// plan page is saved: its version one up, a change record per field (who,
// what, old and new), and a live update to open pages once committed. The
// file is read again against the actions as they stand, locked: if any
// row has a problem or a conflict, nothing is applied and the import says
// why. The import is written to the audit log.
func (s *Service) ImportActions(ctx context.Context, u *model.User, workspaceID, planID int64, data []byte) (*ActionImport, error) {
	if err := s.require(u, workspaceID, authz.ObjAction, authz.ActEdit); err != nil {
		return nil, err
	}
	var im *ActionImport
	var changes []importChange
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := store.Plan(ctx, tx, workspaceID, planID)
		if err != nil {
			return err
		}
		g := s.guard(ctx, tx, workspaceID, 0)
		if im, changes, err = s.readImport(ctx, tx, p, data, true, g); err != nil || !im.Ready() {
			return err
		}
		for _, c := range changes {
			if err := actionSaves.record(ctx, tx, u, workspaceID, c.old, c.next, c.fields); err != nil {
				return err
			}
		}
		if err := g.audit(ctx, tx, u, model.AuditObjectPlan, planID); err != nil {
			return err
		}
		detail := fmt.Sprintf("actions=%d changes=%d", len(im.Rows), im.Changes())
		return s.auditIn(ctx, tx, u, workspaceID, model.AuditPlanImport, model.AuditObjectPlan, planID, detail)
	})
	if err != nil {
		return nil, notFoundErr(err)
	}
	if !im.Ready() {
		return im, nil
	}
	im.Applied = true
	for _, c := range changes {
		for _, ev := range actionSaves.events(c.next, c.fields) {
			s.publish(ctx, ev)
		}
	}
	return im, nil
}
