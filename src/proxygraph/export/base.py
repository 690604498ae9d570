"""The exporter interface and the registry of formats by name.

An exporter is fed every node, then every edge (`write`), and then `finalize`d, when it
writes what it has gathered and closes its files; formats that can stream write as they
go. Built-in formats are registered by module path and imported when first asked for, so
that an optional library (followthemoney) is needed only by its own format. Like
followthemoney's `export/common.py`.
"""

from __future__ import annotations

import importlib
import sys
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar, TextIO

from proxygraph.errors import ExportError
from proxygraph.export.graph import Graph, GraphEdge, GraphNode
from proxygraph.ontology import ontology

STDOUT = "-"


class Exporter(ABC):
    """Writes a graph in one format.

    target (str | Path): where to write; "-" for standard output where the format allows.

    Subclasses set `name` (the --format value), `suffix` and `description`;
    `needs_evidence` when they read the claims behind each edge; `streams` False when
    they cannot write to standard output.
    """

    name: ClassVar[str]
    suffix: ClassVar[str] = ""
    description: ClassVar[str] = ""
    needs_evidence: ClassVar[bool] = False
    streams: ClassVar[bool] = True

    def __init__(self, target: str | Path) -> None:
        self.target = str(target)
        if self.target == STDOUT and not self.streams:
            raise ExportError(f"--format {self.name} writes files: give -o DIR/ or -o PREFIX")

    @abstractmethod
    def write(self, item: GraphNode | GraphEdge) -> None:
        """Take one node or edge (all nodes come before the edges)."""

    @abstractmethod
    def finalize(self) -> None:
        """Write what is left and close the output."""

    def open_text(self, path: str | None = None) -> TextIO:
        """The target (or another path) opened for writing UTF-8; stdout for "-"."""
        path = path or self.target
        if path == STDOUT:
            return sys.stdout
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc

    @staticmethod
    def close_text(handle: TextIO) -> None:
        if handle is sys.stdout:
            handle.flush()
        else:
            handle.close()


# --- registry ---------------------------------------------------------------------------

_BUILTIN: dict[str, str] = {
    "graphml": "proxygraph.export.graphml:GraphMLExporter",
    "gexf": "proxygraph.export.gexf:GEXFExporter",
    "csv": "proxygraph.export.csv:CSVExporter",
    "jsonl": "proxygraph.export.jsonl:JSONLExporter",
    "ftm": "proxygraph.export.ftm:FtMExporter",
}
_REGISTERED: dict[str, type[Exporter]] = {}


def register(cls: type[Exporter]) -> type[Exporter]:
    """Class decorator: make an exporter available under its `name`."""
    _REGISTERED[cls.name] = cls
    return cls


def exporter_names() -> list[str]:
    """Every format name, built-in ones first."""
    return list(dict.fromkeys([*_BUILTIN, *_REGISTERED]))


def get_exporter(name: str) -> type[Exporter]:
    """The exporter class of a format; ExportError if unknown or its library is missing."""
    if name in _BUILTIN:  # imported each time (a no-op once loaded) so a missing extra shows
        module, _, attr = _BUILTIN[name].partition(":")
        cls: type[Exporter] = getattr(importlib.import_module(module), attr)
        return cls
    if name in _REGISTERED:
        return _REGISTERED[name]
    raise ExportError(f"unknown export format {name!r}; one of {', '.join(exporter_names())}")


def export_graph(graph: Graph, exporter: Exporter) -> None:
    """Feed every node, then every edge, to the exporter, then finalize it."""
    for item in graph.items():
        exporter.write(item)
    exporter.finalize()


# --- flat attributes, shared by the table and XML formats --------------------------------


def _joined(values: Any) -> str:
    return "; ".join(str(v) for v in values)


def _counts(values: dict[str, int]) -> str:
    return "; ".join(f"{k}={v}" for k, v in sorted(values.items()))


NODE_FIELDS: list[str] = [
    "id", "label", "type", "kb_id", "aliases", "part_of", "country", "places", "degree",
    "edges", "documents",
]  # fmt: skip

EDGE_FIELDS: list[str] = [
    "id", "source", "target", "label", "relation", "support_type", "symmetric", "source_name",
    "target_name", "claims", "documents", "outlets", "independent_outlets", "affirmed",
    "denied", "contested", "first_date", "last_date", "claimants", "deniers", "outlet_names",
    "modalities", "kinds", "roles",
]  # fmt: skip


def node_row(node: GraphNode) -> dict[str, str | int]:
    """A node as flat, typed values (strings and integers; "" where unknown)."""
    a = node.actor
    return {
        "id": a.key,
        "label": a.name,
        "type": a.type,
        "kb_id": a.kb_id or "",
        "aliases": _joined(a.aliases),
        "part_of": a.part_of or "",
        "country": node.country or "",
        "places": _joined(a.places),
        "degree": a.degree,
        "edges": a.edges,
        "documents": a.documents,
    }


def edge_label(item: GraphEdge) -> str:
    """RELATION or RELATION:support_type."""
    e = item.edge
    return e.relation + (f":{e.support_type}" if e.support_type else "")


def edge_row(item: GraphEdge) -> dict[str, str | int | bool]:
    """An edge as flat, typed values (strings, integers and booleans; "" where unknown)."""
    e = item.edge
    return {
        "id": e.edge_id,
        "source": e.source_key,
        "target": e.target_key,
        "label": edge_label(item),
        "relation": e.relation,
        "support_type": e.support_type or "",
        "symmetric": e.relation in ontology().symmetric,
        "source_name": e.source,
        "target_name": e.target,
        "claims": e.claims,
        "documents": e.documents,
        "outlets": e.outlets,
        "independent_outlets": e.independent_outlets,
        "affirmed": e.affirmed,
        "denied": e.denied,
        "contested": e.contested,
        "first_date": e.first_date or "",
        "last_date": e.last_date or "",
        "claimants": _joined(e.claimants),
        "deniers": _joined(e.deniers),
        "outlet_names": _joined(e.outlet_names),
        "modalities": _counts(e.modalities),
        "kinds": _counts(e.kinds),
        "roles": _joined(e.roles),
    }


