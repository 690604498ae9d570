"""Claim-store benchmarks: load rate, and edge queries on a store of a million claims.

    .venv/bin/python benchmarks/bench_store.py                    # SQLite, in a temp folder
    .venv/bin/python benchmarks/bench_store.py --db postgresql://u:pw@127.0.0.1/db
    .venv/bin/python benchmarks/bench_store.py --claims 200000 --docs 2000 --json

1. Load: --docs synthetic proxygraph.doc/1 records (about 150 words, 5 claims each; one
   in five is a syndicated copy of another) go through Store.load_records, the path of
   `proxygraph load --claims`: parsing, MinHash, near-duplicate clustering, actors,
   mentions, claims and edge refresh, --batch-sizes documents per transaction. Reports
   documents/s for each batch size.
   A progress bar shows on stderr when it is a terminal.
2. Queries: a fresh store is filled directly with --claims claims (bulk inserts of rows
   generated here, aggregated with proxygraph.graph.aggregate), then each edge query is
   run --repeat times; the median and worst wall-clock milliseconds are reported.

The database must be empty (PostgreSQL: its public schema is dropped and recreated).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from proxygraph.cli.common import progress
from proxygraph.graph import ClaimFact, aggregate, edge_keys
from proxygraph.ids import content_id
from proxygraph.store import Store, database_url, writer
from proxygraph.store import tables as t
from proxygraph.store.bulk import insert_new

RELATIONS = [
    ("SUPPORTS", 30), ("OPPOSES", 20), ("FIGHTS", 20), ("MEETS_WITH", 10),
    ("COOPERATES_WITH", 10), ("MEMBER_OF", 4), ("LEADS", 3), ("LOCATED_IN", 3),
]  # fmt: skip
SUPPORT_TYPES = ["weapons", "funding", "training", "safe_haven", "logistics", "unspecified"]
TYPES = ["STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "PERSON"]
MODALITIES = ["asserted", "reported", "alleged", "planned"]
WORDS = (
    "army",
    "militia",
    "border",
    "convoy",
    "weapons",
    "drones",
    "funding",
    "officials",
    "report",
    "ministry",
    "talks",
    "ceasefire",
    "province",
    "rebels",
    "commander",
    "supply",
    "shipment",
    "attack",
    "envoy",
    "sanctions",
    "camp",
)


def _empty(url: str) -> None:
    """Start from an empty database: a SQLite file is removed, a PostgreSQL schema dropped."""
    if "://" not in url:
        for suffix in ("", "-wal", "-shm"):
            Path(url + suffix).unlink(missing_ok=True)
        return
    engine = sa.create_engine(database_url(url))
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def synthetic_records(n: int, rng: random.Random) -> list[dict[str, Any]]:
    """n doc/1 records over 300 actors; one in five copies an earlier one's text."""
    actors = [(f"Actor {i}", TYPES[i % len(TYPES)], f"a{i}" if i % 3 else None) for i in range(300)]
    records: list[dict[str, Any]] = []
    for i in range(n):
        if records and rng.random() < 0.2:
            base = rng.choice(records)
            text = f"CITY (Outlet {i % 40}) - " + base["text"]
            claims = base["claims"]
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(150)) + "."
            claims = []
            for _ in range(5):
                (sn, st, sid), (tn, tt, tid) = rng.sample(actors, 2)
                rel = rng.choices([r for r, _ in RELATIONS], [w for _, w in RELATIONS])[0]
                claims.append({
                    "source": {"name": sn, "type": st, "actor_id": sid, "mention": sn,
                               "start": 0, "end": 1},
                    "relation": rel,
                    "target": {"name": tn, "type": tt, "actor_id": tid, "mention": tn,
                               "start": 2, "end": 3},
                    "support_type": [rng.choice(SUPPORT_TYPES)] if rel == "SUPPORTS" else None,
                    "polarity": "denied" if rng.random() < 0.1 else "affirmed",
                    "modality": rng.choice(MODALITIES),
                    "claimant": {"name": rng.choice(["", sn, tn]), "mention": None},
                    "evidence": {"start": 0, "end": 40, "text": text[:40]},
                    "confidence": 0.7, "rule": "bench|outlet",
                })  # fmt: skip
        mentions = [{"start": 0, "end": 1, "text": c["source"]["name"], "type": c["source"]["type"],
                     "actor": c["source"]["name"], "actor_id": c["source"]["actor_id"]}
                    for c in claims]  # fmt: skip
        records.append({
            "format": "proxygraph.doc/1", "doc_id": f"doc-{i}", "source": f"Outlet {i % 40}",
            "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text,
            "mentions": mentions, "claims": claims,
        })  # fmt: skip
    return records


def _timed_load(store: Store, records: list[dict[str, Any]], desc: str) -> dict[str, Any]:
    """Load records into the store: documents and claims stored, seconds, documents/s."""
    start = time.perf_counter()
    result = store.load_records(progress(records, desc=desc))
    elapsed = time.perf_counter() - start
    return {
        "documents": result.documents,
        "claims": result.claims,
        "seconds": round(elapsed, 2),
        "documents_per_s": round(result.documents / elapsed, 1),
    }


def bench_load(url: str, n_docs: int, seed: int, batch_size: int) -> dict[str, Any]:
    records = synthetic_records(n_docs, random.Random(seed))
    _empty(url)
    with Store(url, batch_size=batch_size) as store:
        rate = _timed_load(store, records, f"load (batches of {batch_size})")
        stats = store.stats()
    return {"batch_size": batch_size, **rate, "edges": stats["edges"]}


def bench_load_at_volume(url: str, n_docs: int, seed: int, sql_from: int) -> dict[str, Any]:
    """Load n_docs more documents into the filled store (their actors are among its
    busiest), edges with at least sql_from claims recomputed by SQL aggregation."""
    records = synthetic_records(n_docs, random.Random(seed + sql_from))
    for record in records:
        record["doc_id"] = f"volume-{sql_from}-{record['doc_id']}"
    writer.SQL_FROM, default = sql_from, writer.SQL_FROM
    try:
        with Store(url) as store:
            rate = _timed_load(store, records, f"load (sql_from {sql_from})")
    finally:
        writer.SQL_FROM = default
    return {"sql_from": sql_from, **rate}


def _zipf_pick(rng: random.Random, n: int, size: int) -> list[int]:
    """size indexes in [0, n), the low ones far more often (a few hubs, a long tail)."""
    return [min(int(n * rng.random() ** 3), n - 1) for _ in range(size)]


def fill_million(url: str, n_claims: int, n_docs: int, n_actors: int, seed: int) -> dict[str, Any]:
    """Bulk-insert a generated store: actors, documents, claims, claim-edge links, edges."""
    rng = random.Random(seed)
    _empty(url)
    started = time.perf_counter()
    Store(url).close()  # creates the schema
    engine = sa.create_engine(database_url(url))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", lambda c, _: c.execute("PRAGMA synchronous=OFF"))
    actor_rows = [
        {"actor_key": f"kb:a{i}", "name": f"Actor {i}", "norm_name": f"actor {i}",
         "type": TYPES[i % len(TYPES)], "kb_id": f"a{i}", "part_of": None, "merged_into": None}
        for i in range(n_actors)
    ]  # fmt: skip
    doc_rows = [
        {"doc_key": content_id(f"d{i}"), "doc_id": f"doc-{i}", "source": f"Outlet {i % 500}",
         "date": f"{2020 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": None, "title": None,
         "content_hash": content_id(f"h{i}"), "text": None, "minhash": None,
         "cluster": content_id(f"d{i - i % 4 if i % 10 == 0 else i}"), "n_claims": 0,
         "loaded_at": "2024-01-01T00:00:00"}
        for i in range(n_docs)
    ]  # fmt: skip
    rels = rng.choices([r for r, _ in RELATIONS], [w for _, w in RELATIONS], k=n_claims)
    sources = _zipf_pick(rng, n_actors, n_claims)
    targets = _zipf_pick(rng, n_actors, n_claims)
    facts: dict[Any, list[ClaimFact]] = defaultdict(list)
    claim_rows, link_rows = [], []
    for i in range(n_claims):
        s, tg = sources[i], targets[i]
        if s == tg:
            tg = (tg + 1) % n_actors
        doc = doc_rows[i % n_docs]
        support = [rng.choice(SUPPORT_TYPES)] if rels[i] == "SUPPORTS" else None
        polarity = "denied" if rng.random() < 0.08 else "affirmed"
        claimant = f"Actor {rng.choice((s, tg))}" if rng.random() < 0.5 else doc["source"]
        row = {
            "claim_id": content_id(f"c{i}"), "doc_key": doc["doc_key"], "ordinal": i // n_docs,
            "source_actor": f"kb:a{s}", "relation": rels[i], "target_actor": f"kb:a{tg}",
            "source_raw": f"kb:a{s}", "target_raw": f"kb:a{tg}", "source_mention": None,
            "target_mention": None, "support_type": support, "kind": None, "role": None,
            "polarity": polarity, "modality": rng.choice(MODALITIES), "claimant": claimant,
            "claimant_mention": None, "time": None, "evidence_start": 0, "evidence_end": 10,
            "evidence_text": f"Evidence sentence {i}.", "confidence": 0.7, "rule": "bench|outlet",
        }  # fmt: skip
        claim_rows.append(row)
        fact = ClaimFact(row["claim_id"], doc["doc_key"], polarity, row["modality"], claimant,
                         doc["source"], doc["date"], doc["cluster"])  # fmt: skip
        for key in edge_keys(row["source_actor"], rels[i], row["target_actor"], support):
            facts[key].append(fact)
            link_rows.append({"edge_id": key.id, "claim_id": row["claim_id"]})
    edge_rows = [aggregate(key, group).to_row() for key, group in facts.items()]
    generated = time.perf_counter() - started
    with engine.begin() as conn:
        for table, rows in ((t.actors, actor_rows), (t.documents, doc_rows),
                            (t.claims, claim_rows), (t.claim_edges, link_rows),
                            (t.edges, edge_rows)):  # fmt: skip
            for i in progress(range(0, len(rows), 20_000), desc=table.name, unit="batch"):
                insert_new(conn, table, rows[i : i + 20_000])
    with engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    engine.dispose()
    return {
        "claims": n_claims, "documents": n_docs, "actors": n_actors, "edges": len(edge_rows),
        "generate_s": round(generated, 1),
        "insert_s": round(time.perf_counter() - started - generated, 1),
    }  # fmt: skip


def bench_queries(url: str, repeat: int, n_actors: int) -> dict[str, dict[str, float]]:
    with Store(url) as store:
        top = store.edges(limit=1)[0]
        typical = f"Actor {n_actors // 2}"
        cases: dict[str, Any] = {
            "edges --actor (typical actor, all its edges)": lambda: store.edges(actor=typical),
            "edges --actor (busiest actor) --limit 100": lambda: store.edges(
                actor="Actor 0", limit=100
            ),
            "edges --actor --relation SUPPORTS": lambda: store.edges(
                actor=typical, relation="SUPPORTS"
            ),
            "edges --relation SUPPORTS --support-type weapons --limit 100": lambda: store.edges(
                relation="SUPPORTS", support_type="weapons", limit=100
            ),
            "edges --contested --limit 100": lambda: store.edges(contested=True, limit=100),
            "edges --min-independent 5 --limit 100": lambda: store.edges(
                min_independent=5, limit=100
            ),
            "edges --since 2024-06-01 --limit 100": lambda: store.edges(
                since="2024-06-01", limit=100
            ),
            "edges --since 2024-12-28 --limit 100 (few match)": lambda: store.edges(
                since="2024-12-28", limit=100
            ),
            "edges --limit 100": lambda: store.edges(limit=100),
            "evidence EDGE (busiest edge)": lambda: store.evidence(top.edge_id),
            "actor NAME": lambda: store.actor(typical),
        }
        out: dict[str, dict[str, float]] = {}
        for name, call in cases.items():
            result = call()  # warm the cache once
            rows = len(result) if isinstance(result, list) else 1
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                call()
                times.append((time.perf_counter() - start) * 1000)
            out[name] = {
                "rows": rows,
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
            }
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in a temp folder)")
    parser.add_argument("--docs", type=int, default=1000, help="documents for the load rate")
    parser.add_argument(
        "--batch-sizes", default="1,200", help="documents per load transaction, comma-separated"
    )
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the query store")
    parser.add_argument("--store-docs", type=int, default=100_000, help="documents behind them")
    parser.add_argument("--actors", type=int, default=5_000, help="actors in the query store")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--load-only", action="store_true", help="measure the load rate only")
    parser.add_argument(
        "--volume-docs",
        type=int,
        default=0,
        help="then load this many documents into the query store, with edges aggregated "
        "in Python and in SQL (busy edges)",
    )
    parser.add_argument(
        "--queries-only", action="store_true", help="with --db: query the store already there"
    )
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.batch_sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        report: dict[str, Any] = {
            "database": sa.engine.make_url(database_url(url)).get_backend_name(), "load": [],
        }  # fmt: skip
        if not (args.queries_only and args.db):
            report["load"] = [bench_load(url, args.docs, args.seed, size) for size in sizes]
        if not args.load_only:
            if args.queries_only and args.db:
                with Store(url) as store:
                    counts = store.stats()
                report["store"] = {**counts, "generate_s": 0, "insert_s": 0, "actors": args.actors}
            else:
                report["store"] = fill_million(
                    url, args.claims, args.store_docs, args.actors, args.seed
                )
            report["queries"] = bench_queries(url, args.repeat, args.actors)
            if args.volume_docs:
                report["volume"] = [
                    bench_load_at_volume(url, args.volume_docs, args.seed, sql_from)
                    for sql_from in (10**9, writer.SQL_FROM)
                ]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"database: {report['database']}")
    for load in report["load"]:
        print(f"load, batches of {load['batch_size']}: {load['documents']} documents, "
              f"{load['claims']} claims in {load['seconds']} s "
              f"= {load['documents_per_s']} documents/s")  # fmt: skip
    if args.load_only:
        return 0
    store = report["store"]
    print(f"query store: {store['claims']} claims, {store['documents']} documents, "
          f"{store['actors']} actors, {store['edges']} edges "
          f"(generated in {store['generate_s']} s, inserted in {store['insert_s']} s)")  # fmt: skip
    print(f"{'query':<62} {'rows':>6} {'median ms':>10} {'max ms':>8}")
    for name, r in report["queries"].items():
        print(f"{name:<62} {r['rows']:>6} {r['median_ms']:>10} {r['max_ms']:>8}")
    for load in report.get("volume", []):
        how = "Python only" if load["sql_from"] >= 10**9 else f"SQL from {load['sql_from']} claims"
        rate = f"{load['seconds']} s = {load['documents_per_s']} documents/s"
        print(f"load into the query store, edges aggregated {how}: "
              f"{load['documents']} documents in {rate}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
