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

# ECharts comes from the npm package pinned in package-lock.json, served by
# the app itself: no page loads anything from a CDN.
assets: $(ECHARTS)

$(ECHARTS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $(ECHARTS))
	cp node_modules/echarts/dist/echarts.min.js $(ECHARTS)

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
	rm -rf bin node_modules $(dir $(ECHARTS))
