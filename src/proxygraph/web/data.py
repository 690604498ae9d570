"""What the web app reads from the store, beyond the Store API: filtered graphs, documents
with their mentions and claims, claims over time, places, and the filters' choices.

Everything here only reads (SELECT through the store's engine). Text from documents is
returned as data and escaped where it is shown (templates autoescape; the scripts set
textContent), never turned into markup here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from proxygraph.errors import StoreError
from proxygraph.graph.actors import normalise_name
from proxygraph.ontology import ontology
from proxygraph.store import Edge, EdgeFilter, Evidence, Store
from proxygraph.store.queries import find_actor_keys, resolve_actor
from proxygraph.store.rows import document_key
from proxygraph.store.tables import actors, claim_edges, claims, documents, edges, mentions

# Filters that the store cannot apply in SQL (modality, claimant, until) are applied here to
# at most this many of the best corroborated edges that match the others.
SCAN_LIMIT = 50_000
DEFAULT_LIMIT = 500
MAX_LIMIT = 5_000


class NotFound(StoreError):
    """Nothing in the store under that id or name."""


@dataclass(frozen=True)
class GraphFilter:
    """Which edges (or claims) to show; None matches all.

    actor (str | None): a name, alias, KB id or actor key; edges from or to it.
    relation, support_type, modality (str | None): ontology values.
    claimant (str | None): who asserts or denies it (exact name, any case).
    since, until (str | None): dates YYYY-MM-DD; edges seen within the range (undated
        edges are left out when a date is given).
    min_independent (int | None): at least this many independent outlets.
    contested (bool | None): only contested (True) or uncontested (False) edges.
    limit (int): at most this many, the best corroborated first.
    """

    actor: str | None = None
    relation: str | None = None
    support_type: str | None = None
    modality: str | None = None
    claimant: str | None = None
    since: str | None = None
    until: str | None = None
    min_independent: int | None = None
    contested: bool | None = None
    limit: int = DEFAULT_LIMIT


def select_edges(store: Store, flt: GraphFilter) -> tuple[list[Edge], bool]:
    """Edges matching flt, the best corroborated first, and whether more were left out.

    Raises NotFound when flt.actor names no actor.
    """
    in_python = flt.modality is not None or flt.claimant is not None or flt.until is not None
    query = EdgeFilter(
        actor=flt.actor,
        relation=flt.relation,
        support_type=flt.support_type,
        contested=flt.contested,
        min_independent=flt.min_independent,
        since=flt.since,
        limit=SCAN_LIMIT if in_python else flt.limit + 1,
    )
    try:
        found = store.edges(query)
    except StoreError as exc:
        raise NotFound(str(exc)) from exc
    if in_python:
        claimant = flt.claimant.casefold() if flt.claimant else None
        found = [
            e
            for e in found
            if (flt.modality is None or e.modalities.get(flt.modality))
            and (flt.until is None or (e.first_date is not None and e.first_date <= flt.until))
            and (
                claimant is None
                or any(c.casefold() == claimant for c in [*e.claimants, *e.deniers])
            )
        ]
    return found[: flt.limit], len(found) > flt.limit


def graph(found: list[Edge]) -> dict[str, Any]:
    """Nodes and edges for the network view (cytoscape's elements, as plain data)."""
    nodes: dict[str, dict[str, Any]] = {}
    for e in found:
        for key, name, type_ in (
            (e.source_key, e.source, e.source_type),
            (e.target_key, e.target, e.target_type),
        ):
            node = nodes.setdefault(key, {"id": key, "name": name, "type": type_, "degree": 0})
            node["degree"] += 1
    return {
        "nodes": sorted(nodes.values(), key=lambda n: (n["name"], n["id"])),
        "edges": [e.to_dict() for e in found],
    }


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a document's URL is untrusted input, and a
    javascript: or data: URL must never become a link."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return url.strip() if scheme in ("http", "https") else None


def highlights(sentence: str, marks: list[tuple[str | None, str]]) -> list[dict[str, Any]]:
    """Where the claim's mentions sit in its sentence: [{"start", "end", "role"}], sorted,
    not overlapping (the first found of two overlapping marks wins).

    marks (list): (mention text, role) pairs, e.g. ("UAE", "source").
    """
    found: list[dict[str, Any]] = []
    folded = sentence.casefold() if len(sentence.casefold()) == len(sentence) else None
    for text, role in marks:
        if not text:
            continue
        start = _find_word(sentence, text)
        if start < 0:
            start = sentence.find(text)
        if start < 0 and folded is not None:
            start = folded.find(text.casefold())
        if start < 0:
            continue
        end = start + len(text)
        if any(start < h["end"] and h["start"] < end for h in found):
            continue
        found.append({"start": start, "end": end, "role": role})
    return sorted(found, key=lambda h: h["start"])


def _find_word(sentence: str, text: str) -> int:
    """Where text first stands as whole words in sentence ("Rwanda", not in "Rwandan")."""
    match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
    return match.start() if match else -1


def split(text: str, marks: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut at non-overlapping marks: [(piece, role or None)]."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for h in marks:
        if h["start"] > pos:
            out.append((text[pos : h["start"]], None))
        out.append((text[h["start"] : h["end"]], h["role"]))
        pos = h["end"]
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def evidence(store: Store, edge_id: str) -> tuple[Edge, list[dict[str, Any]]]:
    """An edge and every claim behind it, each with its document's key, a safe link and
    where its mentions sit in its sentence. Raises NotFound."""
    try:
        edge = store.edge(edge_id)
        items = store.evidence(edge.edge_id)
    except StoreError as exc:
        raise NotFound(str(exc)) from exc
    return edge, [evidence_item(item) for item in items]


def evidence_item(item: Evidence) -> dict[str, Any]:
    out = item.to_dict()
    out["doc_key"] = document_key(item.outlet, item.doc_id)
    out["url"] = safe_url(item.url)
    out["highlights"] = highlights(
        item.sentence,
        [
            (item.source_mention, "source"),
            (item.target_mention, "target"),
            (item.claimant_mention, "claimant"),
        ],
    )
    return out


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
        sa.select(*_doc_columns())
        .where(documents.c.doc_key.in_(sa.union(with_mention, with_claim)))
        .order_by(documents.c.date.desc(), documents.c.source, documents.c.doc_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [_doc_summary(r) for r in conn.execute(query)]


def _doc_columns() -> list[Any]:
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


def _doc_summary(r: Any) -> dict[str, Any]:
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
        sa.select(*_doc_columns())
        .order_by(documents.c.date.desc(), documents.c.source, documents.c.doc_id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
        return [_doc_summary(r) for r in conn.execute(query)], int(total)


def document(store: Store, doc_key: str) -> dict[str, Any]:
    """A document with its text (None when the store has none), mentions and claims.
    Raises NotFound."""
    src, tgt = actors.alias("src"), actors.alias("tgt")
    mentioned = actors.alias("mentioned")
    first_edge = (
        sa.select(sa.func.min(claim_edges.c.edge_id))
        .where(claim_edges.c.claim_id == claims.c.claim_id)
        .scalar_subquery()
    )
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(*_doc_columns(), documents.c.text).where(documents.c.doc_key == doc_key)
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
            sa.select(
                claims,
                src.c.name.label("source_name"),
                src.c.type.label("source_type"),
                tgt.c.name.label("target_name"),
                tgt.c.type.label("target_type"),
                first_edge.label("edge_id"),
            )
            .join(src, src.c.actor_key == claims.c.source_actor)
            .join(tgt, tgt.c.actor_key == claims.c.target_actor)
            .where(claims.c.doc_key == doc_key)
            .order_by(claims.c.ordinal)
        ).all()
    out = _doc_summary(row)
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


@dataclass
class Segment:
    """A piece of a document's text: the mention it is part of, the claims whose evidence
    covers it, and the claims whose evidence starts here (anchors)."""

    text: str
    mention: dict[str, Any] | None
    claims: list[str]
    anchors: list[str]


def segments(text: str, doc_mentions: list[dict[str, Any]], doc_claims: list[dict[str, Any]]
             ) -> list[Segment]:  # fmt: skip
    """A document's text cut wherever a mention or a claim's evidence starts or ends.

    Offsets outside the text, or ending before they start, are ignored.
    """
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for m in doc_mentions:
        if 0 <= m["start"] < m["end"] <= n:
            spans.append((m["start"], m["end"], "mention", m))
    for c in doc_claims:
        s, e = c["evidence_start"], c["evidence_end"]
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
            spans.append((s, e, "claim", c["claim_id"]))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[tuple[int, int, str, Any]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    active: list[tuple[int, int, str, Any]] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s[1] > a] + starts.get(a, [])
        mention = next((s[3] for s in active if s[2] == "mention"), None)
        covering = [s[3] for s in active if s[2] == "claim"]
        anchors = [s[3] for s in starts.get(a, []) if s[2] == "claim"]
        out.append(Segment(text[a:b], mention, covering, anchors))
    return out


def select_claims(store: Store, flt: GraphFilter) -> tuple[list[dict[str, Any]], bool]:
    """Claims by document date (undated last), with their actors, document and edge.
    Raises NotFound when flt.actor names no actor."""
    src, tgt = actors.alias("src"), actors.alias("tgt")
    first_edge = (
        sa.select(sa.func.min(claim_edges.c.edge_id))
        .where(claim_edges.c.claim_id == claims.c.claim_id)
        .scalar_subquery()
    )
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
            *_doc_columns(),
            first_edge.label("edge_id"),
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


def places(store: Store, *, max_documents: int = 20) -> list[dict[str, Any]]:
    """Geocoded places mentioned in the documents (those with a latitude and longitude),
    with how often and where, the most mentioned first."""
    geo_text = sa.cast(mentions.c.geo, sa.Text).label("geo_text")
    query = (
        sa.select(
            geo_text,
            mentions.c.doc_key,
            sa.func.count().label("n"),
            sa.func.min(mentions.c.text).label("surface"),
        )
        .where(mentions.c.geo.is_not(None))
        .group_by(geo_text, mentions.c.doc_key)
    )
    found: dict[str, dict[str, Any]] = {}
    doc_keys: set[str] = set()
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            geo = json.loads(row.geo_text) if row.geo_text else None
            if not isinstance(geo, dict):
                continue
            lat, lon = geo.get("lat"), geo.get("lon")
            if not isinstance(lat, int | float) or not isinstance(lon, int | float):
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                continue
            pid = str(geo.get("gazetteer_id") or f"{geo.get('name')}@{lat},{lon}")
            place = found.setdefault(
                pid,
                {
                    "id": pid,
                    "name": str(geo.get("name") or row.surface),
                    "lat": float(lat),
                    "lon": float(lon),
                    "country_code": geo.get("country_code"),
                    "feature": geo.get("feature"),
                    "admin_path": [str(p) for p in geo.get("admin_path") or []],
                    "mentions": 0,
                    "surfaces": set(),
                    "doc_keys": set(),
                },
            )
            place["mentions"] += int(row.n)
            place["surfaces"].add(str(row.surface))
            place["doc_keys"].add(row.doc_key)
            doc_keys.add(row.doc_key)
        docs: dict[str, dict[str, Any]] = {}
        if doc_keys:
            wanted = sorted(doc_keys)
            for i in range(0, len(wanted), 500):
                chunk = sa.select(*_doc_columns()).where(
                    documents.c.doc_key.in_(wanted[i : i + 500])
                )
                docs.update({r.doc_key: _doc_summary(r) for r in conn.execute(chunk)})
    out = []
    for place in found.values():
        keys = sorted(place.pop("doc_keys"))
        listed = sorted(
            (docs[k] for k in keys if k in docs),
            key=lambda d: (d["date"] or "", d["doc_key"]),
            reverse=True,
        )
        place["documents"] = len(keys)
        place["document_list"] = [
            {"doc_key": d["doc_key"], "title": d["title"] or d["doc_id"], "outlet": d["outlet"],
             "date": d["date"]}
            for d in listed[:max_documents]
        ]  # fmt: skip
        place["surfaces"] = sorted(place["surfaces"])
        out.append(place)
    return sorted(out, key=lambda p: (-p["mentions"], p["name"], p["id"]))


def facets(store: Store, *, max_claimants: int = 500) -> dict[str, Any]:
    """The choices of the filters: ontology values, claimants seen, the date range."""
    onto = ontology()
    n = sa.func.count().label("n")
    with store.engine.connect() as conn:
        claimants = conn.execute(
            sa.select(claims.c.claimant, n)
            .group_by(claims.c.claimant)
            .order_by(n.desc(), claims.c.claimant)
            .limit(max_claimants)
        ).all()
        first, last = conn.execute(
            sa.select(sa.func.min(documents.c.date), sa.func.max(documents.c.date))
        ).one()
    return {
        "relations": sorted(onto.relations),
        "support_types": sorted(onto.support_types),
        "modalities": sorted(onto.modalities),
        "polarities": sorted(onto.polarities),
        "actor_types": sorted(onto.actor_types),
        "claimants": sorted({r.claimant for r in claimants}, key=str.casefold),
        "first_date": first,
        "last_date": last,
    }
