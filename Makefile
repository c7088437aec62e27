# Benchboard: `make run` on a fresh machine builds, migrates, seeds and
# serves; `make test` runs every test against the real Postgres.
GO      ?= go
BIN     := bin/benchboard
ECHARTS := web/static/vendor/echarts.min.js
FUZZTIME ?= 10s

.PHONY: run build assets test test-go fuzz bench vet clean replica-check

run: build
	./$(BIN) run

build: assets
	$(GO) build -o $(BIN) ./cmd/benchboard

# ECharts comes from the npm package pinned in web/package-lock.json, built
# by esbuild with only the charts and components web/src/echarts.js names,
# and served by the app itself: no page loads anything from a CDN. The
# gzip -9 copy is what browsers get (see staticGzip). Offline once npm ci
# has run.
assets: $(ECHARTS).gz

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error

$(ECHARTS): web/node_modules/.package-lock.json web/src/echarts.js
	cd web && npm run --silent build

$(ECHARTS).gz: $(ECHARTS)
	gzip -9 -n -k -f $(ECHARTS)

vet: assets
	$(GO) vet ./...

test: assets vet fuzz test-go

test-go:
	$(GO) test -count=1 -timeout 30m ./...

# Each fuzz target runs for a bounded time on top of its seed corpus
# (scripts/fuzz.sh says how it tells Go 1.26's deadline race from a finding).
fuzz: assets
	GO=$(GO) FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

bench: build
	$(GO) run ./cmd/benchboard-bench $(BENCHFLAGS)

# A primary and a streaming replica in a private folder; reads must hit the replica.
replica-check: build
	scripts/replica-check.sh $(BIN)

clean:
	rm -rf bin web/node_modules $(dir $(ECHARTS))
