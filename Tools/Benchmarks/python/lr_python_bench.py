"""LoginRadius's Python SDK (loginradius-v2 11.7.0 from PyPI) under the same workload, sequentially.

    python lr_python_bench.py --url http://127.0.0.1:PORT/ [--seconds S] [--warmup S] [--run R]

`client.authentication.login_by_email({"email": …, "password": …})` with LR.CUSTOM_DOMAIN set to
the server. The SDK posts with `requests.post` (no Session), so every call opens a new connection:
that is the SDK as shipped. Prints one JSON line like the other benchmarks.
"""
import argparse
import json
import resource
import time

from LoginRadius import LoginRadius as LR

parser = argparse.ArgumentParser()
parser.add_argument("--url", default="http://127.0.0.1:8080/")
parser.add_argument("--seconds", type=float, default=1.5)
parser.add_argument("--warmup", type=float, default=0.3)
parser.add_argument("--run", type=int, default=1)
parser.add_argument("--concurrency", type=int, default=1)  # accepted for symmetry; always 1
args = parser.parse_args()

LR.API_KEY = "00000000-aaaa-bbbb-cccc-000000000001"
LR.API_SECRET = "11111111-dddd-eeee-ffff-000000000002"
LR.CUSTOM_DOMAIN = args.url
client = LR()
body = {"email": "ada@example.com", "password": "correct horse battery staple"}


def call():
    reply = client.authentication.login_by_email(body)
    return isinstance(reply, dict) and bool(reply.get("access_token")) and bool(reply.get("Profile", {}).get("Uid"))


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def window(seconds):
    latencies, errors = [], 0
    start = time.perf_counter()
    deadline = start + seconds
    now = start
    while now < deadline:
        ok = call()
        end = time.perf_counter()
        latencies.append(end - now)
        errors += 0 if ok else 1
        now = end
    return latencies, errors, time.perf_counter() - start


window(args.warmup)
cpu0 = cpu()
latencies, errors, elapsed = window(args.seconds)
cpu_s = cpu() - cpu0
latencies.sort()


def quantile(q):
    index = max(0, min(len(latencies) - 1, int(len(latencies) * q + 0.999999) - 1))
    return latencies[index] * 1e6


print(json.dumps({
    "kind": "throughput", "client": "python-sdk", "concurrency": 1, "run": args.run,
    "requests": len(latencies), "errors": errors, "seconds": round(elapsed, 3),
    "rps": round(len(latencies) / elapsed, 3), "p50_us": round(quantile(0.5), 3), "p99_us": round(quantile(0.99), 3),
    "cpu_s": round(cpu_s, 3), "cpu_s_per_10k": round(cpu_s / len(latencies) * 10000, 3),
    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}), flush=True)
