"""Edge statistics counted by the database: for edges with many claims.

Recomputing an edge in Python reads every claim behind it; an edge a thousand documents
assert costs a thousand rows per refresh, and a busy edge is refreshed by nearly every
batch. Here the database groups the claims and returns only what differs: one row of
counts per edge, and one row per distinct outlet, claimant, denier, role, modality and
kind, and per near-duplicate cluster that spans several outlets (the only clusters that
join outlets into one independent group). Python then builds the same EdgeStats as
graph.aggregate (tests compare the two on both backends).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from proxygraph.graph.aggregate import EdgeKey, EdgeTally, edge_keys, fold
from proxygraph.store.tables import claim_edges, claims, claims_of_edges, documents


def _facets(edge_ids: Sequence[str]) -> sa.CompoundSelect[Any]:
    """(edge_id, facet, name, cluster, first, n) rows: per edge, its counts (facets
    "claims", "documents", "denied"; "claims" carries the first and last date in name and
    cluster) and one row per distinct outlet, claimant, denier, modality, kind, role and
    (outlet, cluster) of a cluster spanning outlets, with its first claim id and count.
    The claims are read once, into a common table expression."""
    who = sa.func.coalesce(sa.func.nullif(claims.c.claimant, ""), documents.c.source)
    base = (
        sa.select(
            claim_edges.c.edge_id,
            claims.c.claim_id,
            claims.c.doc_key,
            claims.c.polarity,
            claims.c.modality,
            claims.c.kind,
            claims.c.role,
            who.label("who"),
            documents.c.source,
            documents.c.cluster,
            documents.c.date,
        )  # fmt: skip
        .select_from(claims_of_edges())
        .where(claim_edges.c.edge_id.in_(edge_ids))
        .cte("edge_claims")
    )
    c = base.c
    text = sa.String
    none = sa.cast(sa.null(), text)
    first, n = sa.func.min(c.claim_id), sa.func.count()

    def row(facet: Any, name: Any, cluster: Any, first: Any, n: Any) -> sa.Select[Any]:
        return sa.select(c.edge_id, facet.label("facet"), sa.cast(name, text).label("name"),
                         sa.cast(cluster, text).label("cluster"), first.label("first"),
                         n.label("n"))  # fmt: skip

    def grouped(facet: Any, name: Any, *conditions: Any) -> sa.Select[Any]:
        return row(facet, name, none, first, n).where(*conditions).group_by(c.edge_id, facet, name)

    side = sa.case((c.polarity == "denied", "denier"), else_="claimant")
    denied = sa.func.sum(sa.case((c.polarity == "denied", 1), else_=0))
    joint = (
        sa.select(c.edge_id, c.cluster)
        .group_by(c.edge_id, c.cluster)
        .having(sa.func.count(sa.distinct(c.source)) > 1)
    )
    return sa.union_all(
        row(sa.literal("claims"), sa.func.min(c.date), sa.func.max(c.date), first, n).group_by(
            c.edge_id
        ),
        row(
            sa.literal("documents"), none, none, first, sa.func.count(sa.distinct(c.doc_key))
        ).group_by(c.edge_id),
        row(sa.literal("denied"), none, none, first, denied).group_by(c.edge_id),
        grouped(sa.literal("outlet"), c.source),
        grouped(side, c.who),
        grouped(sa.literal("modality"), c.modality),
        grouped(sa.literal("kind"), c.kind, c.kind.is_not(None), c.kind != ""),
        grouped(sa.literal("role"), c.role, c.role.is_not(None), c.role != ""),
        row(sa.literal("cluster"), c.source, c.cluster, first, n)
        .where(sa.tuple_(c.edge_id, c.cluster).in_(joint))
        .group_by(c.edge_id, c.source, c.cluster),
    )


def _keys(conn: Connection, firsts: dict[str, str]) -> dict[str, EdgeKey]:
    """The key of each edge, read off one of its claims (claim id per edge id)."""
    query = sa.select(
        claims.c.claim_id, claims.c.source_actor, claims.c.relation, claims.c.target_actor,
        claims.c.support_type,
    ).where(claims.c.claim_id.in_(sorted(set(firsts.values()))))  # fmt: skip
    by_claim = {row.claim_id: row for row in conn.execute(query)}
    out = {}
    for edge_id, claim_id in firsts.items():
        row = by_claim[claim_id]
        keys = edge_keys(row.source_actor, row.relation, row.target_actor, row.support_type)
        out[edge_id] = next(k for k in keys if k.id == edge_id)
    return out


def tally_edges(conn: Connection, edge_ids: Sequence[str]) -> dict[str, tuple[EdgeKey, EdgeTally]]:
    """The key and tally of each given edge that has claims (at most a few hundred ids)."""
    facets: dict[str, dict[str, list[Any]]] = {}
    for row in conn.execute(_facets(edge_ids)):
        facets.setdefault(row.edge_id, {}).setdefault(row.facet, []).append(row)
    if not facets:
        return {}
    keys = _keys(conn, {edge_id: got["claims"][0].first for edge_id, got in facets.items()})
    out = {}
    for edge_id, got in facets.items():

        def names(facet: str, got: dict[str, list[Any]] = got) -> list[str]:
            return [r.name for r in sorted(got.get(facet, []), key=lambda r: (r.first, r.name))]

        def counted(facet: str, got: dict[str, list[Any]] = got) -> dict[str, int]:
            return {r.name: int(r.n) for r in got.get(facet, [])}

        totals = got["claims"][0]
        n_claims, n_denied = int(totals.n), int(got["denied"][0].n or 0)
        outlets = names("outlet")
        # Each outlet alone (a cluster of its own), joined by the clusters spanning outlets.
        clusters = [(o, f"\x00{fold(o)}") for o in outlets]
        clusters += [(r.name, r.cluster) for r in got.get("cluster", [])]
        tally = EdgeTally(
            claims=n_claims,
            documents=int(got["documents"][0].n),
            affirmed=n_claims - n_denied,
            denied=n_denied,
            outlets=outlets,
            clusters=clusters,
            claimants=names("claimant"),
            deniers=names("denier"),
            modalities=counted("modality"),
            kinds=counted("kind"),
            roles=names("role"),
            first_date=totals.name,
            last_date=totals.cluster,
        )
        out[edge_id] = (keys[edge_id], tally)
    return out
