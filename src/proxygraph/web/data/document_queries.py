"""The documents' data: the document list, and one document with its text, mentions and
claims; also the summary columns that every list of documents shows."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from proxygraph.store import Store
from proxygraph.store.queries import with_actor_names
from proxygraph.store.tables import actors, claim_edges, claims, documents, mentions
from proxygraph.web.data import NotFound
from proxygraph.web.data.display import highlights, safe_url


def doc_columns() -> list[Any]:
    """The documents columns behind doc_summary."""
    return [
        documents.c.doc_key,
        documents.c.doc_id,
        documents.c.source,
        documents.c.date,
        documents.c.url,
        documents.c.title,
        documents.c.n_claims,
        documents.c.cluster,
    ]


def first_edge_id() -> Any:
    """A claim's first edge id (edge_id), as a column."""
    return (
        sa.select(sa.func.min(claim_edges.c.edge_id))
        .where(claim_edges.c.claim_id == claims.c.claim_id)
        .scalar_subquery()
        .label("edge_id")
    )


def doc_summary(r: Any) -> dict[str, Any]:
    """A row of doc_columns as a document summary, with a safe link."""
    return {
        "doc_key": r.doc_key,
        "doc_id": r.doc_id,
        "outlet": r.source,
        "date": r.date,
        "url": safe_url(r.url),
        "title": r.title,
        "claims": r.n_claims,
        "cluster": r.cluster,
    }


def list_documents(
    store: Store, *, limit: int, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Documents, newest first, and how many there are."""
    query = (
        sa.select(*doc_columns())
        .order_by(documents.c.date.desc(), documents.c.source, documents.c.doc_id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
        return [doc_summary(r) for r in conn.execute(query)], int(total)


def document(store: Store, doc_key: str) -> dict[str, Any]:
    """A document with its text (None when the store has none), mentions and claims.
    Raises NotFound."""
    mentioned = actors.alias("mentioned")
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(*doc_columns(), documents.c.text).where(documents.c.doc_key == doc_key)
        ).first()
        if row is None:
            raise NotFound(f"no document {doc_key!r} in the store")
        mention_rows = conn.execute(
            sa.select(mentions, mentioned.c.name.label("actor_name"), mentioned.c.merged_into)
            .outerjoin(mentioned, mentioned.c.actor_key == mentions.c.actor_key)
            .where(mentions.c.doc_key == doc_key)
            .order_by(mentions.c.start_char, mentions.c.ordinal)
        ).all()
        claim_rows = conn.execute(
            with_actor_names(claims, first_edge_id())
            .where(claims.c.doc_key == doc_key)
            .order_by(claims.c.ordinal)
        ).all()
    out = doc_summary(row)
    out["text"] = row.text
    out["mentions"] = [
        {
            "start": m.start_char,
            "end": m.end_char,
            "text": m.text,
            "type": m.type,
            "actor_key": m.merged_into or m.actor_key,
            "actor": m.actor_name,
            "rule": m.rule,
            "geo": m.geo,
        }
        for m in mention_rows
    ]
    out["claims"] = [
        {
            "claim_id": c.claim_id,
            "edge_id": c.edge_id,
            "relation": c.relation,
            "source": c.source_name,
            "source_key": c.source_actor,
            "source_type": c.source_type,
            "target": c.target_name,
            "target_key": c.target_actor,
            "target_type": c.target_type,
            "support_type": list(c.support_type) if c.support_type else None,
            "kind": c.kind,
            "role": c.role,
            "polarity": c.polarity,
            "modality": c.modality,
            "claimant": c.claimant,
            "claimant_mention": c.claimant_mention,
            "time": c.time,
            "evidence_start": c.evidence_start,
            "evidence_end": c.evidence_end,
            "sentence": c.evidence_text,
            "confidence": c.confidence,
            "rule": c.rule,
            "highlights": highlights(
                c.evidence_text,
                [
                    (c.source_mention, "source"),
                    (c.target_mention, "target"),
                    (c.claimant_mention, "claimant"),
                ],
            ),
        }
        for c in claim_rows
    ]
    return out
