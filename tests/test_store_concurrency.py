"""The store under concurrent use (issue 8): readers during a load, two loads at once.

Readers (the Store API and `proxygraph edges`) run in this process while `proxygraph
load` runs in another; they must never fail nor see half a document. Two loads over
overlapping inputs, started together on a new store, must both succeed and leave every
document once, with edges equal to those of one uninterrupted load. SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from store_load_support import (
    check_store,
    count_documents,
    doc_keys,
    make_records,
    orphans,
    reference_edges,
    start_load,
    wait_for,
    write_claims,
)
from store_support import BACKENDS, backend_url

from proxygraph.cli import main
from proxygraph.store import Store, batch, database_url
from proxygraph.store.engine import write_transaction
from proxygraph.store.rows import parse_record

N_DOCS = 200
SHARED = 60
READER_DOCS = 300  # enough for a few rounds of reads on a fast machine


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_writer_waits_for_another_and_then_sees_its_work(backend: str, tmp_path: Path) -> None:
    """While one process's transaction writes a document, another storing the same one
    waits (no "database is locked", no duplicate-key error) and then finds it stored;
    readers do not wait."""
    url = backend_url(backend, tmp_path)
    record = make_records(1)[0]
    holding, held_for = threading.Event(), 1.0
    with Store(url) as first, Store(url) as second:

        def hold() -> None:
            with write_transaction(first.engine) as conn:
                batch.write_documents(conn, [parse_record(record)])
                holding.set()
                time.sleep(held_for)

        thread = threading.Thread(target=hold)
        thread.start()
        try:
            assert holding.wait(10)
            started = time.monotonic()
            assert second.stats()["documents"] == 0  # a reader sees the last commit at once
            read = time.monotonic() - started
            assert second.load_record(record) == ("skipped", 0)
            waited = time.monotonic() - started
        finally:
            thread.join()
        assert read < held_for / 2 and waited >= held_for * 0.8, (read, waited)
        assert second.stats()["documents"] == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_readers_keep_working_while_a_load_runs(backend: str, tmp_path: Path) -> None:
    url = backend_url(backend, tmp_path)
    records = make_records(READER_DOCS)
    fixture = write_claims(tmp_path / "claims.jsonl", records)
    engine = sa.create_engine(database_url(url))
    proc = start_load("--claims", str(fixture), "--db", url)
    reads: list[float] = []
    seen: list[int] = []
    try:
        assert wait_for(lambda: count_documents(engine) >= 1, timeout=60), proc.stderr.read()
        runner = CliRunner()
        with Store(url, create=False) as store:
            while proc.poll() is None:
                started = time.monotonic()
                stats = store.stats()
                found = store.edges(limit=20)
                if found:
                    evidence = store.evidence(found[0].edge_id)
                    assert len(evidence) >= found[0].claims  # it may have grown since
                    store.actor(found[0].source)
                store.actors()
                res = runner.invoke(main, ["edges", "--db", url, "--format", "json"])
                assert res.exit_code == 0, res.output
                [json.loads(line) for line in res.stdout.splitlines()]
                with engine.connect() as conn:  # each check is one statement: one snapshot
                    bad = {k: v for k, v in orphans(conn).items() if v}
                assert bad == {}, bad
                reads.append(time.monotonic() - started)
                seen.append(stats["documents"])
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        proc.wait()
        engine.dispose()
    assert proc.returncode == 0, err
    assert len(reads) >= 3 and seen == sorted(seen) and len(set(seen)) >= 2, seen
    print(f"\n{backend}: {len(reads)} rounds of reads during a load of {READER_DOCS} documents "
          f"(saw {seen[0]}..{seen[-1]}), none failed; a round took median "
          f"{statistics.median(reads) * 1000:.0f} ms, max {max(reads) * 1000:.0f} ms")  # fmt: skip
    check_store(url, doc_keys(records))


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_loads_at_once_over_overlapping_inputs(backend: str, tmp_path: Path) -> None:
    """Both start on an empty database (both create the schema) and begin with the same
    SHARED documents in the same order, so they race for the same rows."""
    url = backend_url(backend, tmp_path)
    records = make_records(N_DOCS)
    shared, first, second = records[60:120], records[:60], records[120:]
    a = write_claims(tmp_path / "a.jsonl", shared + first)
    b = write_claims(tmp_path / "b.jsonl", shared + second)
    started = time.monotonic()
    procs = [start_load("--claims", str(f), "--db", url) for f in (a, b)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    elapsed = time.monotonic() - started
    assert [p.returncode for p in procs] == [0, 0], errs
    counts = [_summary(err) for err in errs]
    assert sum(c[0] for c in counts) == N_DOCS and sum(c[1] for c in counts) == SHARED, counts
    print(f"\n{backend}: two loads of {len(shared + first)} and {len(shared + second)} "
          f"documents ({SHARED} shared) at once: {elapsed:.1f} s; "
          f"(new, skipped) = {counts}")  # fmt: skip
    assert check_store(url, doc_keys(records)) == reference_edges(records, tmp_path)


def _summary(err: str) -> tuple[int, int]:
    """(new, skipped) from the load's summary line."""
    line = next(x for x in err.splitlines() if " documents: " in x)
    words = line.split(" documents: ")[1].replace(",", "").split()
    return int(words[0]), int(words[4])
