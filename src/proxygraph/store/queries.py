"""Reads: edges with filters, actors by name, the evidence behind an edge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from proxygraph.errors import StoreError
from proxygraph.graph.actors import normalise_name
from proxygraph.store.models import Actor, Edge, Evidence
from proxygraph.store.tables import (
    actor_aliases,
    actors,
    claim_edges,
    claims,
    claims_of_edges,
    documents,
    edges,
)


@dataclass(frozen=True)
class EdgeFilter:
    """Which edges to return; every field left as None matches all.

    actor (str | None): a name, alias, KB id or actor key; edges from or to it.
    relation (str | None): e.g. "SUPPORTS".
    support_type (str | None): e.g. "weapons".
    contested (bool | None): only contested (True) or uncontested (False) edges.
    min_independent (int | None): at least this many independent outlets.
    since (str | None): last seen on or after this date (YYYY-MM-DD).
    limit (int | None): at most this many, the best corroborated first.
    """

    actor: str | None = None
    relation: str | None = None
    support_type: str | None = None
    contested: bool | None = None
    min_independent: int | None = None
    since: str | None = None
    limit: int | None = None


def with_actor_names(table: sa.Table, *columns: Any) -> sa.Select[tuple[object, ...]]:
    """Rows of `table` (edges or claims) and `columns`, with the names and types of their
    two actors: source_name, source_type, target_name, target_type."""
    src, tgt = actors.alias("src"), actors.alias("tgt")
    return (
        sa.select(
            table,
            src.c.name.label("source_name"),
            src.c.type.label("source_type"),
            tgt.c.name.label("target_name"),
            tgt.c.type.label("target_type"),
            *columns,
        )
        .join(src, src.c.actor_key == table.c.source_actor)
        .join(tgt, tgt.c.actor_key == table.c.target_actor)
    )


def edge_select() -> sa.Select[tuple[object, ...]]:
    """Edges joined with the names and types of their two actors."""
    return with_actor_names(edges)


def find_actor_keys(conn: Connection, name: str) -> list[str]:
    """Actors a name may mean: a key, a KB id, a canonical name, then an alias."""
    norm = normalise_name(name)
    attempts = [
        sa.select(actors.c.actor_key, actors.c.merged_into).where(
            actors.c.actor_key.in_([name, f"kb:{name}"])
        ),
        sa.select(actors.c.actor_key, actors.c.merged_into).where(actors.c.kb_id == name),
        sa.select(actors.c.actor_key, actors.c.merged_into).where(actors.c.norm_name == norm),
        sa.select(actors.c.actor_key, actors.c.merged_into)
        .join(actor_aliases, actor_aliases.c.actor_key == actors.c.actor_key)
        .where(actor_aliases.c.norm_alias == norm),
    ]
    for query in attempts:
        found = sorted({row.merged_into or row.actor_key for row in conn.execute(query)})
        if found:
            return found
    return []


def resolve_actor(conn: Connection, name: str) -> str:
    """The one actor a name means; StoreError when none or several match."""
    keys = find_actor_keys(conn, name)
    if not keys:
        raise StoreError(f"no actor called {name!r} in the store")
    if len(keys) > 1:
        raise StoreError(
            f"{name!r} could mean {len(keys)} actors: {', '.join(keys)}; give one of these keys"
        )
    return keys[0]


def select_edges(conn: Connection, flt: EdgeFilter) -> list[Edge]:
    """Edges matching flt, most independent outlets first, then most claims, then id."""
    conditions: list[sa.ColumnElement[bool]] = []
    if flt.relation is not None:
        conditions.append(edges.c.relation == flt.relation.upper())
    if flt.support_type is not None:
        conditions.append(edges.c.support_type == flt.support_type)
    if flt.contested is not None:
        conditions.append(edges.c.contested == flt.contested)
    if flt.min_independent is not None:
        conditions.append(edges.c.n_independent >= flt.min_independent)
    if flt.since is not None:
        conditions.append(edges.c.last_date >= flt.since)

    def ranked(query: sa.Select[Any], table: Any) -> sa.Select[Any]:
        query = query.order_by(table.c.n_independent.desc(), table.c.n_claims.desc(),
                               table.c.edge_id)  # fmt: skip
        return query if flt.limit is None else query.limit(flt.limit)

    if flt.actor is None:
        query = ranked(edge_select().where(*conditions), edges)
    else:
        # One indexed, ranked branch per end (an OR of the two would sort every edge of
        # a busy actor), then the best of both.
        key = resolve_actor(conn, flt.actor)
        out_edges = ranked(edge_select().where(edges.c.source_actor == key, *conditions), edges)
        in_edges = ranked(
            edge_select().where(
                edges.c.target_actor == key, edges.c.source_actor != key, *conditions
            ),
            edges,
        )
        both = sa.union_all(
            sa.select(out_edges.subquery()), sa.select(in_edges.subquery())
        ).subquery("both_ends")
        query = ranked(sa.select(both), both)
    return [Edge.from_row(row) for row in conn.execute(query)]


def resolve_edge(conn: Connection, edge_id: str) -> str:
    """The full id of an edge given its id or a unique prefix (at least 4 characters)."""
    if len(edge_id) < 4:
        raise StoreError(f"edge id {edge_id!r} is too short; give at least 4 characters")
    prefix = edge_id.lower()
    # A range, not LIKE, so that the primary key index answers it (ids are hex digits).
    query = (
        sa.select(edges.c.edge_id)
        .where(edges.c.edge_id >= prefix, edges.c.edge_id < prefix + "g")
        .limit(2)
    )
    found = list(conn.execute(query).scalars())
    if not found:
        raise StoreError(f"no edge {edge_id!r} in the store")
    if len(found) > 1:
        raise StoreError(f"edge id {edge_id!r} is ambiguous; give more characters")
    return found[0]


def get_edge(conn: Connection, edge_id: str) -> Edge:
    row = conn.execute(edge_select().where(edges.c.edge_id == edge_id)).one()
    return Edge.from_row(row)


def select_evidence(conn: Connection, edge_id: str) -> list[Evidence]:
    """Every claim behind an edge, by date, document and position."""
    query = (
        sa.select(
            claims,
            documents.c.doc_id,
            documents.c.source,
            documents.c.date,
            documents.c.url,
            documents.c.title,
        )  # fmt: skip
        .select_from(claims_of_edges())
        .where(claim_edges.c.edge_id == edge_id)
        .order_by(documents.c.date, documents.c.doc_id, documents.c.source, claims.c.ordinal)
    )
    return [
        Evidence(
            claim_id=r.claim_id,
            doc_id=r.doc_id,
            outlet=r.source,
            date=r.date,
            url=r.url,
            title=r.title,
            sentence=r.evidence_text,
            evidence_start=r.evidence_start,
            evidence_end=r.evidence_end,
            claimant=r.claimant,
            claimant_mention=r.claimant_mention,
            polarity=r.polarity,
            modality=r.modality,
            source_mention=r.source_mention,
            target_mention=r.target_mention,
            support_type=list(r.support_type) if r.support_type else None,
            kind=r.kind,
            role=r.role,
            time=r.time,
            rule=r.rule,
            confidence=r.confidence,
        )
        for r in conn.execute(query)
    ]


def actor_info(conn: Connection, key: str) -> Actor:
    """An actor with its aliases, places, part_of, degree and counts."""
    row = conn.execute(sa.select(actors).where(actors.c.actor_key == key)).one()
    part_of_name = None
    if row.part_of:
        part_of_name = conn.execute(
            sa.select(actors.c.name).where(actors.c.actor_key == row.part_of)
        ).scalar()
    aliases = sorted(
        set(
            conn.execute(
                sa.select(actor_aliases.c.alias).where(actor_aliases.c.actor_key == key)
            ).scalars()
        )
        - {row.name},
        key=str.casefold,
    )
    touching = sa.or_(edges.c.source_actor == key, edges.c.target_actor == key)
    ends = conn.execute(
        sa.select(edges.c.source_actor, edges.c.target_actor, edges.c.relation).where(touching)
    ).all()
    neighbours = {e.target_actor if e.source_actor == key else e.source_actor for e in ends}
    neighbours.discard(key)
    place_keys = sorted(
        {e.target_actor for e in ends if e.relation == "LOCATED_IN" and e.source_actor == key}
    )
    places = sorted(
        conn.execute(sa.select(actors.c.name).where(actors.c.actor_key.in_(place_keys))).scalars()
    )
    about = sa.or_(claims.c.source_actor == key, claims.c.target_actor == key)
    n_docs = conn.execute(
        sa.select(sa.func.count(sa.distinct(claims.c.doc_key))).where(about)
    ).scalar_one()
    merged = sorted(
        conn.execute(sa.select(actors.c.actor_key).where(actors.c.merged_into == key)).scalars()
    )
    return Actor(
        key=key,
        name=row.name,
        type=row.type,
        kb_id=row.kb_id,
        part_of=part_of_name or row.part_of,
        part_of_key=row.part_of,
        aliases=aliases,
        places=places,
        degree=len(neighbours),
        edges=len(ends),
        documents=int(n_docs),
        merged=merged,
    )
