"""Helpers for the store tests: a SQLite file and a real PostgreSQL server.

PostgreSQL comes from PROXYGRAPH_TEST_PG_URL (scripts/start_postgres.sh prints one). When
it is unset the PostgreSQL tests are skipped, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from proxygraph.store import database_url

FIXTURES = Path(__file__).parent / "fixtures" / "store"
BACKENDS = ["sqlite", "postgresql"]


def fixture_records(name: str) -> list[dict[str, Any]]:
    """The records of tests/fixtures/store/NAME.jsonl."""
    path = FIXTURES / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def postgres_url() -> str:
    """The test server's URL, emptied; skip (or, in CI, fail) when there is none."""
    url = os.environ.get("PROXYGRAPH_TEST_PG_URL")
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI=true but PROXYGRAPH_TEST_PG_URL is unset; .ci/run starts PostgreSQL")
        pytest.skip("no PostgreSQL: set PROXYGRAPH_TEST_PG_URL (see scripts/start_postgres.sh)")
    engine = sa.create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def backend_url(backend: str, tmp_path: Path) -> str:
    """A fresh, empty database of the given backend."""
    return postgres_url() if backend == "postgresql" else str(tmp_path / "store.db")
