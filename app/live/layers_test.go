package live_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWebAndLiveReadThroughTheService reads the imports of every file of
// app/web and app/live: neither may reach the store; they
// read through the service's read models, which check access.
func TestWebAndLiveReadThroughTheService(t *testing.T) {
	for _, dir := range []string{"../web", "."} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				// Tests set up and inspect the database directly.
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				if path, _ := strconv.Unquote(imp.Path.Value); path == "schakel/app/store" {
					t.Errorf("%s imports %s", f, path)
				}
			}
		}
	}
}
