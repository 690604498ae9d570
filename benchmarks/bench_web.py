"""Load benchmark of `proxygraph serve` on loopback: latency percentiles and errors.

    .venv/bin/python benchmarks/bench_web.py                       # 2,000 requests, 8 at once
    .venv/bin/python benchmarks/bench_web.py --requests 500 --concurrency 4 --json
    .venv/bin/python benchmarks/bench_web.py --db example.db       # an existing store

Fills a SQLite store in a temp folder with --docs synthetic records (the generator of
bench_store.py) unless --db is given, starts `proxygraph serve` on 127.0.0.1 on a free
port (loopback only: the target is never another address), waits for it, then sends a
fixed mix of GET requests (network, filtered network, edge evidence, actor, document,
timeline, places, pages, a static file) from --concurrency threads with keep-alive
connections. It stops after --requests requests or --max-seconds, whichever comes first,
stops the server and reports p50, p90, p99 and max latency (ms), overall and per route,
requests/s, and every error (status >= 400 or a failed connection).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, by design


def _bench_store() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "benchmarks/bench_store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill_store(path: Path, docs: int, seed: int) -> None:
    from proxygraph.store import Store

    records = _bench_store().synthetic_records(docs, random.Random(seed))
    with Store(str(path)) as store:
        store.load_records(records)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Host": f"{HOST}:{conn.port}"})
    response = conn.getresponse()
    return response.status, response.read()


def start_server(db: str, port: int) -> subprocess.Popen[str]:
    exe = Path(sys.executable).with_name("proxygraph")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "proxygraph"]
    proc = subprocess.Popen(
        [*command, "serve", "--db", db, "--host", HOST, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(
                f"proxygraph serve exited: {proc.stderr.read() if proc.stderr else ''}"
            )
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            status, _ = get(conn, "/api/stats")
            conn.close()
            if status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("proxygraph serve did not answer within 30 s")


def request_mix(port: int) -> list[tuple[str, str]]:
    """(route name, path) pairs built from what the store holds."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    _, body = get(conn, "/api/edges?limit=50")
    edges = json.loads(body)
    _, body = get(conn, "/api/documents?limit=50")
    docs = json.loads(body)["documents"]
    conn.close()
    if not edges or not docs:
        raise SystemExit("the store is empty: load documents first")
    mix: list[tuple[str, str]] = []
    for i in range(50):
        e, d = edges[i % len(edges)], docs[i % len(docs)]
        mix += [
            ("GET /api/graph", "/api/graph?limit=200"),
            ("GET /api/graph?filters", "/api/graph?relation=SUPPORTS&min_independent=1&limit=200"),
            ("GET /api/edges/{id}", f"/api/edges/{e['edge_id']}"),
            ("GET /api/actors/{key}", "/api/actors/" + quote(e["source_key"], safe="")),
            ("GET /api/documents/{key}", f"/api/documents/{d['doc_key']}"),
            ("GET /api/claims", "/api/claims?limit=200&relation=SUPPORTS"),
            ("GET /edges/{id} (page)", f"/edges/{e['edge_id']}"),
            ("GET /documents/{key} (page)", f"/documents/{d['doc_key']}"),
            ("GET / (page)", "/?limit=100"),
            ("GET /static/app.css", "/static/app.css"),
        ]
    mix.append(("GET /api/places", "/api/places"))
    return mix


def run(port: int, total: int, concurrency: int, max_seconds: float) -> dict[str, Any]:
    mix = request_mix(port)
    lock = threading.Lock()
    counter = {"next": 0}
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while True:
            with lock:
                i = counter["next"]
                if i >= total or time.monotonic() >= deadline:
                    break
                counter["next"] = i + 1
            name, path = mix[i % len(mix)]
            start = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except (OSError, http.client.HTTPException) as exc:
                status = 0
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}: {exc}")
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies[name].append(elapsed)
                if status >= 400:
                    errors.append(f"{path}: HTTP {status}")
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    every = [ms for values in latencies.values() for ms in values]
    return {
        "requests": len(every),
        "errors": len(errors),
        "error_samples": errors[:10],
        "seconds": round(wall, 2),
        "requests_per_s": round(len(every) / wall, 1) if wall else 0.0,
        "stopped_by": "count" if len(every) >= total else "time cap",
        "overall": summary(every),
        "routes": {name: summary(values) for name, values in sorted(latencies.items())},
    }


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 1)

    return {"n": len(ordered), "p50": pct(50), "p90": pct(90), "p99": pct(99),
            "max": round(ordered[-1], 1), "mean": round(statistics.fmean(ordered), 1)}  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing store (default: a synthetic one, temp folder)")
    parser.add_argument("--docs", type=int, default=400, help="synthetic documents to load")
    parser.add_argument("--requests", type=int, default=2000, help="requests to send")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time cap")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not (1 <= args.requests <= 100_000 and 1 <= args.concurrency <= 64):
        parser.error("--requests must be 1..100000 and --concurrency 1..64")
    if not 0 < args.max_seconds <= 600:
        parser.error("--max-seconds must be in (0, 600]")

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        built = None
        if db is None:
            db = str(Path(tmp) / "bench-web.db")
            t0 = time.perf_counter()
            fill_store(Path(db), args.docs, args.seed)
            built = round(time.perf_counter() - t0, 1)
        port = free_port()
        server = start_server(db, port)
        try:
            result = run(port, args.requests, args.concurrency, args.max_seconds)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
        from proxygraph.store import Store

        with Store(db, create=False) as store:
            result["store"] = store.stats()
    result["store_built_s"] = built
    result["concurrency"] = args.concurrency
    result["cpus"] = os.cpu_count()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
    return 1 if result["errors"] else 0


def report(r: dict[str, Any]) -> str:
    s = r["store"]
    lines = [
        f"store: {s['documents']} documents, {s['claims']} claims, {s['edges']} edges"
        + (f" (built in {r['store_built_s']} s)" if r["store_built_s"] is not None else ""),
        f"{r['requests']} requests, {r['concurrency']} at once, in {r['seconds']} s "
        f"({r['requests_per_s']} req/s; stopped by {r['stopped_by']}); errors: {r['errors']}",
        "",
        f"{'route':34} {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}",
    ]
    for name, v in [("all", r["overall"]), *r["routes"].items()]:
        if v.get("n"):
            lines.append(f"{name:34} {v['n']:>5} {v['p50']:>8} {v['p90']:>8} {v['p99']:>8} "
                         f"{v['max']:>8}")  # fmt: skip
    lines += [f"error: {e}" for e in r["error_samples"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
