"""Bulk writes: many documents in one transaction, with the result of writing them one by one.

`write_documents` stores a batch with a fixed number of statements (each an executemany
or an IN list) instead of a dozen per document, and recomputes every edge the batch
touches once, at the end, instead of once per document. The store it leaves is the one
`writer.write_document` would leave after the same documents in the same order: the
near-duplicate clusters are assigned document by document in memory (a later document of
the batch sees the earlier ones), an actor keeps the first part_of it is given, and the
first spelling of an alias wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from proxygraph.graph.actors import normalise_name
from proxygraph.graph.independence import SIMILARITY, band_keys, signature, similarity
from proxygraph.store.bulk import insert_new
from proxygraph.store.rows import ParsedDocument
from proxygraph.store.tables import actor_aliases, actors, claims, doc_bands, documents, mentions
from proxygraph.store.writer import (
    chunks,
    delete_document,
    edges_of_claims,
    insert_ignore,
    link_claims,
    refresh_edges,
)

# Band keys per IN list when looking up near-duplicate candidates (32 per document).
BAND_CHUNK = 4000


@dataclass
class _Candidate:
    """A document that may be a near-duplicate of one in the batch."""

    minhash: bytes | None
    cluster: str


class _Clusters:
    """Near-duplicate clusters of the batch and the stored documents sharing a band with it."""

    def __init__(self, conn: Connection, sigs: dict[str, bytes | None]) -> None:
        self.conn = conn
        self.known: dict[str, _Candidate] = {}
        self.by_band: dict[str, set[str]] = {}
        bands = sorted({b for sig in sigs.values() if sig is not None for b in band_keys(sig)})
        for part in chunks(bands, BAND_CHUNK):
            query = (
                sa.select(
                    doc_bands.c.band, documents.c.doc_key, documents.c.minhash, documents.c.cluster
                )  # fmt: skip
                .join(documents, documents.c.doc_key == doc_bands.c.doc_key)
                .where(doc_bands.c.band.in_(part))
            )
            for row in conn.execute(query):
                self.known[row.doc_key] = _Candidate(row.minhash, row.cluster)
                self.by_band.setdefault(row.band, set()).add(row.doc_key)

    def cluster_of(self, doc_key: str) -> str:
        """The cluster of a document of the batch once all are assigned."""
        known = self.known.get(doc_key)
        return known.cluster if known is not None else doc_key

    def assign(self, doc_key: str, sig: bytes | None) -> set[str]:
        """Put the next document of the batch in its cluster: a new one, or the one it
        joins (named by the smallest document key in it; joined clusters are relabelled).
        RETURNS (set[str]): the stored edges whose counts change by the relabelling."""
        if sig is None:
            return set()
        keys = band_keys(sig)
        near = {k for band in keys for k in self.by_band.get(band, ())} - {doc_key}
        matched = {
            self.known[k].cluster
            for k in near
            if self.known[k].minhash is not None
            and similarity(sig, self.known[k].minhash) >= SIMILARITY  # type: ignore[arg-type]
        }
        label = min(matched | {doc_key})
        others = sorted(matched - {label})
        touched: set[str] = set()
        for part in chunks(others):
            docs_in = sa.select(documents.c.doc_key).where(documents.c.cluster.in_(part))
            touched |= edges_of_claims(self.conn, claims.c.doc_key.in_(docs_in))
            self.conn.execute(
                documents.update().where(documents.c.cluster.in_(part)).values(cluster=label)
            )
        if others:
            moved = set(others)
            for candidate in self.known.values():
                if candidate.cluster in moved:
                    candidate.cluster = label
        self.known[doc_key] = _Candidate(sig, label)
        for band in keys:
            self.by_band.setdefault(band, set()).add(doc_key)
        return touched


def _stored_versions(conn: Connection, docs: Sequence[ParsedDocument]) -> dict[str, str]:
    """doc_key -> content_hash of the batch's documents already in the store."""
    found: dict[str, str] = {}
    for part in chunks([d.doc_key for d in docs]):
        query = sa.select(documents.c.doc_key, documents.c.content_hash).where(
            documents.c.doc_key.in_(part)
        )
        found.update({row.doc_key: row.content_hash for row in conn.execute(query)})
    return found


def _resolve_actors(conn: Connection, docs: Sequence[ParsedDocument]) -> dict[str, str]:
    """Add the batch's new actors; map each actor key to the stored (merged-into) actor."""
    first: dict[str, dict[str, object]] = {}
    part_of: dict[str, str] = {}
    for doc in docs:
        for key, actor in doc.actors.items():
            first.setdefault(key, actor.to_row())
            if actor.part_of:
                part_of.setdefault(key, actor.part_of)
    insert_ignore(conn, actors, list(first.values()))
    mapping: dict[str, str] = {}
    for part in chunks(sorted(first)):
        query = sa.select(actors.c.actor_key, actors.c.merged_into, actors.c.part_of).where(
            actors.c.actor_key.in_(part)
        )
        for row in conn.execute(query):
            mapping[row.actor_key] = row.merged_into or row.actor_key
            if row.actor_key in part_of and not row.part_of:
                conn.execute(
                    actors.update()
                    .where(actors.c.actor_key == row.actor_key)
                    .values(part_of=part_of[row.actor_key])
                )
    return mapping


def write_documents(conn: Connection, docs: Sequence[ParsedDocument]) -> list[tuple[str, int]]:
    """Store a batch of parsed documents (distinct doc keys) in the caller's transaction.

    RETURNS (list[tuple[str, int]]): per document, in order, "new" | "updated" |
        "skipped" and the number of claims stored, as writer.write_document returns.
    """
    if len({d.doc_key for d in docs}) != len(docs):
        raise ValueError("a batch holds each document once")
    stored = _stored_versions(conn, docs)
    outcomes: list[tuple[str, int]] = []
    todo: list[ParsedDocument] = []
    touched: set[str] = set()
    for doc in docs:
        if stored.get(doc.doc_key) == doc.content_hash:
            outcomes.append(("skipped", 0))
            continue
        if doc.doc_key in stored:
            touched |= delete_document(conn, doc.doc_key)
        outcomes.append(("updated" if doc.doc_key in stored else "new", len(doc.claims)))
        todo.append(doc)
    if not todo:
        return outcomes
    sigs = {doc.doc_key: signature(doc.fingerprint_text) for doc in todo}
    clusters = _Clusters(conn, sigs)
    now = datetime.now(UTC).isoformat()
    doc_rows, band_rows = [], []
    for doc in todo:
        touched |= clusters.assign(doc.doc_key, sigs[doc.doc_key])
    doc_rows, band_rows = [], []
    for doc in todo:
        sig = sigs[doc.doc_key]
        doc_rows.append({
            "doc_key": doc.doc_key, "doc_id": doc.doc_id, "source": doc.source,
            "date": doc.date, "url": doc.url, "title": doc.title,
            "content_hash": doc.content_hash, "text": doc.text, "minhash": sig,
            "cluster": clusters.cluster_of(doc.doc_key), "n_claims": len(doc.claims),
            "loaded_at": now,
        })  # fmt: skip
        if sig is not None:
            bands = dict.fromkeys(band_keys(sig))
            band_rows += [{"band": b, "doc_key": doc.doc_key} for b in bands]
    insert_new(conn, documents, doc_rows)
    insert_new(conn, doc_bands, band_rows)
    mapping = _resolve_actors(conn, todo)
    aliases = {(mapping[key], alias) for doc in todo for key, alias in doc.aliases}
    insert_ignore(
        conn,
        actor_aliases,
        [{"actor_key": k, "alias": a, "norm_alias": normalise_name(a)} for k, a in sorted(aliases)],
    )
    mention_rows = [
        {**m, "actor_key": mapping.get(m["actor_key"])} for doc in todo for m in doc.mentions
    ]
    insert_new(conn, mentions, mention_rows)
    claim_rows = [
        {**c, "source_actor": mapping[c["source_raw"]], "target_actor": mapping[c["target_raw"]]}
        for doc in todo
        for c in doc.claims
    ]
    insert_new(conn, claims, claim_rows)
    touched |= link_claims(conn, claim_rows, new=True)
    refresh_edges(conn, touched)
    return outcomes
