#!/usr/bin/env bash
# A consumer that enables no trait resolves no Hummingbird (nor anything else the Emulator trait
# brings): the dependency graph holds swift-loginradius and the SDK's own dependencies only.
set -euo pipefail
cd "$(dirname "$0")"
graph=$(swift package --scratch-path .build show-dependencies 2>&1)
echo "$graph"
if grep -qi "hummingbird" <<<"$graph"; then
  echo "FAIL: a consumer without the Emulator trait resolves Hummingbird"
  exit 1
fi
grep -q "swift-crypto" <<<"$graph" || { echo "FAIL: the SDK's dependencies are not in the graph"; exit 1; }
echo "No-trait consumer: 1 passed, 0 failed"
