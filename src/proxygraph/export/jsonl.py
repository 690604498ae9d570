"""JSON Lines: one object per node, then one per edge, each with "kind" ("node" or
"edge"). A node is the store's Actor with `country` added; an edge is the store's Edge
with `evidence`, every claim behind it. `read_jsonl` reads the file back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from proxygraph.errors import ExportError
from proxygraph.export.base import Exporter, register
from proxygraph.export.graph import Graph, GraphEdge, GraphNode
from proxygraph.store import Actor, Edge, Evidence


@register
class JSONLExporter(Exporter):
    name = "jsonl"
    suffix = ".jsonl"
    description = 'one JSON object per node and per edge, with "kind"; edges carry evidence'
    needs_evidence = True

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self._out = self.open_text()

    def write(self, item: GraphNode | GraphEdge) -> None:
        kind = "node" if isinstance(item, GraphNode) else "edge"
        record = {"kind": kind, **item.to_dict()}
        self._out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")

    def finalize(self) -> None:
        self.close_text(self._out)


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


def read_jsonl(lines: Iterable[str]) -> Graph:
    """A graph from the lines `--format jsonl` wrote (ExportError on a bad line)."""
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            kind = data.pop("kind")
            if kind == "node":
                actor = _build(Actor, data)
                nodes.append(GraphNode(actor, data.get("country"), data.get("wikidata")))
            elif kind == "edge":
                evidence = tuple(_build(Evidence, ev) for ev in data.pop("evidence", []))
                edges.append(GraphEdge(edge=_build(Edge, data), evidence=evidence))
            else:
                raise ValueError(f"unknown kind {kind!r}")
        except (ValueError, KeyError, TypeError) as exc:
            raise ExportError(f"line {number}: not a proxygraph export record: {exc}") from exc
    return Graph(nodes=tuple(nodes), edges=tuple(edges))
