"""A networkx MultiDiGraph of the nodes and edges fed to an exporter, for the XML formats.

Every attribute is a string, integer, float or boolean, so that the writers declare typed
attributes; lists are joined with "; " and unknown values are "".
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from proxygraph.export.base import Exporter, edge_row, node_row
from proxygraph.export.graph import GraphEdge, GraphNode


class NetworkXExporter(Exporter):
    """Gathers a MultiDiGraph (node id: actor key; edge key: edge id); `dump` writes it."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="proxygraph claim graph")

    def node_attrs(self, node: GraphNode) -> dict[str, Any]:
        attrs: dict[str, Any] = dict(node_row(node))
        del attrs["id"]
        attrs["name"] = node.actor.name
        return attrs

    def edge_attrs(self, item: GraphEdge) -> dict[str, Any]:
        attrs: dict[str, Any] = dict(edge_row(item))
        del attrs["source"], attrs["target"]
        # Gephi reads `weight` as the edge's thickness: how independently it is reported.
        attrs["weight"] = float(item.edge.independent_outlets)
        return attrs

    def write(self, item: GraphNode | GraphEdge) -> None:
        if isinstance(item, GraphNode):
            self.graph.add_node(item.key, **self.node_attrs(item))
            return
        e = item.edge
        for key, name, kind in ((e.source_key, e.source, e.source_type),
                                (e.target_key, e.target, e.target_type)):  # fmt: skip
            if key not in self.graph:  # an end the caller did not feed as a node
                self.graph.add_node(key, label=name, name=name, type=kind)
        self.graph.add_edge(e.source_key, e.target_key, key=e.edge_id, **self.edge_attrs(item))

    def dump(self, handle: Any) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        handle = self.open_text()
        try:
            self.dump(handle)
        finally:
            self.close_text(handle)
