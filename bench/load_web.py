"""A load test of ``aigc-kb serve`` on localhost: concurrent clients against evaluate and explain.

    .venv/bin/python bench/load_web.py                       # 50 clients, 60 s, 2 workers
    .venv/bin/python bench/load_web.py --clients 10 --seconds 10 --workers 1

The expected answers come from the CLI first: ``aigc-kb evaluate --format
json`` over every bundled case it evaluates (one process), and ``aigc-kb
explain --format json`` for ``--explain-cases`` of them (one process each).
Then the server is started (``aigc-kb serve``, a process of its own) and each
client sends requests one after another, cycling through the (case,
operation) pairs from its own offset, until ``--seconds`` have passed or
``--max-requests`` have been sent in all.  Every answer is compared with the
CLI's whole JSON: an error, a wrong or another request's answer counts as a
failure.  Prints a Markdown summary (throughput, latency percentiles per
operation, failures) and writes it as JSON to ``bench/results/load_web.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "aigc_kb"]


def expected_answers(explain_cases: int) -> list[tuple[str, dict[str, Any], Any]]:
    """``(path, request, CLI answer)`` for evaluate on every case the CLI takes and explain on some."""
    from aigc_kb import KnowledgeBase

    kb = KnowledgeBase()   # only to read the cases (no engine)
    cases = sorted((ROOT / "cases").glob("*.yaml"))
    closed = [p for p in cases if "open" not in dict(kb.load_case(p).positions).values()]
    done = subprocess.run([*CLI, "evaluate", *map(str, closed), "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    out: list[tuple[str, dict[str, Any], Any]] = []
    for path, line in zip(closed, done.stdout.splitlines(), strict=True):
        out.append(("/api/v1/evaluate", {"case_name": path.name}, json.loads(line)))
    step = max(1, len(closed) // max(1, explain_cases))
    for path in closed[::step][:explain_cases]:
        text = subprocess.run([*CLI, "explain", str(path), "--format", "json"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
        out.append(("/api/v1/explain", {"case_name": path.name}, json.loads(text)))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([*CLI, "serve", "--port", str(port), "--workers", str(workers)], cwd=ROOT,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/cases", timeout=2).read()
            return process
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the server did not start") from None
            time.sleep(0.1)


async def run_load(url: str, work: list[tuple[str, dict[str, Any], Any]], clients: int, seconds: float,
                   max_requests: int) -> dict[str, Any]:
    latencies: dict[str, list[float]] = {"/api/v1/evaluate": [], "/api/v1/explain": []}
    failures: list[str] = []
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as http:
        # warm both workers (the first request of each loads the rules); not counted
        await asyncio.gather(*(http.post(p, json=r) for p, r, _ in work[:4]))
        start = time.monotonic()
        end = start + seconds

        async def client(index: int) -> None:
            nonlocal sent
            position = index * 7
            while time.monotonic() < end and sent < max_requests:
                sent += 1
                path, request, want = work[position % len(work)]
                position += 1
                began = time.monotonic()
                try:
                    response = await http.post(path, json=request)
                except httpx.HTTPError as err:
                    failures.append(f"{path} {request['case_name']}: {type(err).__name__}")
                    continue
                latencies[path].append(time.monotonic() - began)
                if response.status_code != 200:
                    failures.append(f"{path} {request['case_name']}: HTTP {response.status_code}")
                elif response.json() != want:
                    failures.append(f"{path} {request['case_name']}: answer differs from the CLI's")

        await asyncio.gather(*(client(i) for i in range(clients)))
        elapsed = time.monotonic() - start
    every = [x for xs in latencies.values() for x in xs]

    def summary(xs: list[float]) -> dict[str, Any]:
        if not xs:
            return {"requests": 0}
        q = statistics.quantiles(xs, n=100, method="inclusive") if len(xs) > 1 else [xs[0]] * 99
        return {"requests": len(xs), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
                "p99_ms": round(q[98] * 1000, 1), "max_ms": round(max(xs) * 1000, 1)}

    return {"clients": clients, "seconds": round(elapsed, 2), "requests": len(every),
            "throughput_rps": round(len(every) / elapsed, 1), "failures": len(failures),
            "failure_examples": failures[:10], "all": summary(every),
            "evaluate": summary(latencies["/api/v1/evaluate"]), "explain": summary(latencies["/api/v1/explain"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2, help="the server's engine workers")
    parser.add_argument("--explain-cases", type=int, default=12)
    args = parser.parse_args()

    work = expected_answers(args.explain_cases)
    # as many explain requests as evaluate requests in the cycle
    evaluate = [w for w in work if w[0].endswith("evaluate")]
    explain = [w for w in work if w[0].endswith("explain")]
    mixed = [x for pair in zip(evaluate, explain * (len(evaluate) // max(1, len(explain)) + 1)) for x in pair]
    port = free_port()
    server = start_server(port, args.workers)
    try:
        result = asyncio.run(run_load(f"http://127.0.0.1:{port}", mixed, args.clients, args.seconds,
                                      args.max_requests))
    finally:
        server.terminate()
        server.wait(10)
    result.update({"workers": args.workers, "cores": os.cpu_count(),
                   "load_average": [round(x, 2) for x in os.getloadavg()],
                   "distinct_requests": {"evaluate": len(evaluate), "explain": len(explain)}})
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load_web.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['clients']} clients, {result['seconds']} s, server with {args.workers} engine workers "
          f"on {result['cores']} cores (load average after: {result['load_average']})")
    print("| operation | requests | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ("evaluate", "explain", "all"):
        s = result[name]
        print(f"| {name} | {s['requests']} | {s.get('p50_ms')} | {s.get('p95_ms')} | {s.get('p99_ms')} | {s.get('max_ms')} |")
    print(f"throughput {result['throughput_rps']} requests/s; failures {result['failures']}")
    for line in result["failure_examples"]:
        print(f"  {line}")
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
