"""The map's data: the geocoded places that documents mention, with counts and documents."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from proxygraph.store import Store
from proxygraph.store.tables import documents, mentions
from proxygraph.web.data.document_queries import doc_columns, doc_summary


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
                chunk = sa.select(*doc_columns()).where(
                    documents.c.doc_key.in_(wanted[i : i + 500])
                )
                docs.update({r.doc_key: doc_summary(r) for r in conn.execute(chunk)})
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
