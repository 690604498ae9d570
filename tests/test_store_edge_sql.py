"""Edge statistics counted by the database equal those aggregated in Python (issue 7)."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from store_load_support import edge_rows, make_records
from store_support import BACKENDS, backend_url, fixture_records

from proxygraph.store import Store, writer
from proxygraph.store.engine import write_transaction
from proxygraph.store.tables import edges

KINDS = ["agreement", "joint operation", None, ""]
ROLES = ["commander", "Commander", None, ""]


def _varied_records() -> list[dict[str, Any]]:
    """Synthetic documents with what aggregation must get right: outlet spellings that
    differ only in case and spacing, syndicated copies across outlets, claimants left
    empty, kinds and roles (some empty), denials."""
    rng = random.Random(3)
    records = make_records(240) + fixture_records("syndicated") + fixture_records("contested")
    for number, record in enumerate(records):
        if number % 7 == 0:
            record["source"] = rng.choice(["nile post", "NILE  POST", "Nile Post"])
        for claim in record["claims"]:
            claim["kind"] = rng.choice(KINDS)
            claim["role"] = rng.choice(ROLES)
            if rng.random() < 0.1:
                claim["claimant"] = {"name": "", "mention": None}
    for record in copy.deepcopy(records[:30]):  # copies under other outlets: clusters
        record["doc_id"] += "-copy"
        record["source"] = rng.choice(["Levant Wire", "levant wire", "Horn Monitor"])
        records.append(record)
    return records


def _refreshed(store: Store, sql_from: int) -> list[tuple[Any, ...]]:
    with write_transaction(store.engine) as conn:
        ids = list(conn.execute(sa.select(edges.c.edge_id)).scalars())
        assert writer.refresh_edges(conn, ids, sql_from=sql_from) == len(ids)
        return edge_rows(conn)


@pytest.mark.parametrize("backend", BACKENDS)
def test_sql_counted_edges_equal_python_aggregated_ones(backend: str, tmp_path: Path):
    with Store(backend_url(backend, tmp_path)) as store:
        store.load_records(_varied_records())
        in_python = _refreshed(store, sql_from=10**9)
        in_sql = _refreshed(store, sql_from=0)
        mixed = _refreshed(store, sql_from=5)
        busiest = max(store.edges(), key=lambda e: e.claims)
    assert len(in_python) > 50 and busiest.claims >= 10 and busiest.independent_outlets > 1
    assert in_sql == in_python
    assert mixed == in_python
    columns = [c.name for c in edges.columns]
    contested = [row for row in in_python if row[columns.index("contested")] == "true"]
    with_kinds = [row for row in in_python if row[columns.index("kinds")] != "{}"]
    assert contested and with_kinds  # the comparison covered those fields
