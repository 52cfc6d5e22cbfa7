"""Turns run.sh's results.jsonl into Docs/Performance.md and Docs/performance.png (gnuplot).

    python3 report.py results.jsonl Performance.md performance.png

Standard library only. The hand-written analysis (profile findings, fixes) comes from
findings.md beside this file and is copied in verbatim.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict

results_path, doc_path, png_path = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
env = os.environ.get

rows = [json.loads(line) for line in open(results_path) if line.strip()]
throughput = defaultdict(list)
memory, allocs, switches = [], [], []
for row in rows:
    if row.get("kind") == "throughput":
        throughput[(row["client"], row["concurrency"])].append(row)
    elif row.get("kind") == "memory":
        memory.append(row)
    elif row.get("kind") == "alloc":
        allocs.append(row)
    elif row.get("kind") == "switches":
        switches.append(row)


def med(values):
    return statistics.median(values) if values else float("nan")


summary = {}
for key, runs in throughput.items():
    summary[key] = {
        "runs": len(runs),
        "rps": med([r["rps"] for r in runs]),
        "rps_min": min(r["rps"] for r in runs),
        "rps_max": max(r["rps"] for r in runs),
        "p50": med([r["p50_us"] for r in runs]),
        "p99": med([r["p99_us"] for r in runs]),
        "rss": max(r["maxrss_kb"] for r in runs) / 1024,
        "cpu": med([r["cpu_s_per_10k"] for r in runs]),
        "errors": sum(r["errors"] for r in runs),
        "requests": sum(r["requests"] for r in runs),
    }


def baseline(concurrency):
    """Raw libcurl in the same run: the easy handle for sequential, the multi handle for N > 1."""
    key = ("rawcurl-easy", 1) if concurrency == 1 else ("rawcurl-multi", concurrency)
    return summary.get(key, {}).get("rps")


labels = {
    "rawcurl-easy": "raw libcurl, easy handle (C)",
    "rawcurl-multi": "raw libcurl, multi handle (C)",
    "sdk-full": "SDK, full default stack",
    "sdk-full-noop": "SDK, full stack, SwiftLogNoOpLogHandler",
    "sdk-bare": "SDK, bare pipeline",
    "sdk-full-pollloop": "SDK, full default stack, transport on the `curl_multi_poll` loop (before)",
    "transport-only-pollloop": "SDK transport alone, on the `curl_multi_poll` loop (before)",
    "sdk-full-obs2": "SDK, full stack + a second Tracing/Metrics middleware pair (no backend)",
    "ahc": "async-http-client + JSONDecoder",
    "urlsession": "URLSession + JSONDecoder",
    "python-sdk": "Python SDK (loginradius-v2 11.7.0)",
    "sdk-stub": "SDK, full default stack over a canned-reply transport (no network, no hand-off)",
    "sdk-stub-obs2": "the same + a second Tracing/Metrics middleware pair (no backend)",
    "transport-only": "SDK transport alone (`CurlTransport.send`)",
    "handoff-floor": "async hand-off floor: task → I/O thread → task, no network, no work",
    "decode-only": "typed decoding as the SDK does it: `AccessToken<Identity>` read straight from the reply's bytes (no network)",
    "decode-tree": "the same through a tree: `JSONValue(parsing:)` + `AccessToken<Identity>(jsonValue:)` (no network)",
    "decode-decoder": "the same through `JSONDecoder` + `init(from:)` (a custom `Codable` profile's path; no network)",
    "decode-plain": "plain synthesized `Decodable` of the same reply, `JSONDecoder` (no network)",
    "decode-jsonvalue": "the reply as an untyped `JSONValue` tree through `JSONDecoder` (no network)",
    "decode-jsonvalue-parser": "the same tree from the SDK's own parser, `JSONValue(parsing:)` (no network)",
}
breakdown = ["sdk-stub", "sdk-stub-obs2", "transport-only", "transport-only-pollloop", "handoff-floor", "decode-only", "decode-tree", "decode-decoder", "decode-plain", "decode-jsonvalue",
             "decode-jsonvalue-parser"]
order = ["rawcurl-easy", "rawcurl-multi", "sdk-full", "sdk-full-pollloop", "sdk-bare", "sdk-full-noop", "sdk-full-obs2", "ahc", "urlsession",
         "python-sdk"]
keys = sorted((k for k in summary if k[0] not in breakdown), key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1]))
breakdown_keys = sorted((k for k in summary if k[0] in breakdown), key=lambda k: (breakdown.index(k[0]), k[1]))


def fmt(value, digits=0):
    if value != value:  # NaN
        return "–"
    return f"{value:,.{digits}f}"


def rps_of(client, n):
    return summary.get((client, n), {}).get("rps", float("nan"))


# ---- targets ----
targets = []


def target(name, value, goal, ok, detail):
    targets.append((name, value, goal, "met" if ok else "**missed**", detail))


def alloc_of(client, n):
    for a in allocs:
        if a.get("client") == client and a.get("concurrency") == n and "allocs_per_call" in a:
            return a["allocs_per_call"]
    return float("nan")


def pooled_cost(client, reference):
    """Per run and concurrency, client vs reference CPU per call from the same round; all the ratios − 1."""
    ratios = []
    for (name, n), runs in throughput.items():
        if name != client:
            continue
        ref_runs = {r["run"]: r for r in throughput.get((reference, n), [])}
        ratios += [r["cpu_s_per_10k"] / ref_runs[r["run"]]["cpu_s_per_10k"] - 1 for r in runs if r["run"] in ref_runs]
    return ratios


cpu32 = summary.get(("sdk-full", 32), {}).get("cpu", float("nan")) * 100  # CPU s per 10k → µs per call
target("SDK full stack, CPU per call at 32 in flight", f"{cpu32:.1f} µs", "≤ 30 µs", cpu32 <= 30,
       f"raw libcurl multi: {summary.get(('rawcurl-multi', 32), {}).get('cpu', float('nan')) * 100:.1f} µs; "
       f"async-http-client: {summary.get(('ahc', 32), {}).get('cpu', float('nan')) * 100:.1f} µs")
if baseline(32):
    ratio32 = rps_of("sdk-full", 32) / baseline(32)
    target("SDK vs raw libcurl at 32 in flight", f"{ratio32:.2f} ×", "≥ 0.65 ×", ratio32 >= 0.65,
           f"{fmt(rps_of('sdk-full', 32))} vs {fmt(baseline(32))} req/s")
seq_ratio = rps_of("sdk-full", 1) / baseline(1) if baseline(1) else float("nan")
target("SDK vs raw libcurl, sequential", f"{seq_ratio:.2f} ×", "≥ 0.65 ×", seq_ratio >= 0.65,
       f"{fmt(rps_of('sdk-full', 1))} vs {fmt(baseline(1))} req/s (full stack)")
for n, goal in ((32, 2.5), (1, 1.6)):
    if ("ahc", n) in summary:
        ratio = rps_of("sdk-full", n) / rps_of("ahc", n)
        cpu_ratio = summary[("ahc", n)]["cpu"] / summary[("sdk-full", n)]["cpu"] if ("sdk-full", n) in summary else float("nan")
        where = "sequential" if n == 1 else f"at {n} in flight"
        target(f"SDK vs async-http-client + JSONDecoder, {where}", f"{ratio:.2f} ×", f"≥ {goal} ×", ratio >= goal,
               f"{fmt(rps_of('sdk-full', n))} vs {fmt(rps_of('ahc', n))} req/s; async-http-client uses {cpu_ratio:.2f} × the SDK's CPU per call")
for n in (1, 32):
    allocs_full = alloc_of("sdk-full", n)
    if allocs_full == allocs_full:
        target(f"allocations per call (login, full stack, {n} in flight)", f"{allocs_full:.1f}", "≤ 30", allocs_full <= 30,
               f"raw libcurl: {alloc_of('rawcurl-easy' if n == 1 else 'rawcurl-multi', n):.1f}; async-http-client: {alloc_of('ahc', n):.1f}")
for m in memory:
    if m.get("concurrency") == 32:
        growth = (m["rss_kb_total"] - m["rss_kb_first"]) / 1024
        target(f"RSS growth, {round(m['calls_first'] / 1000)} k → {round(m['calls_total'] / 1000)} k calls (32 in flight)",
               f"{growth:+.2f} MiB", "< 1 MB", growth < 1, f"{m['rss_kb_first'] / 1024:.1f} → {m['rss_kb_total'] / 1024:.1f} MiB")
obs = pooled_cost("sdk-full-obs2", "sdk-full")
if obs:
    stub, stub2 = summary.get(("sdk-stub", 1)), summary.get(("sdk-stub-obs2", 1))
    stub_detail = ""
    if stub and stub2:
        stub_detail = (f"; without network (canned-reply transport): {stub['cpu'] * 100:.2f} → {stub2['cpu'] * 100:.2f} µs per call, "
                       f"{(stub2['cpu'] - stub['cpu']) * 100:+.2f} µs")
    allocs_delta = alloc_of("sdk-full-obs2", 1) - alloc_of("sdk-full", 1)
    target("tracing + metrics with no backend (a second pair on the full stack)", f"{med(obs) * 100:+.1f} % CPU per call",
           "≤ 2 %", med(obs) <= 0.02,
           f"median of {len(obs)} same-round pairs at 1 and 32 in flight; {allocs_delta:+.1f} allocations per call{stub_detail}")
stub, stub2 = summary.get(("sdk-stub", 1)), summary.get(("sdk-stub-obs2", 1))
if stub and stub2:
    stub_cost = stub2["cpu"] / stub["cpu"] - 1
    target("tracing + metrics with no backend, no network (canned-reply transport)", f"{stub_cost * 100:+.1f} % CPU per call",
           "≤ 2 %", stub_cost <= 0.02, f"{stub['cpu'] * 100:.2f} → {stub2['cpu'] * 100:.2f} µs per call: the SDK's own work only, sequential")
for n in sorted({k[1] for k in summary if k[0] == "urlsession"}):
    ratio = rps_of("sdk-full", n) / rps_of("urlsession", n)
    target(f"SDK vs URLSession at {n} in flight", f"{ratio:.2f} ×", "≥ 5 ×", ratio >= 5,
           f"{fmt(rps_of('sdk-full', n))} vs {fmt(rps_of('urlsession', n))} req/s")
# Pooled: per run and concurrency, full vs bare CPU per call from the same round; the median of all.
pooled = []
for (client, n), runs in throughput.items():
    if client != "sdk-full":
        continue
    bare_runs = {r["run"]: r for r in throughput.get(("sdk-bare", n), [])}
    pooled += [r["cpu_s_per_10k"] / bare_runs[r["run"]]["cpu_s_per_10k"] - 1 for r in runs if r["run"] in bare_runs]
if pooled:
    cost = med(pooled)
    target("full stack over bare pipeline, all runs and concurrencies", f"{cost * 100:+.1f} % CPU per call", "≤ +10 %",
           cost <= 0.10, f"median of {len(pooled)} same-round pairs (per concurrency below)")
for n in sorted({k[1] for k in summary if k[0] == "sdk-bare"}):
    full, bare = summary.get(("sdk-full", n)), summary.get(("sdk-bare", n))
    if full and bare:
        cost_cpu = full["cpu"] / bare["cpu"] - 1
        cost_rps = bare["rps"] / full["rps"] - 1
        target(f"full stack over bare pipeline at {n} in flight", f"{cost_cpu * 100:+.1f} % CPU per call",
               "≤ +10 %", cost_cpu <= 0.10,
               f"{full['cpu']:.3f} vs {bare['cpu']:.3f} CPU s/10k; req/s {fmt(full['rps'])} vs {fmt(bare['rps'])} ({-cost_rps * 100 / (1 + cost_rps):+.1f} %)")

# ---- chart (gnuplot): req/s by client and concurrency ----
concurrencies = sorted({k[1] for k in keys})
chart_clients = [c for c in ["rawcurl", "sdk-full", "sdk-bare", "ahc", "urlsession", "python-sdk"]]
chart_titles = {
    "rawcurl": "raw libcurl (C; easy at 1, multi at N)",
    "sdk-full": "SDK, full stack",
    "sdk-bare": "SDK, bare pipeline",
    "sdk-full-pollloop": "SDK, full default stack, transport on the `curl_multi_poll` loop (before)",
    "transport-only-pollloop": "SDK transport alone, on the `curl_multi_poll` loop (before)",
    "sdk-full-obs2": "SDK, full stack + a second Tracing/Metrics middleware pair (no backend)",
    "ahc": "async-http-client + JSONDecoder",
    "ahc": "async-http-client + JSONDecoder",
    "urlsession": "URLSession + JSONDecoder",
    "python-sdk": "Python SDK (sequential only)",
}
with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data.tsv")
    with open(data, "w") as f:
        for n in concurrencies:
            cells = []
            for client in chart_clients:
                value = baseline(n) if client == "rawcurl" else rps_of(client, n)
                cells.append("NaN" if value is None or value != value else f"{value:.0f}")
            f.write(f"{n}\t" + "\t".join(cells) + "\n")
    plot = os.path.join(tmp, "plot.gp")
    colors = ["#444444", "#1f77b4", "#9ecae1", "#9467bd", "#ff7f0e", "#2ca02c"]
    with open(plot, "w") as f:
        f.write(f"""
set terminal pngcairo size 1100,660 font "DejaVu Sans,12"
set output "{png_path}"
set title "loginByEmail against nginx on 127.0.0.1 — requests/s, median of {env('BENCH_RUNS', '5')} runs (higher is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set boxwidth 0.9
set key outside below horizontal center
set bmargin 7
set xlabel "requests in flight"
set ylabel "requests per second"
set grid ytics
set yrange [0:*]
set offsets 0,0,graph 0.12,0
set format y "%.0f"
""")
        parts = []
        for i, client in enumerate(chart_clients):
            column = i + 2
            using = f"{column}:xtic(1)" if i == 0 else f"{column}"
            parts.append(f"'{data}' using {using} title \"{chart_titles[client]}\" lc rgb \"{colors[i]}\"")
        k = len(chart_clients)
        for i in range(k):
            column = i + 2
            parts.append(f"'{data}' using ($0 + ({i} - {(k - 1) / 2}) / {k + 1}.0):{column}:(sprintf(\"%.0f\", ${column})) "
                         f"with labels rotate by 90 left offset 0,0.3 font \",9\" notitle")
        f.write("plot " + ", \\\n     ".join(parts) + "\n")
    subprocess.run(["gnuplot", plot], check=True)

# ---- machine ----
def read(path):
    try:
        return open(path).read()
    except OSError:
        return ""


cpuinfo = read("/proc/cpuinfo")
model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
memtotal = re.search(r"MemTotal:\s*(\d+)", read("/proc/meminfo"))
os_name = re.search(r'PRETTY_NAME="(.*)"', read("/etc/os-release"))


def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:
        return ""


swift_version = run(["swift", "--version"]).splitlines()
curl_version = run(["curl-config", "--version"]) or run(["curl", "--version"]).split("\n")[0]
python_version = run([env("BENCH_PYTHON", "python3"), "--version"])
machine = [
    ("nproc", run(["nproc"])),
    ("CPU", model.group(1) if model else platform.processor()),
    ("memory", f"{int(memtotal.group(1)) / 1024 / 1024:.1f} GiB" if memtotal else "?"),
    ("OS", f"{os_name.group(1) if os_name else platform.system()}, kernel {platform.release()}"),
    ("Swift", swift_version[0] if swift_version else "?"),
    ("libcurl", curl_version),
    ("nginx", env("BENCH_NGINX_VERSION", "?") + " (1 worker process, keep-alive, `return 200` with the canned reply)"),
    ("Python", python_version),
    ("SDK", f"commit {env('BENCH_COMMIT', '?')}" + (f" plus uncommitted changes to {env('BENCH_DIRTY').strip()} files under Modules/" if env("BENCH_DIRTY", "0").strip() not in ("", "0") else "") + ", release build"),
    ("when", env("BENCH_DATE", "?")),
    ("load average (1, 5, 15 min)", f"{env('BENCH_LOAD_BEFORE', '?')} before the run, {env('BENCH_LOAD_AFTER', '?')} after (the machine is shared; anything above ~2 means other work competed for the 2 cores)"),
]

# ---- document ----
out = []
w = out.append
w("# Performance")
w("")
w("<!-- Generated by `make bench` (Tools/Benchmarks/run.sh + report.py); the analysis sections come from")
w("     Tools/Benchmarks/findings.md. Do not edit by hand: re-run `make bench`. -->")
w("")
w("One workload for every client: `POST identity/v2/auth/login?apiKey=…` with the JSON body")
w("`{\"email\":…,\"password\":…}`, against one nginx on 127.0.0.1 that answers every path with a canned")
w(f"{os.path.getsize(os.path.join(here, 'nginx', 'login-reply.json')):,}-byte LoginRadius login reply (`access_token`, `refresh_token`, `expires_in`, a `Profile` with")
w("typical `Identity` fields) over kept-alive connections; each client then decodes the reply:")
w("")
w("| client | what it does with the reply |")
w("|---|---|")
w("| raw libcurl, easy handle (C) | one easy handle, `curl_easy_perform` in a loop; copies the body into a buffer and checks its length only (no JSON parsing): the ceiling |")
w("| raw libcurl, multi handle (C) | one multi handle with N easy handles in flight, each re-added as soon as it finishes; same minimal check |")
w("| SDK, full default stack | `client.authentication.loginByEmail(.init(email:password:))` → `AccessToken<Identity>`; default configuration (logging, compression, retry); logger at `.info` with a handler that drops each line after it was built (the info line's message and metadata are formatted on every call) |")
w("| SDK, full stack, SwiftLogNoOpLogHandler | the same with swift-log's no-op handler, which reports level `.critical`, so swift-log never builds the info line |")
w("| SDK, bare pipeline | retry `.disabled`, compression `.disabled`, log levels `.trace` on an `.info` logger: nothing is formatted |")
w("| SDK, full default stack, `curl_multi_poll` loop | only with `BENCH_POLL_LOOP=1`: the same SDK built with `-DLR_CURL_POLL_LOOP`, whose transport thread sleeps in `curl_multi_poll` and is handed every submission (the Linux transport before the socket-action loop), for the side-by-side |")
w("| SDK, full stack + a second Tracing/Metrics pair | the full default stack with `TracingMiddleware()` and `MetricsMiddleware()` passed again as the client's middleware; no tracer or metrics backend is bootstrapped. The client always installs one pair, so this row minus the full stack is what that pair costs |")
w("| async-http-client + JSONDecoder | async-http-client 1.37.0: one `HTTPClient` (pool of max(N, 8) HTTP/1.1 connections), `execute` with the same JSON body (`JSONEncoder`), `collect(upTo:)`, `JSONDecoder` into the same 10-field `Codable` struct as URLSession: what a Swift server developer writes without an SDK |")
w("| URLSession + JSONDecoder | FoundationNetworking `URLSession.data(for:)` (`httpMaximumConnectionsPerHost` = N) and `JSONDecoder` into a 10-field `Codable` struct: what an app writes without an SDK |")
w("| Python SDK | LoginRadius's `loginradius-v2==11.7.0` from PyPI, `LR.CUSTOM_DOMAIN` = the nginx address, `authentication.login_by_email(…)`, sequential; it posts with `requests.post` and no session, so every call opens a new connection (that is the SDK as shipped) |")
w("")
w(f"Each configuration ran {env('BENCH_RUNS', '5')} times for {env('BENCH_SECONDS', '1.5')} s after a {env('BENCH_WARMUP', '0.3')} s warm-up on the same connections, one process per run, the runs of all")
w("configurations interleaved round by round so that a noisy neighbour hits every client alike. Swift binaries are")
w("release builds (`swift build -c release`), the C client is `gcc -O2`. Requests per second are the median over")
w("the runs; p50/p99 are each run's latency quantiles (per call, from the start of the call to the decoded")
w("value), median over the runs; peak RSS is the largest `ru_maxrss` of the runs; CPU is the client process's user +")
w("system time (all its threads; not nginx's) during the measured window, per 10,000 requests, median over the runs.")
w("")
w("## Targets")
w("")
w("Middleware cost is judged on CPU per call (user + system time of the client process), which is steadier")
w("than req/s on a shared machine; the req/s difference is shown too.")
w("")
w("| target | measured | goal | | detail |")
w("|---|---|---|---|---|")
for name, value, goal, status, detail in targets:
    w(f"| {name} | {value} | {goal} | {status} | {detail} |")
w("")
w("## Results")
w("")
w("Ratio: req/s over raw libcurl's in the same run (the easy handle for 1 in flight, the multi handle with the same")
w("number in flight otherwise).")
w("")
w("| client | in flight | req/s (median) | min – max | ratio to raw libcurl | p50 µs | p99 µs | peak RSS MiB | CPU s / 10k req | errors |")
w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for key in keys:
    s = summary[key]
    base = baseline(key[1])
    ratio = f"{s['rps'] / base:.2f}" if base else "–"
    w(f"| {labels.get(key[0], key[0])} | {key[1]} | {fmt(s['rps'])} | {fmt(s['rps_min'])} – {fmt(s['rps_max'])} | {ratio} | "
      f"{fmt(s['p50'], 0)} | {fmt(s['p99'], 0)} | {s['rss']:.1f} | {s['cpu']:.2f} | {s['errors']} |")
w("")
w("![Requests per second by client and number of requests in flight](performance.png)")
w("")
if breakdown_keys:
    w("## Where the time goes")
    w("")
    w("The same runs also measured the SDK's parts alone: its transport with a prebuilt request (no pipeline, no")
    w("request building, no validation, no decoding); the async hand-off floor (a task handing a continuation to a")
    w("thread of its own and being resumed by it, with no network: the two wake-ups per call any async client with an")
    w("I/O thread pays); and the typed decoding of the canned reply without any network, the SDK's way and through")
    w("`JSONDecoder`, next to a plain synthesized `Decodable` of the same reply and the reply as an untyped tree.")
    w("For the decoders, \"per second\" is decodes per second and p50 the time of one decode.")
    w("")
    w("| part | in flight | per second (median) | p50 µs | p99 µs | CPU s / 10k |")
    w("|---|---:|---:|---:|---:|---:|")
    for key in breakdown_keys:
        s_ = summary[key]
        w(f"| {labels.get(key[0], key[0])} | {key[1]} | {fmt(s_['rps'])} | {fmt(s_['p50'], 1)} | {fmt(s_['p99'], 1)} | {s_['cpu']:.2f} |")
    w("")

    def cpu_us(client, n=1):
        s_ = summary.get((client, n))
        return s_["cpu"] * 100 if s_ else float("nan")  # CPU s per 10k → µs per call

    def p50(client, n=1):
        s_ = summary.get((client, n))
        return s_["p50"] if s_ else float("nan")

    raw, transport, decode, plain = cpu_us("rawcurl-easy"), cpu_us("transport-only"), cpu_us("decode-only"), cpu_us("decode-plain")
    bare, full = cpu_us("sdk-bare"), cpu_us("sdk-full")
    rest = bare - transport - decode
    w("CPU per sequential call, in µs (CPU s per 10k ÷ 100), and how the SDK's splits up:")
    w("")
    w("| | CPU µs / call | p50 latency µs |")
    w("|---|---:|---:|")
    w(f"| raw libcurl, easy handle (no parsing) | {raw:.1f} | {p50('rawcurl-easy'):.0f} |")
    w(f"| SDK transport alone | {transport:.1f} ({transport - raw:+.1f} over raw libcurl) | {p50('transport-only'):.0f} |")
    w(f"| typed decoding of `AccessToken<Identity>` | {decode:.1f} | {p50('decode-only'):.0f} |")
    w(f"| the same through `JSONDecoder` (a custom profile type's path) | {cpu_us('decode-decoder'):.1f} | {p50('decode-decoder'):.0f} |")
    w(f"| plain `Decodable` of the same reply (the `JSONDecoder` floor) | {plain:.1f} | {p50('decode-plain'):.0f} |")
    w(f"| async hand-off floor (task → I/O thread → task) | {cpu_us('handoff-floor'):.1f} | {p50('handoff-floor'):.0f} |")
    w(f"| request building, pipeline, validation (bare − transport − decoding) | {rest:.1f} | |")
    w(f"| **SDK, bare pipeline** | **{bare:.1f}** | {p50('sdk-bare'):.0f} |")
    w(f"| middleware of the full stack (full − bare) | {full - bare:+.1f} | |")
    w(f"| **SDK, full default stack** | **{full:.1f}** | {p50('sdk-full'):.0f} |")
    w("")
    floor = p50("handoff-floor")
    if raw == raw and floor == floor and decode == decode:
        ceiling = p50("rawcurl-easy") + floor + p50("decode-only")
        w(f"A sequential async call cannot be faster than raw libcurl's exchange plus the hand-off floor plus decoding:")
        w(f"about {p50('rawcurl-easy'):.0f} + {floor:.0f} + {p50('decode-only'):.0f} = {ceiling:.0f} µs per call here, i.e. at most")
        w(f"{p50('rawcurl-easy') / ceiling:.2f} × raw libcurl's sequential rate for any client that does not block the calling")
        w(f"thread in `curl_easy_perform` (see Findings). Against that ceiling ({1e6 / ceiling:,.0f} req/s) the SDK's full stack")
        w(f"reaches {summary.get(('sdk-full', 1), {}).get('rps', float('nan')) * ceiling / 1e6:.2f} ×.")
        w("")
w("## Memory")
w("")
w("`lr-bench --mode memory`: the full-stack client makes 10,000 calls, then many more; RSS (`VmRSS`) is read after")
w("each phase.")
w("")
w("| in flight | RSS after first calls | RSS after all calls | growth | verdict (< 5 MB) |")
w("|---:|---:|---:|---:|---|")
for m in memory:
    growth = (m["rss_kb_total"] - m["rss_kb_first"]) / 1024
    w(f"| {m['concurrency']} | {m['rss_kb_first'] / 1024:.1f} MiB after {m['calls_first']:,} | {m['rss_kb_total'] / 1024:.1f} MiB after {m['calls_total']:,} | "
      f"{growth:+.2f} MiB | {'no leak' if growth < 5 else '**growth ≥ 5 MB**'} ({m['errors']} errors) |")
w("")
w("## Allocations per call")
w("")
w("Counted with `LD_PRELOAD=libmalloccount.so` (Tools/Benchmarks/c/malloccount.c): every `malloc`, `calloc`,")
w("`realloc`, `posix_memalign`, `aligned_alloc`, `memalign` of every thread of the process, and the bytes asked for,")
w(f"over {allocs[0]['requests'] if allocs else '?':,} calls after 1,000 warm-up calls on the same connections (so connection setup is not counted).")
w("libcurl's own allocations are included in every libcurl-based row.")
w("")
w("| client | in flight | allocations / call | bytes allocated / call |")
w("|---|---:|---:|---:|")
for a in allocs:
    if "error" in a:
        w(f"| {labels.get(a['client'], a['client'])} | – | {a['error']} | |")
        continue
    w(f"| {labels.get(a['client'], a['client'])} | {a['concurrency']} | {a['allocs_per_call']:.1f} | {a['bytes_per_call']:,.0f} |")
w("")
if switches:
    w("## Thread hand-offs per call")
    w("")
    w("`perf stat -e context-switches` over one sequential run of 2 s (all threads of the client process), divided by")
    w("the calls made: each time a thread blocks (in `poll`, `epoll_wait`, a futex) and another is scheduled counts")
    w("once, so this counts the hand-offs a call costs, not how long they take.")
    w("")
    w("| client | calls | context switches | per call |")
    w("|---|---:|---:|---:|")
    for row in switches:
        w(f"| {labels.get(row['client'], row['client'])} | {row['requests']:,} | {row['switches']:,} | {row['switches'] / max(1, row['requests']):.2f} |")
    w("")
findings = os.path.join(here, "findings.md")
if os.path.exists(findings):
    w(open(findings).read().rstrip())
    w("")
w("## Machine and command")
w("")
w("| | |")
w("|---|---|")
for name, value in machine:
    w(f"| {name} | {value} |")
w("")
total = env("BENCH_TOTAL_SECONDS")
w(f"Produced by `{env('BENCH_COMMAND', 'make bench')}` (Tools/Benchmarks/run.sh) in {total} s of wall time: {env('BENCH_BUILD_SECONDS')} s of (incremental)")
w(f"build, {env('BENCH_THROUGHPUT_SECONDS')} s of throughput runs, the rest memory and allocation runs. The 2 cores are shared")
w("by nginx (1 worker) and the client, so every client also competes with the server for CPU. Knobs: `BENCH_RUNS`,")
w("`BENCH_SECONDS`, `BENCH_WARMUP`, `BENCH_CONCURRENCY`, `BENCH_MEMORY_CALLS`, `BENCH_ALLOC_CALLS`.")
w("")
open(doc_path, "w").write("\n".join(out))
