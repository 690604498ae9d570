"""CSV: a node table and an edge table (spreadsheets, Gephi's data laboratory, pandas).

`-o DIR/` (an existing folder, or a path ending in "/") writes DIR/nodes.csv and
DIR/edges.csv; any other `-o PREFIX` writes PREFIX.nodes.csv and PREFIX.edges.csv (a
trailing ".csv" is dropped first). Lists are joined with "; ", unknown values are empty,
booleans are `true`/`false`.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TextIO

from proxygraph.export.base import (
    EDGE_FIELDS,
    NODE_FIELDS,
    Exporter,
    edge_row,
    node_row,
    register,
)
from proxygraph.export.graph import GraphEdge, GraphNode


def csv_paths(target: str) -> tuple[Path, Path]:
    """(nodes.csv, edges.csv) for a -o DIR or -o PREFIX."""
    if target.endswith(("/", os.sep)) or Path(target).is_dir():
        folder = Path(target)
        return folder / "nodes.csv", folder / "edges.csv"
    prefix = target[: -len(".csv")] if target.lower().endswith(".csv") else target
    return Path(prefix + ".nodes.csv"), Path(prefix + ".edges.csv")


def _cell(value: str | int | bool) -> str | int:
    return ("true" if value else "false") if isinstance(value, bool) else value


@register
class CSVExporter(Exporter):
    name = "csv"
    suffix = ""
    description = "two tables, nodes.csv and edges.csv (-o DIR/ or -o PREFIX)"
    streams = False

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.paths = csv_paths(self.target)
        self._files: list[TextIO] = []
        self._nodes = self._open(self.paths[0], NODE_FIELDS)
        self._edges = self._open(self.paths[1], EDGE_FIELDS)

    def _open(self, path: Path, fields: list[str]) -> csv.DictWriter[str]:
        handle = self.open_text(str(path))
        self._files.append(handle)
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        return writer

    def write(self, item: GraphNode | GraphEdge) -> None:
        if isinstance(item, GraphNode):
            self._nodes.writerow(node_row(item))
        else:
            self._edges.writerow({k: _cell(v) for k, v in edge_row(item).items()})

    def finalize(self) -> None:
        for handle in self._files:
            self.close_text(handle)
