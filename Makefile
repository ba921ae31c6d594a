# actord — the two set-up commands are `make run` and `make test`.

GO          ?= go
BIN         := bin/actord
VERSION     ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 5m
TEST_FLAGS  ?=

.PHONY: all build run test bench lint generate check-generated fuzz deploy-check clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/actord

## run: actord as a single node on its built-in defaults (HTTP on :9000, data in ./data)
run: build
	./$(BIN) $(ARGS)

## test: every test with the race detector; the fuzz corpora replay as tests
test:
	$(GO) test -race -timeout 30m $(TEST_FLAGS) ./...

## bench: all benchmarks (results go into docs/BENCHMARKS.md by hand)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...

## lint: gofmt, go vet and staticcheck
lint:
	@out="$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go'))"; \
	  if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@if [ ! -x .bin/staticcheck ]; then GOBIN=$(CURDIR)/.bin $(GO) install $(STATICCHECK) || \
	  { echo "staticcheck could not be installed; skipping it"; exit 0; }; fi; \
	  if [ -x .bin/staticcheck ]; then .bin/staticcheck ./...; fi

## generate: regenerate committed generated code (contract ABIs, bytecode and bindings; needs npm)
generate:
	$(GO) generate ./...

## check-generated: fail if generated code drifts from its sources
check-generated: generate
	@git diff --exit-code -- . || { echo "generated code is out of date: run make generate and commit"; exit 1; }

## fuzz: fuzz the ANS-104 parsers and the SU's POST / (FUZZTIME each, default 5m)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/ans104
	$(GO) test -run '^$$' -fuzz '^FuzzParseBundle$$' -fuzztime $(FUZZTIME) ./internal/ans104
	$(GO) test -run '^$$' -fuzz '^FuzzPost$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./http/suapi

## deploy-check: validate deploy/ with the validators installed (promtool, systemd-analyze, supervisord, compose)
deploy-check:
	bash deploy/check.sh

clean:
	rm -rf bin .bin
