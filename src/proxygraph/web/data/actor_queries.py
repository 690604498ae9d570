"""The actor view's data: which actor a name means, actors found by name, and the
documents that name an actor."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from proxygraph.errors import StoreError
from proxygraph.graph.actors import normalise_name
from proxygraph.store import Store
from proxygraph.store.queries import resolve_actor
from proxygraph.store.tables import actors, claims, documents, edges, mentions
from proxygraph.web.data import NotFound
from proxygraph.web.data.document_queries import doc_columns, doc_summary


def resolve_key(store: Store, name: str) -> str:
    """The actor key a name means (NotFound when none or several)."""
    with store.engine.connect() as conn:
        try:
            return resolve_actor(conn, name)
        except StoreError as exc:
            raise NotFound(str(exc)) from exc


def search_actors(store: Store, q: str | None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors on an edge whose name contains q (all when q is empty), by name."""
    ends = sa.union(
        sa.select(edges.c.source_actor.label("key")), sa.select(edges.c.target_actor.label("key"))
    ).subquery()
    query = sa.select(actors.c.actor_key, actors.c.name, actors.c.type).where(
        actors.c.merged_into.is_(None), actors.c.actor_key.in_(sa.select(ends.c.key))
    )
    if q:
        query = query.where(actors.c.norm_name.contains(normalise_name(q), autoescape=True))
    query = query.order_by(actors.c.name, actors.c.actor_key).limit(limit)
    with store.engine.connect() as conn:
        return [{"key": r.actor_key, "name": r.name, "type": r.type} for r in conn.execute(query)]


def actor_documents(store: Store, key: str, limit: int = 100) -> list[dict[str, Any]]:
    """Documents that mention the actor or make a claim about it, newest first."""
    with_mention = sa.select(mentions.c.doc_key).where(mentions.c.actor_key == key)
    with_claim = sa.select(claims.c.doc_key).where(
        sa.or_(claims.c.source_actor == key, claims.c.target_actor == key)
    )
    query = (
        sa.select(*doc_columns())
        .where(documents.c.doc_key.in_(sa.union(with_mention, with_claim)))
        .order_by(documents.c.date.desc(), documents.c.source, documents.c.doc_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [doc_summary(r) for r in conn.execute(query)]
