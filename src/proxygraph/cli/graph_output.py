"""Plain-text, JSON Lines and CSV renderings of edges, actors and evidence."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from proxygraph.ontology import ontology
from proxygraph.store import Actor, Edge, Evidence

EDGE_CSV_FIELDS = [
    "edge_id", "source", "source_type", "relation", "target", "target_type", "support_type",
    "claims", "documents", "outlets", "independent_outlets", "affirmed", "denied",
    "contested", "first_date", "last_date", "claimants", "deniers", "modalities",
    "outlet_names",
]  # fmt: skip


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def edge_line(e: Edge) -> str:
    """One edge as 'source -[RELATION:type]-> target'."""
    rel = e.relation + (f":{e.support_type}" if e.support_type else "")
    arrow = "<->" if e.relation in ontology().symmetric else "->"
    return f"{e.source} -[{rel}]{arrow} {e.target}"


def edges_table(edges: Sequence[Edge]) -> str:
    """Edges as an aligned table, one per line."""
    header = ("id", "claims", "outlets", "indep", "aff/den", "seen", "edge")
    rows = [header]
    for e in edges:
        dates = "..".join(dict.fromkeys(d for d in (e.first_date, e.last_date) if d)) or "-"
        flag = " CONTESTED" if e.contested else ""
        rows.append(
            (
                e.edge_id,
                str(e.claims),
                str(e.outlets),
                str(e.independent_outlets),
                f"{e.affirmed}/{e.denied}",
                dates,
                _cut(edge_line(e), 90) + flag,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1]
             for r in rows]  # fmt: skip
    lines.append(f"({len(edges)} edges)")
    return "\n".join(line.rstrip() for line in lines)


def edges_jsonl(edges: Sequence[Edge]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in edges)


def edges_csv(edges: Sequence[Edge]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EDGE_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for e in edges:
        row: dict[str, Any] = {k: v for k, v in e.to_dict().items() if k in EDGE_CSV_FIELDS}
        for key in ("claimants", "deniers", "outlet_names"):
            row[key] = "; ".join(row[key])
        row["modalities"] = "; ".join(f"{k}={v}" for k, v in e.modalities.items())
        row["support_type"] = row["support_type"] or ""
        writer.writerow(row)
    return out.getvalue()


def actor_text(actor: Actor) -> str:
    """An actor as a short block."""
    lines = [f"{actor.name}  ({actor.type}; {actor.key})"]
    if actor.part_of:
        lines.append(f"  part of:  {actor.part_of}")
    lines.append(f"  aliases:  {', '.join(actor.aliases) or '-'}")
    if actor.places:
        lines.append(f"  places:   {', '.join(actor.places)}")
    if actor.merged:
        lines.append(f"  merged:   {', '.join(actor.merged)}")
    lines.append(f"  degree:   {actor.degree} actors over {actor.edges} edges")
    lines.append(f"  claims in {actor.documents} documents")
    return "\n".join(lines)


def evidence_text(edge: Edge, items: Sequence[Evidence]) -> str:
    """The claims behind an edge, each with its sentence, claimant, outlet and date."""
    lines = [f"{edge.edge_id}  {edge_line(edge)}" + ("  CONTESTED" if edge.contested else "")]
    lines.append(
        f"{edge.claims} claims, {edge.outlets} outlets, {edge.independent_outlets} independent; "
        f"{edge.affirmed} affirmed, {edge.denied} denied"
    )
    for ev in items:
        attrs = [ev.polarity, ev.modality]
        if ev.support_type:
            attrs.append("support_type=" + ",".join(ev.support_type))
        attrs += [f"{k}={v}" for k, v in (("kind", ev.kind), ("role", ev.role),
                                          ("time", ev.time)) if v]  # fmt: skip
        claimant = ev.claimant + (f' ("{ev.claimant_mention}")' if ev.claimant_mention else "")
        lines.append("")
        lines.append(f"- {ev.outlet}, {ev.date or 'undated'}, doc {ev.doc_id}")
        lines.append(f"  {'; '.join(attrs)}; by {claimant}")
        if ev.url:
            lines.append(f"  {ev.url}")
        lines.append(f'  "{" ".join(ev.sentence.split())}"')
    return "\n".join(lines)
