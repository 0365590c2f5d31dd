package static

import (
	"io/fs"
	"testing"
)

// TestVendoredPackagesArePresent fails a build made without the front-end
// packages (run make assets, which make run and make test do first).
func TestVendoredPackagesArePresent(t *testing.T) {
	for _, name := range Vendored {
		t.Run(name, func(t *testing.T) {
			info, err := fs.Stat(FS, name)
			if err != nil {
				t.Fatalf("%s is missing: run `make assets`", name)
			}
			if info.Size() < 1000 {
				t.Fatalf("%s has only %d bytes", name, info.Size())
			}
		})
	}
}
