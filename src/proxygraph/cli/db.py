"""The --db option and store opening shared by load, edges, actor, evidence and merge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from proxygraph.errors import StoreError
from proxygraph.store import DEFAULT_DB, Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """--db URL: the store (a SQLite file path or a SQLAlchemy URL), env PROXYGRAPH_DB."""
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        envvar="PROXYGRAPH_DB",
        metavar="URL",
        help="The store: a SQLite file path or a URL such as postgresql://user:pw@host/db "
        "(env PROXYGRAPH_DB).",
    )(func)


def open_store(db: str, *, create: bool = False) -> Store:
    """Open the store, turning a StoreError into a one-line click error."""
    try:
        return Store(db, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def store_session(
    db: str, *, create: bool = False, errors: tuple[type[Exception], ...] = (StoreError,)
) -> Iterator[Store]:
    """The store for the block, closed after it; one of `errors` raised in the block
    becomes a one-line click error."""
    store = open_store(db, create=create)
    try:
        yield store
    except errors as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
