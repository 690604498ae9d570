"""Versioned schema migrations: ordered functions, recorded in `schema_migrations`.

Add a migration by appending (version, name, function) to MIGRATIONS; never edit one
that has shipped. `migrate` applies the missing ones in order, each in its own
transaction with its version row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from proxygraph.errors import StoreError
from proxygraph.store import tables


def _v1_initial(conn: Connection) -> None:
    """Documents, LSH bands, actors, aliases, mentions, claims, claim-edge links, edges."""
    tables.metadata.create_all(conn, tables=tables.V1_TABLES)


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "initial schema", _v1_initial),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not sa.inspect(conn).has_table(tables.schema_migrations.name):
        return 0
    value = conn.execute(sa.select(sa.func.max(tables.schema_migrations.c.version))).scalar()
    return int(value or 0)


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema; return the version it is at.

    Raises StoreError when the database was written by a newer proxygraph.
    """
    with engine.begin() as conn:
        tables.schema_migrations.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"the database is at schema version {version}, newer than this proxygraph "
            f"knows ({LATEST}); upgrade proxygraph"
        )
    for number, name, step in MIGRATIONS:
        if number <= version:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(
                tables.schema_migrations.insert().values(
                    version=number, name=name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        version = number
    return version
