#!/usr/bin/env bash
# Runs the fault-injection, fuzz, security and stress suites and prints the figures that
# Docs/Reliability.md reports: the fault → error table with timings and attempts, fuzz outcomes,
# the secret sweeps, and the stress run (calls, concurrency, time, descriptors, RSS).
#
#   Tools/Scripts/reliability.sh                # faults, fuzz, security, stress
#   Tools/Scripts/reliability.sh --sanitizers   # also `make check` (TSan + ASan; slow)
#
# SCRATCH (default .build-faults) is the scratch path for both packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
SCRATCH=${SCRATCH:-.build-faults}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

status=0
run() {  # name, log file, command…
    local name=$1 log=$2
    shift 2
    local start=$(date +%s)
    if "$@" >"$log" 2>&1; then result=passed; else result=FAILED; status=1; fi
    echo "## $name: $result in $(( $(date +%s) - start )) s (wall, build included)"
    grep -E "^(✔|✘) Test run" "$log" || true
    grep -E "^✘" "$log" | grep -v "Test run" | head -20 || true
}

echo "# swift-loginradius reliability figures — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(${SWIFT} --version 2>/dev/null | head -1)"
echo
run "Fault and security suites (root package)" "$logs/root.log" \
    "$SWIFT" test --scratch-path "$SCRATCH" --filter "Fault|Security"
echo
echo "### Fault → error (1 s timeouts; retry: 3 attempts, 10–50 ms backoff)"
echo "| Fault | Method | Retry | Expected | Got | Attempts | Time |"
echo "|---|---|---|---|---|---|---|"
grep -h "^RELIABILITY fault |" "$logs/root.log" | sed -E 's/^RELIABILITY fault \| //; s/ \| retry (on|off) \| / | \1 | /; s/ \| expected / | /; s/ \| got / | /; s/ \| attempts / | /' \
    | sort | awk -F' \\| ' '{printf "| %s | %s | %s | `%s` | `%s` | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}'
echo
echo "### Fuzz"
grep -h "^RELIABILITY fuzz" "$logs/root.log" | sed 's/^RELIABILITY /- /' || true
echo
echo "### Secrets over the conformance set"
grep -h "^RELIABILITY secrets" "$logs/root.log" | sed 's/^RELIABILITY /- /' || true
echo
run "Stress (Tools package, emulator + fault server)" "$logs/stress.log" \
    "$SWIFT" test --package-path Tools --scratch-path "Tools/$SCRATCH" --filter LRStressTests
grep -h "^RELIABILITY stress" "$logs/stress.log" | sed 's/^RELIABILITY /- /' || true

if [ "${1:-}" = "--sanitizers" ]; then
    echo
    run "make check (ThreadSanitizer, then AddressSanitizer)" "$logs/check.log" make check
    grep -hE "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY: " "$logs/check.log" | sort | uniq -c || true
fi
exit $status
