"""`proxygraph load` killed with SIGKILL mid-run, then run again (issue 8).

Each batch of documents (here 5) is stored in one transaction, so a killed load leaves
whole documents only, and a rerun stores the rest: every document once, no orphan rows,
and edges equal to those of one uninterrupted load. SQLite and PostgreSQL.
"""

from __future__ import annotations

import signal
import sys
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
    reference_edges,
    start_load,
    wait_for,
    write_claims,
)
from store_support import BACKENDS, backend_url

from proxygraph.cli import main
from proxygraph.store import Store, database_url
from proxygraph.store.tables import documents

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

N_DOCS = 200
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
            proc = start_load("--claims", str(fixture), "--db", url, "--batch-size", "5")
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


# --- a document over its time budget is skipped, the load goes on ------------------------

ENGLISH = (
    "Iran supplied weapons to the Houthis in Yemen, officials in Washington said on "
    "Tuesday. The group denied the accusation and said it had never received arms. "
)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_load_skips_a_document_over_its_time_budget_and_goes_on(
    workers: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import proxygraph.extractor as extractor_module
    from proxygraph.ids import content_id

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"{name.upper()} report. {ENGLISH}")
    slow_id = content_id((corpus / "b.txt").read_text())
    real = extractor_module.analyse

    def analyse(pipe, document, parsed):  # type: ignore[no-untyped-def]
        if document.doc_id == slow_id:
            time.sleep(30)
        return real(pipe, document, parsed)

    db = str(tmp_path / "s.db")
    args = ["load", str(corpus), "--db", db, "--workers", workers]
    with monkeypatch.context() as patch:
        patch.setattr(extractor_module, "analyse", analyse)
        started = time.monotonic()
        res = CliRunner().invoke(main, [*args, "--max-seconds-per-doc", "0.5"])
        elapsed = time.monotonic() - started
    assert res.exit_code == 1, res.output
    error, summary = res.stderr.splitlines()  # one line for the skipped document
    assert error == (
        f"proxygraph: error: {corpus / 'b.txt'}: analysis took longer than the budget of "
        "0.5 s (--max-seconds-per-doc); skipped"
    )
    assert summary.startswith(f"proxygraph: {db}: 2 documents: 2 new, 0 updated, 0 skipped")
    assert summary.endswith("; 1 failed")
    assert elapsed < 25  # interrupted, not waited for
    with Store(db) as store, store.engine.connect() as conn:
        query = sa.select(documents.c.source, documents.c.text).order_by(documents.c.source)
        stored = [(source, text[:9]) for source, text in conn.execute(query)]
        assert stored == [("a.txt", "A report."), ("c.txt", "C report.")]  # texts aligned
        assert store.stats()["claims"] > 0
    res = CliRunner().invoke(main, args)  # without the slow document, a rerun stores it
    assert res.exit_code == 0, res.output
    assert "3 documents: 1 new, 0 updated, 2 skipped (already loaded)" in res.stderr
