# swift-loginradius — `make demo` runs a real user journey, `make test` runs every test.
# Each target first makes sure the Debian packages the SDK links against are installed:
# as root it installs what is missing; otherwise it says exactly what to install.

SWIFT ?= swift
DEBIAN_PACKAGES := libcurl4-openssl-dev zlib1g-dev pkg-config
TOOLS := --package-path Tools

.PHONY: all deps build demo test test-sdk test-linkage python-client-check test-tools conformance generate check-generated emulator clean

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

## test: unit tests, integration tests against the emulator, conformance, generated-code freshness
test: deps test-sdk test-linkage conformance python-client-check test-tools

test-sdk:
	$(SWIFT) test

## test-linkage: a consumer of LRAuth alone compiles no other API module
test-linkage:
	Tests/Linkage/check.sh

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

check-generated:
	$(SWIFT) run $(TOOLS) lr-codegen --root . --check

## emulator: run the LoginRadius emulator on 127.0.0.1:8787
emulator: deps
	$(SWIFT) run $(TOOLS) lr-emulator

clean:
	rm -rf .build Tools/.build
