"""Writes shared by loads and merges: deletions, claim-edge links, edge refresh, merges.

Documents are written by batch.py.

Every function takes an open connection inside a transaction; the caller commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from proxygraph.graph.actors import normalise_name
from proxygraph.graph.aggregate import ClaimFact, aggregate, edge_keys, edge_stats
from proxygraph.store.bulk import insert_new
from proxygraph.store.edge_sql import tally_edges
from proxygraph.store.tables import (
    actor_aliases,
    actors,
    claim_edges,
    claims,
    claims_of_edges,
    doc_bands,
    documents,
    edges,
    mentions,
)

CHUNK = 500
# Edges with at least this many claims are recomputed by SQL aggregation (edge_sql.py).
SQL_FROM = 1000


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def insert_ignore(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key is already there."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def edges_of_claims(conn: Connection, claim_filter: sa.ColumnElement[bool]) -> set[str]:
    """Ids of the edges the claims matching claim_filter belong to."""
    query = sa.select(claim_edges.c.edge_id).where(
        claim_edges.c.claim_id.in_(sa.select(claims.c.claim_id).where(claim_filter))
    )
    return set(conn.execute(query).scalars())


def delete_document(conn: Connection, doc_key: str) -> set[str]:
    """Remove a document and everything read from it; return the edges it touched."""
    touched = edges_of_claims(conn, claims.c.doc_key == doc_key)
    conn.execute(
        claim_edges.delete().where(
            claim_edges.c.claim_id.in_(
                sa.select(claims.c.claim_id).where(claims.c.doc_key == doc_key)
            )
        )
    )
    for table in (claims, mentions, doc_bands):
        conn.execute(table.delete().where(table.c.doc_key == doc_key))
    conn.execute(documents.delete().where(documents.c.doc_key == doc_key))
    return touched


def link_claims(conn: Connection, rows: Iterable[Any], *, new: bool = False) -> set[str]:
    """Insert the claim-edge links of claims (rows with claim_id, source_actor, relation,
    target_actor, support_type); return the edge ids. new: the claims were just inserted
    (no link of theirs can exist yet)."""
    links = []
    for row in rows:
        m = row if isinstance(row, dict) else row._mapping
        for key in edge_keys(
            m["source_actor"], m["relation"], m["target_actor"], m["support_type"]
        ):
            links.append({"edge_id": key.id, "claim_id": m["claim_id"]})
    if new:
        insert_new(conn, claim_edges, links)
    else:
        insert_ignore(conn, claim_edges, links)
    return {link["edge_id"] for link in links}


_FACT_COLUMNS = [
    claim_edges.c.edge_id,
    claims.c.claim_id,
    claims.c.doc_key,
    claims.c.source_actor,
    claims.c.relation,
    claims.c.target_actor,
    claims.c.support_type,
    claims.c.polarity,
    claims.c.modality,
    claims.c.claimant,
    claims.c.kind,
    claims.c.role,
    documents.c.source,
    documents.c.date,
    documents.c.cluster,
]


def _aggregated_in_python(conn: Connection, edge_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Edge rows from every claim behind the edges, read and aggregated here."""
    query = (
        sa.select(*_FACT_COLUMNS)
        .select_from(claims_of_edges())
        .where(claim_edges.c.edge_id.in_(edge_ids))
    )
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        grouped[row.edge_id].append(row)
    out = []
    for edge_id, rows in grouped.items():
        first = rows[0]
        keys = edge_keys(first.source_actor, first.relation, first.target_actor, first.support_type)
        key = next(k for k in keys if k.id == edge_id)
        facts = [
            ClaimFact(
                claim_id=r.claim_id,
                doc_key=r.doc_key,
                polarity=r.polarity,
                modality=r.modality,
                claimant=r.claimant,
                outlet=r.source,
                date=r.date,
                cluster=r.cluster,
                kind=r.kind,
                role=r.role,
            )
            for r in rows
        ]
        out.append(aggregate(key, facts).to_row())
    return out


def _aggregated_in_sql(conn: Connection, edge_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Edge rows from what the database counted (edge_sql.py)."""
    return [edge_stats(key, tally).to_row() for key, tally in tally_edges(conn, edge_ids).values()]


def refresh_edges(conn: Connection, edge_ids: Iterable[str], *, sql_from: int | None = None) -> int:
    """Recompute the given edges from their claims (an edge left without claims goes).

    sql_from (int | None): edges that had at least this many claims (default SQL_FROM)
        are counted by the database (cheaper for busy edges); the others are aggregated
        here (fewer queries).
    RETURNS (int): the edges written.
    """
    sql_from = SQL_FROM if sql_from is None else sql_from
    ids = sorted(set(edge_ids))
    written = 0
    for part in chunks(ids):
        size_query = sa.select(edges.c.edge_id, edges.c.n_claims).where(edges.c.edge_id.in_(part))
        sizes = {row.edge_id: row.n_claims for row in conn.execute(size_query)}
        busy = [i for i in part if sizes.get(i, 0) >= sql_from]
        quiet = [i for i in part if sizes.get(i, 0) < sql_from]
        rows = _aggregated_in_python(conn, quiet) if quiet else []
        rows += _aggregated_in_sql(conn, busy) if busy else []
        conn.execute(edges.delete().where(edges.c.edge_id.in_(part)))
        insert_new(conn, edges, rows)
        written += len(rows)
    return written


def merge_actors(conn: Connection, old: str, into: str) -> None:
    """Merge actor `old` into actor `into`: claims, mentions and aliases move; edges follow."""
    about_old = sa.or_(claims.c.source_actor == old, claims.c.target_actor == old)
    moved = list(conn.execute(sa.select(claims.c.claim_id).where(about_old)).scalars())
    touched = edges_of_claims(conn, about_old)
    for part in chunks(moved):
        conn.execute(claim_edges.delete().where(claim_edges.c.claim_id.in_(part)))
    conn.execute(claims.update().where(claims.c.source_actor == old).values(source_actor=into))
    conn.execute(claims.update().where(claims.c.target_actor == old).values(target_actor=into))
    conn.execute(mentions.update().where(mentions.c.actor_key == old).values(actor_key=into))
    conn.execute(
        actors.update()
        .where(sa.or_(actors.c.actor_key == old, actors.c.merged_into == old))
        .values(merged_into=into)
    )
    conn.execute(actors.update().where(actors.c.part_of == old).values(part_of=into))
    old_name = conn.execute(sa.select(actors.c.name).where(actors.c.actor_key == old)).scalar_one()
    aliases = set(
        conn.execute(
            sa.select(actor_aliases.c.alias).where(actor_aliases.c.actor_key == old)
        ).scalars()
    ) | {old_name}
    conn.execute(actor_aliases.delete().where(actor_aliases.c.actor_key == old))
    insert_ignore(
        conn,
        actor_aliases,
        [{"actor_key": into, "alias": a, "norm_alias": normalise_name(a)} for a in sorted(aliases)],
    )
    for part in chunks(moved):
        rows = conn.execute(
            sa.select(
                claims.c.claim_id,
                claims.c.source_actor,
                claims.c.relation,
                claims.c.target_actor,
                claims.c.support_type,
            ).where(claims.c.claim_id.in_(part))
        )
        touched |= link_claims(conn, rows)
    refresh_edges(conn, touched)
