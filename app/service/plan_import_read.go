package service

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/uptrace/bun"

	"schakel/app/actioncsv"
	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
)

// importLine is a row of the file whose cells could be read.
type importLine struct {
	line    int
	id      int64
	version int
	values  map[string]string
}

// readImport reads data against plan p: each row's cells, then each row
// against its action as it stands (locked, when lock is set, in the order
// of their ids so that two imports cannot wait for each other). It returns
// what the import would do and, per changed row, the action before and
// after. New titles go through the privacy guard g.
func (s *Service) readImport(ctx context.Context, tx bun.Tx, p *model.Plan, data []byte, lock bool, g *guard) (*ActionImport, []importChange, error) {
	im := &ActionImport{Plan: p}
	vocabularies := s.csvVocabularies()
	rows, problems := actioncsv.Read(data, vocabularies, MaxImportRows)
	im.Problems = problems
	if rows == nil {
		return im, nil, nil
	}
	known, err := store.PlanActionIDs(ctx, tx, p.WorkspaceID, p.ID)
	if err != nil {
		return nil, nil, err
	}
	seen := map[int64]int{}
	var lines []importLine
	for _, r := range rows {
		l, problems := readImportLine(r, vocabularies, known, seen)
		im.Problems = append(im.Problems, problems...)
		if len(problems) == 0 {
			lines = append(lines, l)
		}
	}
	ids := make([]int64, 0, len(lines))
	for _, l := range lines {
		ids = append(ids, l.id)
	}
	slices.Sort(ids)
	current := make(map[int64]*model.Action, len(ids))
	for _, id := range ids {
		load := store.Action
		if lock {
			load = store.ActionForUpdate
		}
		if current[id], err = load(ctx, tx, p.WorkspaceID, id); err != nil {
			return nil, nil, err
		}
	}
	var changes []importChange
	for _, l := range lines {
		c, problem, err := s.importRow(ctx, tx, im, l, current[l.id], g)
		if err != nil {
			return nil, nil, err
		}
		if problem != nil {
			im.Problems = append(im.Problems, *problem)
		} else if c != nil {
			changes = append(changes, *c)
		}
	}
	slices.SortStableFunc(im.Problems, func(a, b actioncsv.Problem) int { return a.Line - b.Line })
	if g.failed != nil {
		return nil, nil, g.failed
	}
	var digests []string
	for _, h := range im.Held {
		if !h.Refused {
			digests = append(digests, strings.Split(h.confirmation, ".")...)
		}
	}
	slices.Sort(digests)
	im.Confirmation = strings.Join(slices.Compact(digests), ".")
	return im, changes, nil
}

// csvVocabularies are the words of a file in every language Schakel
// speaks: an import reads a file downloaded in any of them.
func (s *Service) csvVocabularies() []actioncsv.Vocabulary {
	out := make([]actioncsv.Vocabulary, 0, len(i18n.Languages))
	for _, lang := range i18n.Languages {
		out = append(out, actioncsv.VocabularyOf(s.Messages.Translator(lang)))
	}
	return out
}

// readImportLine reads the cells of one row that an import uses: the id,
// which must name an action of the plan (an action of any other plan or
// workspace is unknown, as one that never was) that no row before named
// (seen maps ids to their lines), the version, and the importable values
// in stored form.
func readImportLine(r actioncsv.Row, vocabularies []actioncsv.Vocabulary, known map[int64]bool, seen map[int64]int) (importLine, []actioncsv.Problem) {
	l := importLine{line: r.Line, values: map[string]string{}}
	var problems []actioncsv.Problem
	add := func(id string, args ...any) {
		problems = append(problems, actioncsv.Problem{Line: r.Line, Message: "actions.csv.error." + id, Args: args})
	}
	cell := r.Cell(actioncsv.ColID)
	id, ok := actioncsv.ParseID(cell)
	deleted, exists := known[id]
	switch {
	case cell == "":
		add("id_missing")
		return l, problems
	case !ok:
		add("id", "Value", actioncsv.Quote(cell))
		return l, problems
	case !exists:
		add("unknown", "ID", id)
		return l, problems
	case seen[id] > 0:
		add("duplicate", "ID", id, "Other", seen[id])
		return l, problems
	case deleted:
		seen[id] = r.Line
		add("deleted", "ID", id)
		return l, problems
	}
	seen[id] = r.Line
	l.id = id
	if l.version, ok = actioncsv.ParseVersion(r.Cell(actioncsv.ColVersion)); !ok {
		add("version", "Value", actioncsv.Quote(r.Cell(actioncsv.ColVersion)), "ID", id)
	}
	title := r.Cell(actioncsv.ColTitle)
	var v apperr.Validation
	l.values[actioncsv.ColTitle] = text(&v, "title", title, true, MaxTitle)
	switch fieldMessage(v.Err(), "title") {
	case "":
	case "validation.required":
		add("title_empty")
	case "validation.too_long":
		add("title_long", "Max", MaxTitle)
	default:
		add("title_invalid")
	}
	if l.values[actioncsv.ColDueDate], ok = actioncsv.ParseDate(r.Cell(actioncsv.ColDueDate)); !ok {
		add("date", "Value", actioncsv.Quote(r.Cell(actioncsv.ColDueDate)))
	}
	if st, ok := actioncsv.ParseStatus(r.Cell(actioncsv.ColStatus), vocabularies); ok {
		l.values[actioncsv.ColStatus] = string(st)
	} else {
		add("status", "Value", actioncsv.Quote(r.Cell(actioncsv.ColStatus)))
	}
	if n, ok := actioncsv.ParseProgress(r.Cell(actioncsv.ColProgress)); ok {
		l.values[actioncsv.ColProgress] = fmt.Sprint(n)
	} else {
		add("progress", "Value", actioncsv.Quote(r.Cell(actioncsv.ColProgress)))
	}
	return l, problems
}

// importRow sets the row's values on a copy of its action cur, as the
// plan page saves them: a status brings its default progress unless the
// file changes the progress too. It returns the change, or nil when the
// row changes nothing (counted in im.Unchanged), and adds the row to
// im.Rows or its conflicts to im.Conflicts.
//
// The file changes a field where its value differs from the field's value
// at the row's version (the version it was downloaded at, found in the
// change history). If someone changed the same field since, that is a
// conflict, as a stale write of a short field on the plan page is: the
// import never overwrites a change it was not made against. A field the
// file leaves as it was downloaded keeps whatever it holds now, so that a
// change made in Schakel since the download stays, and is no conflict.
func (s *Service) importRow(ctx context.Context, tx bun.Tx, im *ActionImport, l importLine, cur *model.Action, g *guard) (*importChange, *actioncsv.Problem, error) {
	if cur.DeletedAt != nil {
		// Deleted since the plan's ids were read.
		return nil, &actioncsv.Problem{Line: l.line, Message: "actions.csv.error.deleted", Args: []any{"ID", cur.ID}}, nil
	}
	if l.version > cur.Version {
		return nil, &actioncsv.Problem{Line: l.line, Message: "actions.csv.error.version",
			Args: []any{"Value", l.version, "ID", cur.ID}}, nil
	}
	next := *cur
	var set []string
	var conflicts []ImportConflict
	for _, f := range actioncsv.Importable {
		mine, theirs := l.values[f], ActionField(cur, f)
		if mine == theirs {
			continue
		}
		base, by, err := fieldAt(ctx, tx, cur, f, l.version)
		if err != nil {
			return nil, nil, err
		}
		if mine == base {
			// As downloaded: the file leaves it (and a progress left so
			// follows a new status).
			continue
		}
		if base != theirs {
			conflicts = append(conflicts, ImportConflict{Line: l.line, Action: *cur, Field: f, Theirs: theirs, Mine: mine, By: by})
			continue
		}
		if f == actioncsv.ColTitle {
			// Every line's title answers to the same confirmation: the
			// one the preview showed for the whole file.
			if h := g.check(ctx, "title", mine, theirs, false); h != nil {
				im.Held = append(im.Held, ImportHeld{Line: l.line, Action: *cur, Findings: h.Findings, Refused: h.Refused, confirmation: h.Confirmation})
				g.release("title")
				continue
			}
		}
		if _, err := setActionField(ctx, tx, &next, f, mine); err != nil {
			if _, ok := apperr.As(err); !ok {
				return nil, nil, err
			}
			// The cells were checked as they were read; this is the
			// service's own check of the same rule.
			return nil, &actioncsv.Problem{Line: l.line, Message: "actions.csv.error." + importProblems[f], Args: []any{"Value", actioncsv.Quote(mine)}}, nil
		}
		set = append(set, f)
	}
	if len(conflicts) > 0 {
		im.Conflicts = append(im.Conflicts, conflicts...)
		return nil, nil, nil
	}
	var changed []string
	for _, f := range actioncsv.Importable {
		if ActionField(cur, f) != ActionField(&next, f) {
			changed = append(changed, f)
		}
	}
	if len(changed) == 0 {
		im.Unchanged++
		return nil, nil, nil
	}
	row := ImportRow{Line: l.line, Action: *cur}
	for _, f := range changed {
		row.Changes = append(row.Changes, ImportChange{Field: f, Old: ActionField(cur, f), New: ActionField(&next, f), Follows: !slices.Contains(set, f)})
	}
	im.Rows = append(im.Rows, row)
	return &importChange{old: cur, next: &next, fields: changed}, nil, nil
}

// fieldAt is the value field of action a had at version, read back from
// the change history, and, when it changed since, the name of who changed
// it last.
func fieldAt(ctx context.Context, tx bun.Tx, a *model.Action, field string, version int) (string, string, error) {
	now := ActionField(a, field)
	if version >= a.Version {
		return now, "", nil
	}
	since, err := store.FieldChangesSince(ctx, tx, a.WorkspaceID, model.EntityAction, a.ID, field, version)
	if err != nil || len(since) == 0 {
		return now, "", err
	}
	by, err := store.User(ctx, tx, since[len(since)-1].UserID)
	if err != nil {
		return "", "", err
	}
	return since[0].OldValue, by.Name, nil
}

// importProblems name the problem of a value that an importable field
// refuses.
var importProblems = map[string]string{
	actioncsv.ColTitle: "title_invalid", actioncsv.ColDueDate: "date",
	actioncsv.ColStatus: "status", actioncsv.ColProgress: "progress",
}

// fieldMessage is the message a validation error gives field, or "".
func fieldMessage(err error, field string) string {
	if e, ok := apperr.As(err); ok {
		return e.Fields[field]
	}
	return ""
}
