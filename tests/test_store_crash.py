"""`proxygraph load` killed with SIGKILL mid-run, then run again (issue 8).

Each document is stored in one transaction, so a killed load leaves whole documents only,
and a rerun stores the rest: every document once, no orphan rows, and edges equal to those
of one uninterrupted load. SQLite and PostgreSQL.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_load_support import (
    check_store,
    count_documents,
    doc_keys,
    make_records,
    reference_edges,
    start_load,
    wait_for,
    write_claims,
)
from store_support import BACKENDS, backend_url

from proxygraph.store import database_url

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

N_DOCS = 300
KILLS = 3  # each after more documents are stored than the previous one left


@pytest.mark.parametrize("backend", BACKENDS)
def test_load_killed_mid_run_and_rerun_stores_every_document_once(
    backend: str, tmp_path: Path
) -> None:
    url = backend_url(backend, tmp_path)
    records = make_records(N_DOCS)
    fixture = write_claims(tmp_path / "claims.jsonl", records)
    expected = doc_keys(records)
    engine = sa.create_engine(database_url(url))
    partial: list[int] = []
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            # Kill as soon as the store holds a few more documents than before: the load
            # is then mid-run, usually inside a document's transaction.
            before = count_documents(engine)
            target = before + 1 + 10 * kill
            proc = start_load("--claims", str(fixture), "--db", url)
            try:
                reached = wait_for(lambda t=target: count_documents(engine) >= t, timeout=60)
                proc.send_signal(signal.SIGKILL)
            finally:
                proc.kill()
                proc.wait(timeout=30)
            assert reached, f"the load stored no new document (stderr: {proc.stderr.read()})"
            assert proc.returncode == -signal.SIGKILL, "the load ended before the kill"
            stored = count_documents(engine)
            assert before < stored < N_DOCS, (before, stored)
            partial.append(stored)
            check_store(url)  # what a killed load leaves is consistent
        proc = start_load("--claims", str(fixture), "--db", url)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert (
            f"{N_DOCS} documents: {N_DOCS - partial[-1]} new, 0 updated, "
            f"{partial[-1]} skipped (already loaded)"
        ) in err
    finally:
        engine.dispose()
    print(f"\n{backend}: killed at {partial} of {N_DOCS} documents stored; "
          f"kills and rerun in {time.monotonic() - started:.1f} s")  # fmt: skip
    assert check_store(url, expected) == reference_edges(records, tmp_path)
