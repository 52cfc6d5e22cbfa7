#!/usr/bin/env bash
# 1. Builds the LRAuth-only consumer and fails if any API module other than LRAuth was compiled.
# 2. Checks that consumer resolves no framework; 3. and 4. build consumers of LRHummingbird and
# LRVapor (each with its trait on).
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

# 2. The same consumer resolves no framework: no plugin trait is on by default.
dependencies=$(swift package --scratch-path .build show-dependencies 2>/dev/null)
for framework in hummingbird hummingbird-auth vapor swift-service-lifecycle swift-nio; do
  if printf '%s\n' "$dependencies" | grep -q "/$framework.git@"; then
    echo "FAIL: $framework was resolved for a consumer enabling no trait"
    exit 1
  fi
done
echo "Resolved for LRAuth alone: $(printf '%s\n' "$dependencies" | grep -o '[a-z0-9-]*\.git@' | sed 's/\.git@//' | sort -u | tr '\n' ' ')"

# 3. Consumers enabling the Hummingbird and Vapor traits on the same dependency build
#    LRHummingbird and LRVapor (one package, so the framework stack is built once).
(
  cd PluginConsumers
  swift build --scratch-path .build 2>&1 | tail -1
  swift run --skip-build --scratch-path .build HummingbirdConsumer
  swift run --skip-build --scratch-path .build VaporConsumer
)
echo "Linkage: 4 passed, 0 failed (AuthOnly modules, AuthOnly dependencies, HummingbirdConsumer, VaporConsumer)"
