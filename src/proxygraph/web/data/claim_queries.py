"""The timeline's data: claims by their document's date, filtered by a GraphFilter."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from proxygraph.store import Store
from proxygraph.store.queries import find_actor_keys
from proxygraph.store.tables import actors, claims, documents
from proxygraph.web.data import GraphFilter, NotFound
from proxygraph.web.data.document_queries import doc_columns, first_edge_id


def select_claims(store: Store, flt: GraphFilter) -> tuple[list[dict[str, Any]], bool]:
    """Claims by document date (undated last), with their actors, document and edge.
    Raises NotFound when flt.actor names no actor."""
    src, tgt = actors.alias("src"), actors.alias("tgt")
    query = (
        sa.select(
            claims.c.claim_id,
            claims.c.relation,
            claims.c.support_type,
            claims.c.polarity,
            claims.c.modality,
            claims.c.claimant,
            claims.c.evidence_text,
            claims.c.source_actor,
            claims.c.target_actor,
            src.c.name.label("source_name"),
            tgt.c.name.label("target_name"),
            *doc_columns(),
            first_edge_id(),
        )
        .join(documents, documents.c.doc_key == claims.c.doc_key)
        .join(src, src.c.actor_key == claims.c.source_actor)
        .join(tgt, tgt.c.actor_key == claims.c.target_actor)
    )
    if flt.relation:
        query = query.where(claims.c.relation == flt.relation)
    if flt.modality:
        query = query.where(claims.c.modality == flt.modality)
    if flt.claimant:
        query = query.where(sa.func.lower(claims.c.claimant) == flt.claimant.lower())
    if flt.since:
        query = query.where(documents.c.date >= flt.since)
    if flt.until:
        query = query.where(documents.c.date <= flt.until)
    with store.engine.connect() as conn:
        if flt.actor:
            keys = find_actor_keys(conn, flt.actor)
            if len(keys) != 1:
                raise NotFound(
                    f"no actor called {flt.actor!r}" if not keys else f"{flt.actor!r} is ambiguous"
                )
            query = query.where(
                sa.or_(claims.c.source_actor == keys[0], claims.c.target_actor == keys[0])
            )
        query = query.order_by(
            documents.c.date.is_(None), documents.c.date, documents.c.doc_id, claims.c.ordinal
        ).limit(flt.limit + 1)
        rows = conn.execute(query).all()
    items = []
    for r in rows[: flt.limit]:
        support = list(r.support_type) if r.support_type else None
        if flt.support_type and flt.support_type not in (support or ["unspecified"]):
            continue
        items.append(
            {
                "claim_id": r.claim_id,
                "edge_id": r.edge_id,
                "date": r.date,
                "relation": r.relation,
                "support_type": support,
                "source": r.source_name,
                "source_key": r.source_actor,
                "target": r.target_name,
                "target_key": r.target_actor,
                "polarity": r.polarity,
                "modality": r.modality,
                "claimant": r.claimant,
                "sentence": r.evidence_text,
                "doc_key": r.doc_key,
                "doc_id": r.doc_id,
                "outlet": r.source,
                "title": r.title,
            }
        )
    return items, len(rows) > flt.limit
