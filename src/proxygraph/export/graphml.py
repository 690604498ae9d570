"""GraphML: typed node and edge attributes (`<key attr.type=...>`), for Gephi, yEd,
Cytoscape and networkx (`networkx.read_graphml`)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from proxygraph.export._networkx import NetworkXExporter
from proxygraph.export.base import register
from proxygraph.export.graph import GraphEdge


@register
class GraphMLExporter(NetworkXExporter):
    name = "graphml"
    suffix = ".graphml"
    description = "GraphML with typed node and edge attributes (Gephi, yEd, networkx)"

    def edge_attrs(self, item: GraphEdge) -> dict[str, Any]:
        attrs = super().edge_attrs(item)
        del attrs["id"]  # the edge id is the <edge id="..."> (the MultiDiGraph key)
        return attrs

    def dump(self, handle: Any) -> None:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write("\n".join(nx.generate_graphml(self.graph)) + "\n")
