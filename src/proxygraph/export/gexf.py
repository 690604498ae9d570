"""GEXF 1.2: Gephi's own format, with typed attributes. Every edge is directed (source to
target, as stored), so that readers without mixed graphs (networkx) open it too; the
`symmetric` attribute marks FIGHTS, COOPERATES_WITH, MEETS_WITH and SAME_AS."""

from __future__ import annotations

from typing import Any

import networkx as nx

from proxygraph.export._networkx import NetworkXExporter
from proxygraph.export.base import register


@register
class GEXFExporter(NetworkXExporter):
    name = "gexf"
    suffix = ".gexf"
    description = "GEXF 1.2 with typed attributes (Gephi)"

    def dump(self, handle: Any) -> None:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write("\n".join(nx.generate_gexf(self.graph, version="1.2draft")) + "\n")
