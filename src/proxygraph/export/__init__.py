"""Exports of the claim graph: GraphML, GEXF, CSV, JSON Lines and FollowTheMoney.

    from proxygraph.export import export
    from proxygraph.store import EdgeFilter, Store

    with Store("proxygraph.db") as store:
        export(store, "graphml", "graph.graphml", EdgeFilter(relation="SUPPORTS"))

Each format is an `Exporter` (export/base.py) registered by name; `register` adds one.
"""

from __future__ import annotations

from pathlib import Path

from proxygraph.errors import ExportError
from proxygraph.export.base import (
    STDOUT,
    Exporter,
    export_graph,
    exporter_names,
    get_exporter,
    register,
)
from proxygraph.export.graph import Graph, GraphEdge, GraphNode, load_graph
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.store import EdgeFilter, Store

__all__ = [
    "Exporter",
    "Graph",
    "GraphEdge",
    "GraphNode",
    "export",
    "export_graph",
    "exporter_names",
    "get_exporter",
    "load_graph",
    "register",
]


def export(
    store: Store,
    fmt: str,
    target: str | Path,
    flt: EdgeFilter | None = None,
    *,
    kb: KnowledgeBase | None = None,
) -> Graph:
    """Write the edges matching a filter, and the actors at their ends, in one format.

    store (Store): an open store.
    fmt (str): a format name (exporter_names()).
    target (str | Path): the output file ("-" for stdout), or for csv a folder or prefix.
    flt (EdgeFilter | None): which edges; None for all.
    kb (KnowledgeBase | None): for countries and part_of names; the built-in one if None.
    RETURNS (Graph): what was written.
    """
    cls = get_exporter(fmt)
    if str(target) == STDOUT and not cls.streams:
        raise ExportError(f"--format {fmt} writes files: give -o DIR/ or -o PREFIX")
    graph = load_graph(store, flt, evidence=cls.needs_evidence, kb=kb)
    export_graph(graph, cls(str(target)))
    return graph
