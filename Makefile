# Schakel: `make run` starts it with demo data, `make test` runs every test.
GO      ?= go
BIN     := bin/schakel
NPM_STAMP := node_modules/.package-lock.json
VENDOR  := static/vendor/htmx.min.js static/vendor/htmx-ext-ws.js \
           static/vendor/utrecht.css static/vendor/voorbeeld-theme.css \
           static/vendor/sortable.min.js
# axe-core is not served: the browser tests put it into the pages they check.
AXE     := node_modules/axe-core/axe.min.js

.PHONY: run test assets build views views-check vet fmt-check clean

## run: build and start Schakel on SQLite under ./data with the demo data
run: build
	./$(BIN) serve --demo

## test: vet, formatting and all Go tests (PostgreSQL too when SCHAKEL_TEST_DATABASE_URL is set;
## the browser tests in app/e2e when Chromium is there, see README)
test: assets $(AXE) views-check vet fmt-check
	$(GO) test -race -count=1 ./...

## build: the schakel binary, with the front-end packages embedded
build: assets views
	$(GO) build -o $(BIN) ./cmd/schakel

## views: generate the Go code of the templ components (committed, so that
## `go build` alone works)
views:
	$(GO) tool templ generate -path views

## views-check: fail when the committed Go code of the views is not what
## its .templ sources generate
views-check:
	@tmp=$$(mktemp -d) && cp -r views "$$tmp/views" && \
	$(GO) tool templ generate -path "$$tmp/views" >/dev/null 2>&1 && \
	if ! diff -r views "$$tmp/views" >/dev/null; then \
	  echo "generated views are stale: run 'make views' and commit"; diff -r views "$$tmp/views" | head -n 20; rm -rf "$$tmp"; exit 1; \
	fi; rm -rf "$$tmp"

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## assets: install the npm packages and copy what Schakel serves into static/vendor
assets: $(VENDOR)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The stamp can be current while a package is missing (node_modules
# changed by hand): install again then.
$(AXE): $(NPM_STAMP)
	@test -f $@ || npm ci --no-audit --no-fund
	@touch $@

static/vendor/htmx.min.js: $(NPM_STAMP)
	cp node_modules/htmx.org/dist/htmx.min.js $@
static/vendor/htmx-ext-ws.js: $(NPM_STAMP)
	cp node_modules/htmx-ext-ws/dist/ws.js $@
static/vendor/utrecht.css: $(NPM_STAMP)
	cp node_modules/@utrecht/component-library-css/dist/index.css $@
static/vendor/voorbeeld-theme.css: $(NPM_STAMP)
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css $@
static/vendor/sortable.min.js: $(NPM_STAMP)
	cp node_modules/sortablejs/Sortable.min.js $@

clean:
	rm -rf bin node_modules $(VENDOR)
