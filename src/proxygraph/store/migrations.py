"""Versioned schema migrations: ordered functions, recorded in `schema_migrations`.

Add a migration by appending (version, name, function) to MIGRATIONS; never edit one
that has shipped. `migrate` applies the missing ones in order, each in its own
write transaction with its version row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from proxygraph.errors import StoreError
from proxygraph.store import tables
from proxygraph.store.engine import write_transaction


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

    Each migration runs in its own write transaction (holding the store's write lock,
    after checking the version again), so processes opening a new store at the same
    time apply it once. Raises StoreError when the database was written by a newer
    proxygraph.
    """
    with engine.connect() as conn:  # the common case, a current schema: no lock taken
        version = current_version(conn)
    while version < LATEST:
        with write_transaction(engine) as conn:
            tables.schema_migrations.create(conn, checkfirst=True)
            version = current_version(conn)
            pending = [m for m in MIGRATIONS if m[0] > version]
            if pending:
                number, name, step = pending[0]
                step(conn)
                conn.execute(
                    tables.schema_migrations.insert().values(
                        version=number, name=name, applied_at=datetime.now(UTC).isoformat()
                    )
                )
                version = number
    if version > LATEST:
        raise StoreError(
            f"the database is at schema version {version}, newer than this proxygraph "
            f"knows ({LATEST}); upgrade proxygraph"
        )
    return version
