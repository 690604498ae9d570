"""Batched loading (issue 7): many documents per transaction, the same store as one by one."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from store_load_support import check_store, edge_rows, make_records
from store_support import BACKENDS, backend_url, fixture_records

from proxygraph.errors import StoreError
from proxygraph.store import Store, batch
from proxygraph.store.tables import documents


def _records() -> list[dict[str, Any]]:
    """Synthetic documents with syndicated copies, the fixtures, and new versions of a few
    documents later in the same stream."""
    records = make_records(150) + fixture_records("syndicated") + fixture_records("contested")
    for record in copy.deepcopy(records[10:14]):
        record["text"] += " A later update."
        record["claims"] = record["claims"][:1]
        records.append(record)
    return records


def _snapshot(url: str) -> tuple[list[Any], list[Any]]:
    engine = sa.create_engine(Store(url).url)
    try:
        with engine.connect() as conn:
            docs = conn.execute(
                sa.select(documents.c.doc_key, documents.c.cluster, documents.c.n_claims)
                .order_by(documents.c.doc_key)
            ).all()  # fmt: skip
            return [tuple(d) for d in docs], edge_rows(conn)
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_batches_leave_the_store_that_one_by_one_loading_leaves(backend: str, tmp_path: Path):
    records = _records()
    one_by_one = str(tmp_path / "single.db")
    with Store(one_by_one) as store:
        single = store.load_records(copy.deepcopy(records), batch_size=1)
    url = backend_url(backend, tmp_path)
    with Store(url) as store:
        batched = store.load_records(copy.deepcopy(records), batch_size=40)
    assert batched == single and batched.updated == 4
    expected = _snapshot(one_by_one)
    assert len({cluster for _, cluster, _ in expected[0]}) < len(expected[0])  # copies joined
    assert _snapshot(url) == expected
    check_store(url)


def test_a_document_the_database_refuses_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    records = make_records(12)
    refused = records[5]["doc_id"]
    real = batch.write_documents

    def refusing(conn: sa.Connection, docs: Any) -> Any:
        if any(d.doc_id == refused for d in docs):
            raise sa.exc.IntegrityError("insert", {}, Exception("value too long"))
        return real(conn, docs)

    monkeypatch.setattr(batch, "write_documents", refusing)
    errors: list[StoreError] = []
    with Store(str(tmp_path / "s.db")) as store:
        result = store.load_records(records, batch_size=5, on_error=errors.append)
        assert result.new == 11 and store.stats()["documents"] == 11
    assert [str(e) for e in errors] == [f"document {refused!r}: not stored: value too long"]


def test_outcomes_come_as_batches_commit_not_at_the_end(tmp_path: Path):
    records = make_records(3)
    asked: list[int] = []

    def slow_feed() -> Iterator[dict[str, Any]]:
        for number, record in enumerate(records):
            asked.append(number)
            yield record

    with Store(str(tmp_path / "s.db")) as store:
        stream = store.load_stream(slow_feed(), batch_size=100, max_wait=0.0)
        assert next(stream) == ("new", len(records[0]["claims"]))
        assert asked == [0]  # committed before the next record was read
        assert store.stats()["documents"] == 1
        assert [o[0] for o in stream] == ["new", "new"]


def test_a_new_version_in_the_same_batch_replaces_the_first(tmp_path: Path):
    first = make_records(1)[0]
    second = copy.deepcopy(first)
    second["text"] += " Corrected."
    second["claims"] = []
    with Store(str(tmp_path / "s.db")) as store:
        outcomes = list(store.load_stream([first, second, copy.deepcopy(second)]))
        assert outcomes == [("new", len(first["claims"])), ("updated", 0), ("skipped", 0)]
        assert store.stats() == {"documents": 1, "claims": 0, "actors": store.stats()["actors"],
                                 "edges": 0}  # fmt: skip


def test_a_malformed_record_is_reported_and_the_batch_goes_on(tmp_path: Path):
    records = make_records(4)
    records.insert(2, {"format": "proxygraph.doc/1", "claims": []})  # no doc_id
    with Store(str(tmp_path / "s.db")) as store:
        outcomes = list(store.load_stream(records, batch_size=10))
        assert [type(o).__name__ for o in outcomes].count("StoreError") == 1
        assert store.stats()["documents"] == 4
