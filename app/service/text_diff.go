package service

import "github.com/sergi/go-diff/diffmatchpatch"

// DiffOp says whether a piece of text stayed, was added or was removed.
type DiffOp string

// The kinds of piece in a diff.
const (
	DiffEqual  DiffOp = "equal"
	DiffInsert DiffOp = "insert"
	DiffDelete DiffOp = "delete"
)

// DiffSegment is one piece of a diff.
type DiffSegment struct {
	Op   DiffOp
	Text string
}

// FieldDiff is what changed in one field between two texts.
type FieldDiff struct {
	Field   string
	Changed bool
	// Segments are the field's text from before to after: what stayed,
	// what was removed and what was added, in reading order.
	Segments []DiffSegment
}

// TextDiff compares two texts for people to read: the differences are
// cleaned up to whole words and phrases where that reads better than
// single characters.
func TextDiff(before, after string) []DiffSegment {
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(before, after, false))
	out := make([]DiffSegment, 0, len(diffs))
	for _, d := range diffs {
		op := DiffEqual
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = DiffInsert
		case diffmatchpatch.DiffDelete:
			op = DiffDelete
		}
		out = append(out, DiffSegment{Op: op, Text: d.Text})
	}
	return out
}
