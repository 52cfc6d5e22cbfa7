# swift-loginradius — `make demo` runs a real user journey, `make test` runs every test.
# Each target first makes sure the Debian packages the SDK links against are installed:
# as root it installs what is missing; otherwise it says exactly what to install.

SWIFT ?= swift
DEBIAN_PACKAGES := libcurl4-openssl-dev zlib1g-dev pkg-config
TOOLS := --package-path Tools
# Swift Testing captures a backtrace for every Swift error thrown anywhere in the test process
# (its swift_willThrow hook). The parser and fuzz suites throw thousands of errors on
# purpose, and capturing them kept both cores busy for tens of seconds, starving the transport
# suites' time bounds. A failing test still reports where its own expectation failed.
export SWT_SWIFT_ERROR_BACKTRACING_ENABLED := 0

.PHONY: all deps build demo test test-sdk test-linkage test-docs test-emulator-consumer python-client-check test-tools conformance generate check-generated emulator demo-web test-web docs doc-coverage format lint bench check clean

all: build

deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

## demo: the sign-up and login journey through the SDK (embedded emulator unless LOGINRADIUS_* is set)
demo: deps
	$(SWIFT) run $(TOOLS) lr demo

## demo-web: the demo web app (every LoginRadius flow as pages) on 127.0.0.1, with the emulator's inbox
demo-web: deps
	$(SWIFT) run $(TOOLS) lr-demo-web

## test-web: drive the demo web app in headless Chromium (installs chromium + selenium; not part of `make test`)
test-web: deps
	Tools/Scripts/web-tests/run.sh

## test: unit tests, integration tests against the emulator, conformance, generated-code freshness
test: deps test-sdk test-linkage test-docs conformance python-client-check test-tools

## The SDK's tests with every trait on, so the trait-gated code is built and tested too: the service
## lifecycle, the emulator (which the plugins' tests run against) and the Hummingbird and Vapor plugins.
SDK_TEST_TRAITS := ServiceLifecycle,Emulator,Hummingbird,Vapor
test-sdk:
	$(SWIFT) test --traits $(SDK_TEST_TRAITS)

## test-linkage: a consumer of LRAuth alone compiles no other API module and resolves no framework;
## consumers enabling the Hummingbird or Vapor trait build that plugin; one without traits resolves no Hummingbird
test-linkage:
	Tests/Linkage/check.sh
	Tests/NoTraitConsumer/check.sh

## test-emulator-consumer: a user's package with the Emulator trait tests against the in-process emulator (builds Hummingbird)
test-emulator-consumer: deps
	Tests/EmulatorConsumer/check.sh

## test-docs: every ```swift block of README.md and Docs/*.md compiles against the public API
test-docs:
	Tests/DocSnippets/check.sh

test-tools:
	$(SWIFT) test $(TOOLS)

## conformance: run the shared wire-conformance cases and print the summary line
conformance: deps
	$(SWIFT) run $(TOOLS) lr-conformance ../shared/conformance/requests.jsonl

## python-client-check: LoginRadius's Python SDK (from PyPI) runs the auth journey against lr-emulator
python-client-check: deps
	Tools/Scripts/python-client-check

## generate: regenerate the API code from Tools/Catalogue
generate:
	$(SWIFT) run $(TOOLS) lr-codegen --root .
	$(SWIFT) run $(TOOLS) lr emulator coverage --write Docs/Emulator.md

check-generated:
	$(SWIFT) run $(TOOLS) lr-codegen --root . --check

## emulator: run the LoginRadius emulator on 127.0.0.1:8787
emulator: deps
	$(SWIFT) run $(TOOLS) lr-emulator

## docs: DocC documentation of every library module in .build/docs (static hosting layout; warnings fail)
docs: deps
	SWIFT="$(SWIFT)" Tools/Scripts/make-docs.sh docs

## doc-coverage: the public symbols without a doc comment, per module (fails unless there are none)
doc-coverage: deps
	SWIFT="$(SWIFT)" Tools/Scripts/make-docs.sh coverage

FORMAT_PATHS := Package.swift Tools/Package.swift Modules Integrations Tools/Sources Tests Tools/Tests

## format: format every Swift file in place with .swift-format
format:
	$(SWIFT) format format --in-place --parallel --recursive $(FORMAT_PATHS)

## lint: check every Swift file against .swift-format (formatting and rules; findings fail)
lint:
	$(SWIFT) format lint --strict --parallel --recursive $(FORMAT_PATHS)

## bench: the SDK side by side with raw libcurl, async-http-client, URLSession and the Python SDK against nginx on
## 127.0.0.1; writes Docs/Performance.md and Docs/performance.png (own package; not part of `make test`)
bench: deps
	Tools/Benchmarks/run.sh

## check: the transport and concurrency suites under ThreadSanitizer, the transport suites under
## AddressSanitizer (own scratch paths; slow, so not part of `make test`); see Docs/Reliability.md
## Serial (--no-parallel): the transport suites' time bounds assume a scheduler not starved by
## sanitized CPU-bound suites beside them. Swift Testing only (--disable-xctest): XCTest's own
## runner leaks 144 bytes, which LeakSanitizer would report as a failure.
TSAN_FILTER := CurlTransport|FaultTable|FaultTLS|FaultUnsolicited|RetryMiddleware|MiddlewareIntegration|ClientLifecycle|ClientCallOptions
ASAN_FILTER := CurlTransport|Fault|JSONParser|FastDecoding
check: deps
	LR_TEST_TIME_SCALE=5 $(SWIFT) test --scratch-path .build-tsan --sanitize=thread --disable-xctest --no-parallel --filter "$(TSAN_FILTER)"
	LR_TEST_TIME_SCALE=3 $(SWIFT) test --scratch-path .build-asan --sanitize=address --disable-xctest --no-parallel --filter "$(ASAN_FILTER)"

clean:
	rm -rf .build Tools/.build Tools/Benchmarks/.build Tests/Linkage/.build Tests/Linkage/PluginConsumers/.build Tests/DocSnippets/.build Tests/DocSnippets/Extracted Tests/NoTraitConsumer/.build Tests/EmulatorConsumer/.build
