"""The network view's data: edges matching a GraphFilter, as graph elements, and the
evidence behind one edge."""

from __future__ import annotations

from typing import Any

from proxygraph.errors import StoreError
from proxygraph.store import Edge, EdgeFilter, Evidence, Store
from proxygraph.store.rows import document_key
from proxygraph.web.data import SCAN_LIMIT, GraphFilter, NotFound
from proxygraph.web.data.display import highlights, safe_url


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
    """One claim behind an edge, as data, with its document key, safe link and highlights."""
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
