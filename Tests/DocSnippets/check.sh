#!/usr/bin/env bash
# Compiles every ```swift block of README.md and Docs/*.md against the public API (see extract.py).
set -euo pipefail
cd "$(dirname "$0")"
python3 extract.py
status=0
swift build --scratch-path .build > .build.log 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  grep -E "error:" .build.log | sort -u | head -60 || tail -40 .build.log
  echo "Documentation examples: FAILED to compile (file names say which document and line)"
  exit 1
fi
rm -f .build.log
echo "Documentation examples: compiled"
