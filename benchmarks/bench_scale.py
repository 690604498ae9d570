"""Documents/s of extraction: local processes (--workers 1, 2) and the Ray engine.

    .venv/bin/python benchmarks/bench_scale.py [--docs N] [--workers 1,2] [--ray-workers 2]
    .venv/bin/python benchmarks/bench_scale.py --address ray://head:10001 --ray-workers 1,8,32 \\
        --shard-dir /shared/bench --no-local

Corpus: the texts of ../shared/eval/claims-dev.jsonl when the shared folder exists, else
examples/corpus, repeated to --docs documents (unique ids) and written as JSON Lines shards
into --shard-dir (a temporary folder by default; on a cluster give one every node reads).
Local runs build the pipeline first and time extraction only; Ray runs are timed end to end
(Ray start, actor start and model load in each actor included: use enough --docs that these
are small against the run). With --load-db, `proxygraph load --engine ray` is timed as well:
extraction on Ray and storing from the driver, into that database (emptied first).
Scaling efficiency is docs/s at N workers over N times docs/s at the smallest N measured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "eval" / "claims-dev.jsonl"


def corpus_texts() -> list[str]:
    from proxygraph.ingest import iter_documents

    source = [str(SHARED_DEV)] if SHARED_DEV.exists() else [str(ROOT / "examples" / "corpus")]
    texts = [d.text for d in iter_documents(source) if not isinstance(d, Exception)]
    return [t for t in texts if t.strip()]


def write_shards(texts: list[str], docs: int, shard_dir: Path, shards: int) -> None:
    shard_dir.mkdir(parents=True, exist_ok=True)
    files = [(shard_dir / f"part-{i:04d}.jsonl").open("w", encoding="utf-8") for i in range(shards)]
    for n in range(docs):
        line = json.dumps({"id": f"bench-{n}", "source": "bench", "text": texts[n % len(texts)]})
        files[n % shards].write(line + "\n")
    for f in files:
        f.close()


def bench_local(shard_dir: Path, workers: int) -> dict:
    from proxygraph.extractor import Extractor
    from proxygraph.ingest import iter_documents

    docs = [d for d in iter_documents([str(shard_dir)]) if not isinstance(d, Exception)]
    extractor = Extractor()
    _ = extractor.pipe
    start = time.perf_counter()
    count = sum(1 for _ in extractor.extract_many(docs, workers=workers))
    seconds = time.perf_counter() - start
    return {"engine": "local", "workers": workers, "docs": count, "seconds": seconds}


def bench_ray(shard_dir: Path, out_dir: Path, workers: int, address: str | None) -> dict:
    from proxygraph.scale.ray_engine import RayJob, run

    job = RayJob(address=address, workers=workers, object_store_mb=None if address else 200)
    start = time.perf_counter()
    result = run([str(shard_dir)], str(out_dir), job)
    seconds = time.perf_counter() - start
    return {"engine": "ray", "workers": workers, "docs": result.written, "seconds": seconds}


def bench_ray_load(shard_dir: Path, workers: int, address: str | None, db: str) -> dict:
    """`proxygraph load --engine ray` into db (emptied first), timed as a user runs it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_store import _empty

    _empty(db)
    command = [sys.executable, "-m", "proxygraph", "load", str(shard_dir), "--engine", "ray",
               "--workers", str(workers), "--db", db]  # fmt: skip
    if address:
        command += ["--address", address]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench_scale: load failed: {done.stderr.strip()[-500:]}")
    stored = int(re.findall(r"(\d+) documents: (\d+) new", done.stderr)[-1][1])
    return {"engine": "ray load", "workers": workers, "docs": stored, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--workers", default="1,2", help="local process counts")
    parser.add_argument("--ray-workers", default="2", help="Ray actor counts ('' for none)")
    parser.add_argument("--address", default=None, help="a Ray cluster; default local Ray")
    parser.add_argument("--shard-dir", type=Path, default=None)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--no-local", action="store_true", help="skip the local runs")
    parser.add_argument(
        "--load-db", default=None, help="also time `load --engine ray` into this store (emptied)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    shard_dir = args.shard_dir or tmp / "shards"
    write_shards(corpus_texts(), args.docs, shard_dir, args.shards)
    rows = []
    if not args.no_local:
        for n in [int(w) for w in args.workers.split(",") if w]:
            rows.append(bench_local(shard_dir, n))
    for n in [int(w) for w in args.ray_workers.split(",") if w]:
        out = (args.shard_dir.parent if args.shard_dir else tmp) / f"out-ray-{n}-{os.getpid()}"
        rows.append(bench_ray(shard_dir, out, n, args.address))
        if args.load_db:
            rows.append(bench_ray_load(shard_dir, n, args.address, args.load_db))
    for engine in ("local", "ray", "ray load"):
        runs = [r for r in rows if r["engine"] == engine]
        for r in runs:
            r["docs_per_s"] = r["docs"] / r["seconds"]
            base = runs[0]
            per_worker = base["docs"] / base["seconds"] / base["workers"]
            r["efficiency"] = r["docs_per_s"] / (per_worker * r["workers"])
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return
    print(f"{args.docs} docs, {os.cpu_count()} CPUs, ray address: {args.address or 'local'}")
    print(f"{'engine':<8} {'workers':>7} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'eff.':>6}")
    for r in rows:
        print(f"{r['engine']:<8} {r['workers']:>7} {r['docs']:>6} {r['seconds']:>8.1f} "
              f"{r['docs_per_s']:>8.1f} {r['efficiency']:>6.0%}")  # fmt: skip


if __name__ == "__main__":
    main()
