#!/usr/bin/env bash
# Builds the DocC documentation of every library module, or checks that every public symbol has a
# doc comment — without adding swift-docc-plugin (or anything else) to the root package.
#
#   Tools/Scripts/make-docs.sh docs       # `make docs`: a static site per module in .build/docs
#   Tools/Scripts/make-docs.sh coverage   # `make doc-coverage`: undocumented public symbols, must be 0
#
# Both build the SDK, extract each module's symbol graph with `swift symbolgraph-extract`, then
# run the toolchain's `docc` (docs) or `lr-doc-coverage` from the Tools package (coverage) on them.
#
# Environment: SWIFT (swift), DOCC (the toolchain's docc), DOCS_SCRATCH (the build's scratch
# path, .build by default),
# DOCS_OUTPUT (.build/docs), DOCS_HOSTING_BASE_PATH (prefix of the URL path the site is served
# under, e.g. /swift-loginradius; empty by default, so .build/docs is the web root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

mode="${1:-docs}"
SWIFT="${SWIFT:-swift}"
SCRATCH="${DOCS_SCRATCH:-.build}"
OUTPUT="${DOCS_OUTPUT:-.build/docs}"
BASE_PATH="${DOCS_HOSTING_BASE_PATH:-}"
MODULES=(LRCore LRAuth LRAccount LRSocial LRCustomObject LRPhone LRMFA LRPIN LRReAuth LRConsent LRWebhook
    LRConfiguration LoginRadius)

find_docc() {
    if [[ -n "${DOCC:-}" ]]; then echo "$DOCC"; return; fi
    local swift_path
    swift_path="$(command -v "$SWIFT")"
    local candidate
    candidate="$(dirname "$(readlink -f "$swift_path")")/docc"
    if [[ -x "$candidate" ]]; then echo "$candidate"; return; fi
    if command -v docc >/dev/null; then command -v docc; return; fi
    if command -v xcrun >/dev/null; then xcrun --find docc; return; fi
    echo "make-docs.sh: no docc found next to $swift_path; set DOCC=/path/to/docc" >&2
    exit 1
}

# Builds the library modules, then extracts each module's symbol graph with
# `swift symbolgraph-extract` into $SCRATCH/symbol-graphs: only the module's own symbols (the API
# modules re-export LRCore, which a compiler-emitted graph would repeat in every module) and its
# extensions of other modules' types (`LRAuth@LRCore.symbols.json`).
build_symbol_graphs() {
    graphs="$root/$SCRATCH/symbol-graphs"
    echo "Building the SDK (scratch path $SCRATCH)…"
    "$SWIFT" build --scratch-path "$SCRATCH" --target LoginRadius
    local bin triple
    bin="$("$SWIFT" build --scratch-path "$SCRATCH" --show-bin-path)"
    triple="$("$SWIFT" -print-target-info | sed -n 's/^ *"triple": "\(.*\)",*$/\1/p' | head -1)"
    local sdk=()
    if command -v xcrun >/dev/null; then sdk=(-sdk "$(xcrun --show-sdk-path)"); fi
    rm -rf "$graphs"
    mkdir -p "$graphs"
    for module in "${MODULES[@]}"; do
        "$SWIFT" symbolgraph-extract -module-name "$module" -target "$triple" ${sdk[@]+"${sdk[@]}"} \
            -I "$bin/Modules" -I "$bin" \
            -Xcc -fmodule-map-file="$root/Modules/CLibCurl/module.modulemap" \
            -Xcc -fmodule-map-file="$root/Modules/CZlib/module.modulemap" \
            -minimum-access-level public -output-dir "$graphs"
    done
}

# The symbol graphs of one module (its own and its extensions of other modules' types).
stage_module_graphs() {
    local module="$1" staged="$2"
    rm -rf "$staged"
    mkdir -p "$staged"
    cp "$graphs/$module.symbols.json" "$staged/"
    shopt -s nullglob
    for extension in "$graphs/$module@"*.symbols.json; do cp "$extension" "$staged/"; done
    shopt -u nullglob
}

docs() {
    local docc
    docc="$(find_docc)"
    build_symbol_graphs
    rm -rf "$OUTPUT"
    mkdir -p "$OUTPUT"
    for module in "${MODULES[@]}"; do
        local staged="$root/$SCRATCH/docc-symbol-graphs/$module"
        stage_module_graphs "$module" "$staged"
        echo "docc: $module"
        "$docc" convert "Modules/$module/$module.docc" \
            --additional-symbol-graph-dir "$staged" \
            --output-path "$OUTPUT/$module" \
            --fallback-display-name "$module" \
            --fallback-bundle-identifier "com.loginradius.swift.$module" \
            --fallback-default-module-kind "Swift Module" \
            --transform-for-static-hosting \
            --hosting-base-path "$BASE_PATH/$module" \
            --source-service github \
            --source-service-base-url "https://github.com/swift-loginradius/swift-loginradius/blob/main" \
            --checkout-path "$root" \
            --warnings-as-errors
    done
    write_index
    echo "Documentation in $OUTPUT (serve it with e.g. python3 -m http.server -d $OUTPUT; open /index.html)."
}

# A landing page that links each module's documentation.
write_index() {
    {
        echo '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        echo '<title>swift-loginradius documentation</title></head><body>'
        echo '<h1>swift-loginradius</h1><ul>'
        for module in "${MODULES[@]}"; do
            local lower
            lower="$(echo "$module" | tr '[:upper:]' '[:lower:]')"
            echo "<li><a href=\"$BASE_PATH/$module/documentation/$lower/\">$module</a></li>"
        done
        echo '</ul></body></html>'
    } >"$OUTPUT/index.html"
}

coverage() {
    build_symbol_graphs
    echo "Building lr-doc-coverage (Tools package)…"
    "$SWIFT" build --package-path Tools --scratch-path "Tools/$SCRATCH" --product lr-doc-coverage >/dev/null
    "Tools/$SCRATCH/debug/lr-doc-coverage" "$graphs" "${MODULES[@]}"
}

case "$mode" in
    docs) docs ;;
    coverage) coverage ;;
    *) echo "usage: $0 docs|coverage" >&2; exit 64 ;;
esac
