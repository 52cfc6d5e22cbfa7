#!/usr/bin/env bash
# Builds the LRAuth-only consumer and fails if any API module other than LRAuth was compiled.
set -euo pipefail
cd "$(dirname "$0")"
swift build --scratch-path .build 2>&1 | tail -1
swift run --scratch-path .build AuthOnlyConsumer
modules=$(find .build/debug/Modules -maxdepth 1 -name 'LR*.swiftmodule' -printf '%f\n' 2>/dev/null | sort | tr '\n' ' ')
echo "Compiled LoginRadius modules: $modules"
for module in LRAccount LRSocial LRCustomObject LRPhone LRMFA LRPIN LRReAuth LRConsent LRWebhook LRConfiguration LoginRadius; do
  if [ -e ".build/debug/Modules/$module.swiftmodule" ]; then
    echo "FAIL: $module was compiled for a consumer of LRAuth only"
    exit 1
  fi
done
[ -e .build/debug/Modules/LRAuth.swiftmodule ] || { echo "FAIL: LRAuth was not built"; exit 1; }
echo "Linkage: 1 passed, 0 failed"
