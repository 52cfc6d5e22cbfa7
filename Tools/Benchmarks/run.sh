#!/usr/bin/env bash
# `make bench`: the SDK side by side with raw libcurl, async-http-client, URLSession and
# LoginRadius's Python SDK,
# all against one nginx on 127.0.0.1 answering every path with a canned ~1.2 KB login reply.
# Writes Docs/Performance.md and Docs/performance.png. Not part of `make test`.
#
# Knobs (environment): BENCH_RUNS (5), BENCH_SECONDS per run (1.2), BENCH_WARMUP (0.25),
# BENCH_CONCURRENCY ("1 8 32 128"), BENCH_MEMORY_CALLS (200000), BENCH_ALLOC_CALLS (10000),
# BENCH_DOC (../../Docs/Performance.md), BENCH_PNG (../../Docs/performance.png),
# BENCH_POLL_LOOP (1: also build the SDK with its `curl_multi_poll` transport loop, the one Linux
# used before the socket-action loop, into .build/poll-loop and measure it as `sdk-full-pollloop`).
#
# `run.sh --report-only` measures nothing: it writes the report again from the last run's results
# (.build/bench), e.g. after findings.md was edited to discuss them.
#
# Only 127.0.0.1 is ever contacted; every loop is bounded in time or count.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)

runs=${BENCH_RUNS:-5}
seconds=${BENCH_SECONDS:-1.2}
warmup=${BENCH_WARMUP:-0.25}
concurrencies=${BENCH_CONCURRENCY:-"1 8 32 128"}
memory_calls=${BENCH_MEMORY_CALLS:-200000}
poll_loop=${BENCH_POLL_LOOP:-1}
alloc_calls=${BENCH_ALLOC_CALLS:-10000}
doc=${BENCH_DOC:-$root/Docs/Performance.md}
png=${BENCH_PNG:-$root/Docs/performance.png}
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say() { printf '[bench %4ss] %s\n' "$(($(date +%s) - started))" "$*"; }

if [ "${1:-}" = "--report-only" ]; then
  [ -f "$here/.build/bench/report.env" ] || { echo "no earlier run to report (.build/bench/report.env)"; exit 1; }
  # shellcheck disable=SC1091
  . "$here/.build/bench/report.env"
  python3 report.py "$here/.build/bench/results.jsonl" "$doc" "$png"
  say "wrote $(realpath --relative-to="$root" "$doc") from the last run's results"
  exit 0
fi

# ---- Debian packages: nginx (nginx-light), gnuplot, gcc, libcurl headers, python3-venv ----
missing=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
command -v gnuplot >/dev/null 2>&1 || missing="$missing gnuplot-nox"
command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
dpkg-query -W -f='${Status}' libcurl4-openssl-dev 2>/dev/null | grep -q "install ok installed" || missing="$missing libcurl4-openssl-dev"
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$missing python3-venv"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ]; then
    say "installing Debian packages:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Missing Debian packages:$missing"
    echo "Install them with: sudo apt-get install$missing"
    exit 1
  fi
fi
PATH="$PATH:/usr/sbin"

# ---- Build: the Swift benchmarks (release), the C client and the malloc counter, the venv ----
build_started=$(date +%s)
say "swift build -c release (Tools/Benchmarks)"
swift build -c release --product lr-bench >/dev/null
swift build -c release --product urlsession-bench >/dev/null
swift build -c release --product ahc-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
if [ "$poll_loop" = 1 ]; then
  say "swift build -c release -DLR_CURL_POLL_LOOP (the curl_multi_poll transport loop, .build/poll-loop)"
  swift build -c release --product lr-bench --scratch-path .build/poll-loop -Xswiftc -DLR_CURL_POLL_LOOP >/dev/null
  poll_bin=$(swift build -c release --scratch-path .build/poll-loop --show-bin-path)
fi
out="$here/.build/bench"
mkdir -p "$out"
gcc -O2 -Wall -o "$out/rawcurl" c/rawcurl.c -lcurl
gcc -O2 -Wall -shared -fPIC -o "$out/libmalloccount.so" c/malloccount.c
venv="$here/.build/python-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "loginradius-v2==11.7.0"
build_seconds=$(($(date +%s) - build_started))

# ---- nginx on 127.0.0.1, generated config in a temp dir ----
tmp=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
reply=$(tr -d '\n' < nginx/login-reply.json)
mkdir -p "$tmp/logs"
cat > "$tmp/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    default_type application/json;
    server {
        listen 127.0.0.1:$port backlog=4096;
        location / { return 200 '$reply'; }
    }
}
EOF
nginx -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/logs/error.log" &
nginx_pid=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.05
done
url="http://127.0.0.1:$port/"
got=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"email":"a","password":"b"}' "${url}identity/v2/auth/login?apiKey=x")
[ "$got" = "$reply" ] || { echo "nginx does not answer with the canned reply"; exit 1; }
say "nginx $(nginx -v 2>&1 | sed 's/.*\///') on $url (pid $nginx_pid, 1 worker)"

# ---- Throughput: every configuration once per round, rounds interleaved ----
results="$out/results.jsonl"
: > "$results"
configs=("rawcurl-easy 1")
for n in $concurrencies; do configs+=("rawcurl-multi $n"); done
for n in $concurrencies; do configs+=("sdk-full $n" "sdk-bare $n"); done
configs+=("sdk-full-noop 1" "sdk-full-noop 32")
# Tracing + metrics with no backend: a second pair on the full stack (the client always has one).
configs+=("sdk-full-obs2 1" "sdk-full-obs2 32")
# The same SDK with the curl_multi_poll loop: what the socket-action loop changed.
if [ "$poll_loop" = 1 ]; then configs+=("sdk-full-pollloop 1" "sdk-full-pollloop 32" "transport-only-pollloop 1"); fi
for n in $concurrencies; do configs+=("ahc $n"); done
for n in $concurrencies; do configs+=("urlsession $n"); done
configs+=("python-sdk 1")
# The breakdown rows (transport alone, typed decoding alone) for "Where the time goes".
configs+=("sdk-stub 1" "sdk-stub-obs2 1" "transport-only 1" "transport-only 32" "handoff-floor 1" "decode-only 1" "decode-tree 1" "decode-decoder 1" "decode-plain 1" "decode-jsonvalue 1" "decode-jsonvalue-parser 1")

run_config() {  # client concurrency run → one JSON line on stdout
  local client=$1 n=$2 run=$3
  local common=(--url "$url" --concurrency "$n" --seconds "$seconds" --warmup "$warmup" --run "$run")
  case $client in
    rawcurl-easy) "$out/rawcurl" --mode easy "${common[@]}" ;;
    rawcurl-multi) "$out/rawcurl" --mode multi "${common[@]}" ;;
    *-pollloop) "$poll_bin/lr-bench" --client "${client%-pollloop}" --report-as "$client" --body nginx/login-reply.json "${common[@]}" ;;
    sdk-* | transport-only | handoff-floor | decode-*) "$bin/lr-bench" --client "$client" --body nginx/login-reply.json "${common[@]}" ;;
    urlsession) "$bin/urlsession-bench" "${common[@]}" ;;
    ahc) "$bin/ahc-bench" "${common[@]}" ;;
    python-sdk) "$venv/bin/python" python/lr_python_bench.py "${common[@]}" ;;
  esac
}

throughput_started=$(date +%s)
for run in $(seq 1 "$runs"); do
  say "round $run/$runs: ${#configs[@]} configurations × ${seconds}s"
  for config in "${configs[@]}"; do
    # shellcheck disable=SC2086
    run_config $config "$run" >> "$results"
  done
done
throughput_seconds=$(($(date +%s) - throughput_started))

# ---- Memory: RSS after 10k and after $memory_calls SDK calls (full stack, 32 in flight) ----
say "memory: RSS after 10k and $memory_calls SDK calls"
"$bin/lr-bench" --client sdk-full --url "$url" --mode memory --concurrency 32 \
  --calls 10000 --more-calls $((memory_calls - 10000)) >> "$results"
"$bin/lr-bench" --client sdk-full --url "$url" --mode memory --concurrency 1 \
  --calls 10000 --more-calls 20000 >> "$results"

# ---- Allocations per call: LD_PRELOAD malloc counter, sequential and 32 in flight ----
say "allocations: $alloc_calls calls per client under LD_PRELOAD=libmalloccount.so"
preload="$out/libmalloccount.so"
for n in 1 32; do
  LD_PRELOAD=$preload "$out/rawcurl" --mode $([ $n = 1 ] && echo easy || echo multi) --bench alloc \
    --url "$url" --concurrency $n --calls "$alloc_calls" >> "$results"
  for client in sdk-full sdk-bare sdk-full-obs2; do
    LD_PRELOAD=$preload "$bin/lr-bench" --client $client --url "$url" --mode alloc --concurrency $n --calls "$alloc_calls" >> "$results"
  done
  if [ "$poll_loop" = 1 ]; then
    LD_PRELOAD=$preload "$poll_bin/lr-bench" --client sdk-full --report-as sdk-full-pollloop --url "$url" --mode alloc \
      --concurrency $n --calls "$alloc_calls" >> "$results"
  fi
  LD_PRELOAD=$preload "$bin/urlsession-bench" --url "$url" --mode alloc --concurrency $n --calls "$alloc_calls" >> "$results"
  LD_PRELOAD=$preload "$bin/ahc-bench" --url "$url" --mode alloc --concurrency $n --calls "$alloc_calls" >> "$results"
done
for client in sdk-stub sdk-stub-obs2 transport-only handoff-floor decode-only decode-tree decode-decoder decode-plain decode-jsonvalue \
  decode-jsonvalue-parser; do
  LD_PRELOAD=$preload "$bin/lr-bench" --client $client --url "$url" --body nginx/login-reply.json --mode alloc \
    --concurrency 1 --calls "$alloc_calls" >> "$results"
done

# ---- Context switches per sequential call (perf stat): the thread hand-offs each call costs ----
if command -v perf >/dev/null 2>&1 && perf stat -e context-switches true >/dev/null 2>&1; then
  say "context switches per sequential call (perf stat)"
  switches() {  # name command… → one "switches" line
    local name=$1 line count
    shift
    line=$(perf stat -x, -e context-switches -o "$tmp/perf.txt" -- "$@" --url "$url" --concurrency 1 --seconds 2 --warmup 0)
    count=$(grep context-switches "$tmp/perf.txt" | cut -d, -f1)
    python3 -c 'import json, sys; r = json.loads(sys.argv[1]); print(json.dumps({"kind": "switches", "client": sys.argv[2], "requests": r["requests"], "switches": int(sys.argv[3])}))' \
      "$line" "$name" "$count" >> "$results"
  }
  switches rawcurl-easy "$out/rawcurl" --mode easy
  switches sdk-full "$bin/lr-bench" --client sdk-full
  if [ "$poll_loop" = 1 ]; then switches sdk-full-pollloop "$poll_bin/lr-bench" --client sdk-full; fi
  switches transport-only "$bin/lr-bench" --client transport-only
  if [ "$poll_loop" = 1 ]; then switches transport-only-pollloop "$poll_bin/lr-bench" --client transport-only; fi
  switches handoff-floor "$bin/lr-bench" --client handoff-floor
  switches ahc "$bin/ahc-bench"
fi

# ---- Report ----
total_seconds=$(($(date +%s) - started))
say "writing $(realpath --relative-to="$root" "$doc") and $(realpath --relative-to="$root" "$png")"
# What report.py needs besides the results, kept so that `--report-only` can write the same report.
{
  printf 'export BENCH_COMMAND=%q BENCH_RUNS=%q BENCH_SECONDS=%q BENCH_WARMUP=%q\n' "make bench" "$runs" "$seconds" "$warmup"
  printf 'export BENCH_BUILD_SECONDS=%q BENCH_THROUGHPUT_SECONDS=%q BENCH_TOTAL_SECONDS=%q\n' \
    "$build_seconds" "$throughput_seconds" "$total_seconds"
  printf 'export BENCH_NGINX_VERSION=%q BENCH_PYTHON=%q\n' "$(nginx -v 2>&1 | sed 's/.*\///')" "$venv/bin/python"
  printf 'export BENCH_LOAD_BEFORE=%q BENCH_LOAD_AFTER=%q\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'export BENCH_COMMIT=%q BENCH_DIRTY=%q BENCH_DATE=%q\n' \
    "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(git -C "$root" status --porcelain -- Modules Package.swift 2>/dev/null | wc -l)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')"
} > "$out/report.env"
# shellcheck disable=SC1091
(. "$out/report.env" && python3 report.py "$results" "$doc" "$png")
sed -n '/^## Targets/,/^## Results/p' "$doc" | grep '^| [^-]' || true
say "done in $(($(date +%s) - started)) s"
