"""Store: the claim graph in SQLite or PostgreSQL, behind one small API.

store = Store("proxygraph.db")            # or "postgresql://user:pw@host/db"
store.load_records(records)               # proxygraph.doc/1 dicts
store.edges(EdgeFilter(actor="Iran", relation="SUPPORTS"))
store.evidence(edge_id); store.actor("RSF"); store.merge("IRGC", "Quds Force")
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from proxygraph.errors import StoreError
from proxygraph.ids import content_id
from proxygraph.store import batch, queries, writer
from proxygraph.store.engine import (
    DEFAULT_DB,
    create_engine,
    database_url,
    display_url,
    sqlite_path,
    write_transaction,
)
from proxygraph.store.migrations import migrate
from proxygraph.store.models import Actor, Edge, Evidence, LoadResult
from proxygraph.store.queries import EdgeFilter
from proxygraph.store.rows import ParsedDocument, document_key, parse_record
from proxygraph.store.tables import actors, claims, documents, edges
from proxygraph.store.tables import edges as edges_table

# Documents per write transaction, and the longest a started batch waits for more.
BATCH_SIZE = 200
MAX_WAIT_S = 2.0


class Store:
    """A claim store.

    url (str): a file path (SQLite, created when missing) or a SQLAlchemy URL;
        postgresql:// uses psycopg 3.
    create (bool): when False, a SQLite file that does not exist is an error instead
        of being created (for the query commands).
    batch_size (int): documents per write transaction of load_records and load_stream.
    """

    def __init__(
        self, url: str = DEFAULT_DB, *, create: bool = True, batch_size: int = BATCH_SIZE
    ) -> None:
        self.url = database_url(url)
        self.batch_size = batch_size
        path = sqlite_path(self.url)
        if path is not None and not create and not path.exists():
            raise StoreError(f"no store at {path}; load documents first (proxygraph load)")
        if path is not None and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: no folder {path.parent}")
        self.engine = create_engine(self.url)
        try:
            self.version = migrate(self.engine)
        except sa.exc.SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open {display_url(self.url)}: {_reason(exc)}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    # --- writing -------------------------------------------------------------------------

    def load_record(self, record: dict[str, Any], *, text: str | None = None) -> tuple[str, int]:
        """Store one proxygraph.doc/1 record in one transaction.

        text (str | None): the analysed text, when the record lacks its "text" field.
        RETURNS (tuple[str, int]): "new", "updated" (a new text under a known outlet and
            id replaces the old one) or "skipped" (same content already stored), and the
            number of claims stored.
        Raises StoreError for a malformed record or a database failure; nothing of the
        document is then left in the store.
        """
        outcome = self._write_one(parse_record(record, text=text))
        if isinstance(outcome, StoreError):
            raise outcome
        return outcome

    def load_records(
        self,
        records: Iterable[dict[str, Any]],
        *,
        on_error: Callable[[StoreError], None] | None = None,
        batch_size: int | None = None,
    ) -> LoadResult:
        """Store many records in batches (see load_stream).

        on_error (Callable | None): called with the error of a malformed record, and the
            load goes on; without it the first error is raised.
        """
        result = LoadResult()
        for outcome in self.load_stream(records, batch_size=batch_size):
            if isinstance(outcome, StoreError):
                if on_error is None:
                    raise outcome
                on_error(outcome)
            else:
                result.add(*outcome)
        return result

    def load_stream(
        self,
        records: Iterable[dict[str, Any]],
        *,
        batch_size: int | None = None,
        max_wait: float = MAX_WAIT_S,
    ) -> Iterator[tuple[str, int] | StoreError]:
        """Store records in batches; yield each one's outcome as its batch commits.

        A batch is one transaction of batch_size (default: the store's) documents at
        most, committed early when max_wait seconds have passed since its first record
        arrived (records that come slowly, from extraction, are not held back long) or
        when a document repeats one already in it. The outcome of a record is ("new" |
        "updated" | "skipped", claims stored) or the StoreError of a malformed record.
        When a batch fails in the database, its documents are stored again one per
        transaction, so that one bad document costs only itself.
        """
        size = batch_size or self.batch_size
        batch: list[ParsedDocument] = []
        started = 0.0
        for record in records:
            try:
                doc = parse_record(record)
            except StoreError as exc:
                yield exc
                continue
            if any(d.doc_key == doc.doc_key for d in batch):
                yield from self._write_batch(batch)
                batch = []
            if not batch:
                started = time.monotonic()
            batch.append(doc)
            if len(batch) >= size or time.monotonic() - started >= max_wait:
                yield from self._write_batch(batch)
                batch = []
        if batch:
            yield from self._write_batch(batch)

    def _write_batch(self, docs: list[ParsedDocument]) -> Iterator[tuple[str, int] | StoreError]:
        try:
            with write_transaction(self.engine) as conn:
                outcomes: list[tuple[str, int] | StoreError] = list(
                    batch.write_documents(conn, docs)
                )
        except sa.exc.SQLAlchemyError as exc:
            if len(docs) == 1:
                outcomes = [_not_stored(docs[0], exc)]
            else:
                outcomes = [self._write_one(doc) for doc in docs]
        yield from outcomes

    def _write_one(self, doc: ParsedDocument) -> tuple[str, int] | StoreError:
        """One document in its own transaction; the error instead of raising it."""
        try:
            with write_transaction(self.engine) as conn:
                return batch.write_documents(conn, [doc])[0]
        except sa.exc.SQLAlchemyError as exc:
            return _not_stored(doc, exc)

    def is_loaded(self, source: str, doc_id: str, text: str) -> bool:
        """Whether this text is already stored under this outlet and id (no need to
        extract it again)."""
        digest = content_id(json.dumps([source, doc_id, text], sort_keys=True))
        query = sa.select(documents.c.content_hash).where(
            documents.c.doc_key == document_key(source, doc_id)
        )
        with self.engine.connect() as conn:
            return conn.execute(query).scalar() == digest

    def merge(self, name: str, into: str) -> Actor:
        """Merge actor `name` into actor `into` (which keeps its name and type).

        The merged actor's claims, mentions and aliases move over, edges are recomputed,
        and later loads resolve the merged actor to `into` as well.
        """
        with write_transaction(self.engine) as conn:
            old, new = queries.resolve_actor(conn, name), queries.resolve_actor(conn, into)
            if old == new:
                raise StoreError(f"{name!r} and {into!r} are already the same actor ({new})")
            writer.merge_actors(conn, old, new)
            return queries.actor_info(conn, new)

    def rebuild_edges(self) -> int:
        """Recompute every edge from the claims; return how many there are."""
        with write_transaction(self.engine) as conn:
            ids = conn.execute(sa.select(writer.claim_edges.c.edge_id).distinct()).scalars()
            stale = conn.execute(sa.select(edges_table.c.edge_id)).scalars()
            return writer.refresh_edges(conn, set(ids) | set(stale))

    # --- reading -------------------------------------------------------------------------

    def edges(self, flt: EdgeFilter | None = None, **filters: Any) -> list[Edge]:
        """Edges matching a filter (an EdgeFilter, or its fields as keywords)."""
        flt = flt or EdgeFilter(**filters)
        with self.engine.connect() as conn:
            return queries.select_edges(conn, flt)

    def edge(self, edge_id: str) -> Edge:
        """One edge by id or unique id prefix."""
        with self.engine.connect() as conn:
            return queries.get_edge(conn, queries.resolve_edge(conn, edge_id))

    def evidence(self, edge_id: str) -> list[Evidence]:
        """Every claim behind an edge (id or unique prefix) with its sentence and source."""
        with self.engine.connect() as conn:
            return queries.select_evidence(conn, queries.resolve_edge(conn, edge_id))

    def actor(self, name: str) -> Actor:
        """An actor by name, alias, KB id or key (StoreError if none or ambiguous)."""
        with self.engine.connect() as conn:
            return queries.actor_info(conn, queries.resolve_actor(conn, name))

    def actors(self, *, in_edges: bool = True) -> list[Actor]:
        """Every actor (not merged away), by name; with in_edges only those on an edge
        (the graph's nodes, for exports)."""
        query = sa.select(actors.c.actor_key, actors.c.name).where(actors.c.merged_into.is_(None))
        if in_edges:
            ends = sa.union(
                sa.select(edges.c.source_actor.label("key")),
                sa.select(edges.c.target_actor.label("key")),
            ).subquery()
            query = query.where(actors.c.actor_key.in_(sa.select(ends.c.key)))
        with self.engine.connect() as conn:
            # Sorted here, not in SQL, so that every database gives the same order.
            rows = sorted(conn.execute(query), key=lambda r: (r.name, r.actor_key))
            return [queries.actor_info(conn, row.actor_key) for row in rows]

    def find_actors(self, name: str) -> list[Actor]:
        """Every actor a name may mean."""
        with self.engine.connect() as conn:
            return [queries.actor_info(conn, k) for k in queries.find_actor_keys(conn, name)]

    def stats(self) -> dict[str, int]:
        """Row counts: documents, claims, actors (not merged away), edges."""
        count = sa.func.count()
        with self.engine.connect() as conn:
            return {
                "documents": conn.execute(sa.select(count).select_from(documents)).scalar_one(),
                "claims": conn.execute(sa.select(count).select_from(claims)).scalar_one(),
                "actors": conn.execute(
                    sa.select(count).select_from(actors).where(actors.c.merged_into.is_(None))
                ).scalar_one(),
                "edges": conn.execute(sa.select(count).select_from(edges)).scalar_one(),
            }


def _not_stored(doc: ParsedDocument, exc: sa.exc.SQLAlchemyError) -> StoreError:
    """The error for a document the database refused, caused by `exc`."""
    error = StoreError(f"document {doc.doc_id!r}: not stored: {_reason(exc)}")
    error.__cause__ = exc
    return error


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0]
