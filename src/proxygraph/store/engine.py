"""Database URLs and engines: a file path means SQLite (WAL), else a SQLAlchemy URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url

from proxygraph.errors import StoreError

DEFAULT_DB = "proxygraph.db"

# How long a SQLite connection waits for another process's write transaction to end
# before failing with "database is locked". Each write transaction stores one document.
SQLITE_BUSY_TIMEOUT_MS = 60_000
# The PostgreSQL advisory lock (per database) that write transactions hold: the store
# has one writer at a time on both backends.
PG_WRITE_LOCK = 0x70726F7879  # "proxy"
_WRITE = "proxygraph_write"


def database_url(value: str) -> str:
    """The SQLAlchemy URL for a --db value.

    value (str): a file path (SQLite) or a URL; postgresql:// and postgres:// use psycopg 3.
    """
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return value


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, None for other databases or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy's "begin" event (below) issues BEGIN, not the sqlite3 module, which
    # would begin a transaction only at its first write, after the reads it depends on.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """A read transaction (one snapshot, never blocks) or, for write_transaction, one
    that takes the write lock at once, waiting up to the busy timeout for it."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def create_engine(url: str) -> Engine:
    """An engine for url; SQLite connections use WAL and enforce foreign keys."""
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot use database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction holding the store's write lock from its first statement to its end.

    Writers take turns (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so what
    a writer reads to decide its writes (is the document stored? which edges to
    recompute?) cannot change before it commits; readers are never blocked. Commits on
    success, rolls back on an exception.
    """
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield conn
