"""GraphML: typed node and edge attributes (`<key attr.type=...>`), for Gephi, yEd,
Cytoscape and networkx (`networkx.read_graphml`)."""

from __future__ import annotations

import re
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
        lines = list(nx.generate_graphml(self.graph))
        # GraphML booleans are XML Schema booleans, "true"/"false"; networkx writes "True"
        flags = set(re.findall(r'<key id="([^"]+)"[^>]* attr.type="boolean"', "\n".join(lines)))
        value = re.compile(r'(<data key="([^"]+)">)(True|False)(</data>)')

        def lower(m: re.Match[str]) -> str:
            flag = m.group(3).lower() if m.group(2) in flags else m.group(3)
            return m.group(1) + flag + m.group(4)

        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write("\n".join(value.sub(lower, line) for line in lines) + "\n")
