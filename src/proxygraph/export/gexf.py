"""GEXF 1.2: Gephi's own format, with typed attributes; symmetric relations (FIGHTS,
COOPERATES_WITH, MEETS_WITH, SAME_AS) are undirected edges."""

from __future__ import annotations

from typing import Any

import networkx as nx

from proxygraph.export._networkx import NetworkXExporter
from proxygraph.export.base import register
from proxygraph.export.graph import GraphEdge


@register
class GEXFExporter(NetworkXExporter):
    name = "gexf"
    suffix = ".gexf"
    description = "GEXF 1.2 with typed attributes (Gephi)"

    def edge_attrs(self, item: GraphEdge) -> dict[str, Any]:
        attrs = super().edge_attrs(item)
        attrs["type"] = "undirected" if attrs["symmetric"] else "directed"  # GEXF edge type
        return attrs

    def dump(self, handle: Any) -> None:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write("\n".join(nx.generate_gexf(self.graph, version="1.2draft")) + "\n")
