#!/usr/bin/env bash
# A user's package with the Emulator trait runs its own test against the in-process emulator.
# (Builds Hummingbird for this package: minutes on a fresh clone.)
set -euo pipefail
cd "$(dirname "$0")"
swift test --scratch-path .build 2>&1 | tail -5
