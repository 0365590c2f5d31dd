package web

import (
	"context"
	"slices"
	"strings"
	"testing"

	"schakel/app/i18n"
	"schakel/views"
)

// TestBoardCacheBound: the board cache keeps at most its budget in bytes,
// letting go of the board opened longest ago first, and never keeps a
// board larger than the whole budget.
func TestBoardCacheBound(t *testing.T) {
	msgs, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	ctx := i18n.NewContext(context.Background(), msgs.Translator("nl"))
	rows, err := views.Rendered(ctx, views.PlanSections(benchmarkBoard(20)))
	if err != nil {
		t.Fatal(err)
	}
	size := rows.Len()
	tests := []struct {
		name string
		// budget is in boards of the same size.
		budget float64
		// opens are the boards opened in turn, by language.
		opens string
		kept  string
	}{
		{"room for all", 3, "a b c", "a b c"},
		{"the oldest goes", 2.5, "a b c", "b c"},
		{"opening again keeps a board", 2.5, "a b a c", "a c"},
		{"the same board is kept once", 2.5, "a a a b", "a b"},
		{"a board larger than the cache is not kept", 0.5, "a b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bc := newBoardCache(int(tt.budget * float64(size)))
			for _, lang := range strings.Fields(tt.opens) {
				_, err := bc.get(ctx, boardKey{lang: lang}, func(context.Context) (boardEntry, bool, error) {
					return boardEntry{sections: rows}, true, nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			var kept []string
			for k := range bc.items {
				kept = append(kept, k.lang)
			}
			slices.Sort(kept)
			if got := strings.Join(kept, " "); got != tt.kept {
				t.Errorf("kept %q, want %q", got, tt.kept)
			}
			if bc.size > int(tt.budget*float64(size)) || bc.size != len(kept)*size {
				t.Errorf("counts %d bytes for %d boards of %d", bc.size, len(kept), size)
			}
		})
	}
}
